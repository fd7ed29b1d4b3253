using System.Globalization;

namespace GitBot.Storage.Migrations;

/// <summary>One embedded migration, <c>migrations/&lt;provider&gt;/&lt;NNNN&gt;_&lt;name&gt;.sql</c>.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>The provider's scripts in version order. Versions must be unique; a gap is allowed.</summary>
    public static IReadOnlyList<MigrationScript> Load(DatabaseProvider provider)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = $"migrations/{provider.ToString().ToLowerInvariant()}/";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[prefix.Length..^".sql".Length];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        return scripts;
    }
}
