using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace GitBot.Cli.Tests.Deploy;

/// <summary>
/// Reads the repository's deployment files as data. YAML documents come back as JSON nodes whose scalars are all
/// strings (<c>false</c> is <c>"false"</c>), read with YamlDotNet independently of the product's own manifest reader.
/// </summary>
internal static class DeployFiles
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every document of a (multi-document) YAML file.</summary>
    public static IReadOnlyList<JsonObject> YamlDocuments(string relative)
    {
        var deserializer = new DeserializerBuilder().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        var parser = new Parser(new StringReader(Text(relative)));
        parser.Consume<StreamStart>();
        var documents = new List<JsonObject>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var value = deserializer.Deserialize<object?>(parser);
            if (value is not null)
            {
                documents.Add(JsonNode.Parse(json.Serialize(value))!.AsObject());
            }
        }

        return documents;
    }

    public static JsonObject Yaml(string relative) => Assert.Single(YamlDocuments(relative));

    public static string? Str(this JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node?[key];
        }

        return node?.GetValue<string>();
    }

    public static IEnumerable<string> Keys(this JsonNode? node) => node is JsonObject o ? o.Select(p => p.Key) : [];

    public static IEnumerable<JsonNode> Items(this JsonNode? node) => node is JsonArray a ? a.OfType<JsonNode>() : [];

    /// <summary>A systemd unit as section → key → values (keys may repeat).</summary>
    public static Dictionary<string, Dictionary<string, List<string>>> Unit(string relative)
    {
        var sections = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        Dictionary<string, List<string>>? current = null;
        foreach (var raw in File.ReadLines(PathOf(relative)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                current = sections[line.Trim('[', ']')] = new(StringComparer.Ordinal);
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(current is not null && eq > 0, "unit line outside a section or without '=': " + line);
            var key = line[..eq];
            if (!current!.TryGetValue(key, out var values))
            {
                current[key] = values = [];
            }

            values.Add(line[(eq + 1)..]);
        }

        return sections;
    }

    /// <summary>A duration as systemd (<c>120s</c>, <c>2min</c>) or .NET (<c>00:01:30</c>) writes it.</summary>
    public static TimeSpan Duration(string text) =>
        text.EndsWith("min", StringComparison.Ordinal) ? TimeSpan.FromMinutes(double.Parse(text[..^3], System.Globalization.CultureInfo.InvariantCulture))
        : text.EndsWith('s') ? TimeSpan.FromSeconds(double.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture))
        : text.EndsWith('m') ? TimeSpan.FromMinutes(double.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture))
        : TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GitBot.sln")) && Directory.Exists(Path.Combine(dir.FullName, "deploy")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (GitBot.sln with deploy/) was not found above " + AppContext.BaseDirectory);
    }
}
