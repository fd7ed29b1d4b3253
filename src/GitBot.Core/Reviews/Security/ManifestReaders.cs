using System.Text.RegularExpressions;

namespace GitBot.Core.Reviews.Security;

/// <summary>A dependency named on one manifest line; <see cref="Version"/> is empty when the line gives none.</summary>
internal readonly record struct DeclaredDependency(string Name, string Version);

/// <summary>
/// Reads the dependencies a manifest declares, one line at a time, fed the lines of one side of a hunk in order
/// (so it can follow which section a line is in). A fresh reader is used per hunk and side.
/// </summary>
internal abstract class ManifestReader
{
    public abstract DeclaredDependency? Read(string line);

    /// <summary>The reader for <paramref name="fileName"/> with its ecosystem name, or null when it is not a manifest.</summary>
    public static (string Ecosystem, Func<ManifestReader> Create)? For(string fileName) => fileName switch
    {
        "Directory.Packages.props" => ("NuGet", () => new MsBuildReader()),
        _ when fileName.EndsWith(".csproj", StringComparison.Ordinal) || fileName.EndsWith(".fsproj", StringComparison.Ordinal)
            || fileName.EndsWith(".vbproj", StringComparison.Ordinal) => ("NuGet", () => new MsBuildReader()),
        "package.json" => ("npm", () => new PackageJsonReader()),
        "go.mod" => ("Go", () => new GoModReader()),
        "Cargo.toml" => ("Cargo", () => new CargoReader()),
        _ when fileName.StartsWith("requirements", StringComparison.Ordinal) && fileName.EndsWith(".txt", StringComparison.Ordinal)
            => ("PyPI", () => new RequirementsReader()),
        _ => null,
    };
}

internal sealed partial class MsBuildReader : ManifestReader
{
    public override DeclaredDependency? Read(string line)
    {
        var match = PackageElement().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var version = VersionAttribute().Match(line);
        return new DeclaredDependency(match.Groups["n"].Value, version.Success ? version.Groups["v"].Value : string.Empty);
    }

    [GeneratedRegex(@"<Package(?:Reference|Version)\b[^>]*?\b(?:Include|Update)\s*=\s*""(?<n>[^""]+)""")]
    private static partial Regex PackageElement();

    [GeneratedRegex(@"\bVersion(?:Override)?\s*=\s*""(?<v>[^""]*)""")]
    private static partial Regex VersionAttribute();
}

internal sealed partial class PackageJsonReader : ManifestReader
{
    private static readonly string[] Sections = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
    private static readonly string[] TopLevelFields = ["name", "version", "main", "module", "types", "license", "description", "node", "npm"];
    private bool? _inDependencies;

    public override DeclaredDependency? Read(string line)
    {
        var pair = Pair().Match(line);
        if (!pair.Success)
        {
            if (line.TrimStart().StartsWith('}'))
            {
                _inDependencies = false;
            }

            return null;
        }

        var key = pair.Groups["k"].Value;
        if (pair.Groups["open"].Success)
        {
            _inDependencies = Sections.Contains(key, StringComparer.Ordinal) && !line.Contains('}', StringComparison.Ordinal);
            return null;
        }

        var value = pair.Groups["v"].Value;
        var isDependency = _inDependencies ?? (!TopLevelFields.Contains(key, StringComparer.Ordinal) && VersionSpec().IsMatch(value));
        return isDependency ? new DeclaredDependency(key, value) : null;
    }

    [GeneratedRegex(@"^\s*""(?<k>[^""]+)""\s*:\s*(?:(?<open>\{)|""(?<v>[^""]*)"")")]
    private static partial Regex Pair();

    [GeneratedRegex(@"^(?:[\^~<>=v ]*\d+(?:\.[\dx*]+)*|npm:|git\+|github:|file:|link:|workspace:|latest$|https?://)")]
    private static partial Regex VersionSpec();
}

internal sealed partial class RequirementsReader : ManifestReader
{
    public override DeclaredDependency? Read(string line)
    {
        var match = Requirement().Match(line);
        return match.Success ? new DeclaredDependency(match.Groups["n"].Value, match.Groups["v"].Value.Trim()) : null;
    }

    // "name[extra]>=1.0,<2 ; marker  # comment"; options (-r, -e, --index-url) and comments do not match.
    [GeneratedRegex(@"^\s*(?<n>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?<v>(?:===|==|>=|<=|~=|!=|>|<)[^;#]*)?\s*(?:[;#@].*)?$")]
    private static partial Regex Requirement();
}

internal sealed partial class GoModReader : ManifestReader
{
    public override DeclaredDependency? Read(string line)
    {
        var match = Replace().Match(line);
        if (!match.Success)
        {
            match = Require().Match(line);
        }

        return match.Success ? new DeclaredDependency(match.Groups["n"].Value, match.Groups["v"].Value) : null;
    }

    [GeneratedRegex(@"^\s*(?:require\s+)?(?<n>[A-Za-z0-9][A-Za-z0-9._~-]*\.[A-Za-z0-9._~/-]+)\s+(?<v>v\d\S*)")]
    private static partial Regex Require();

    [GeneratedRegex(@"=>\s*(?<n>[A-Za-z0-9][A-Za-z0-9._~/-]*)\s+(?<v>v\d\S*)")]
    private static partial Regex Replace();
}

internal sealed partial class CargoReader : ManifestReader
{
    private bool? _inDependencies;
    private string? _tableDependency;

    public override DeclaredDependency? Read(string line)
    {
        var header = Header().Match(line);
        if (header.Success)
        {
            var table = TableDependency().Match(header.Groups["s"].Value);
            _tableDependency = table.Success ? table.Groups["n"].Value : null;
            _inDependencies = !table.Success && header.Groups["s"].Value.EndsWith("dependencies", StringComparison.Ordinal);
            return null;
        }

        var entry = Entry().Match(line);
        if (!entry.Success)
        {
            return null;
        }

        var key = entry.Groups["n"].Value;
        if (_tableDependency is not null)
        {
            return key == "version" ? new DeclaredDependency(_tableDependency, entry.Groups["v"].Value) : null;
        }

        var inline = entry.Groups["t"];
        if (_inDependencies == false || (_inDependencies is null && !inline.Success))
        {
            return null;
        }

        if (!inline.Success)
        {
            return new DeclaredDependency(key, entry.Groups["v"].Value);
        }

        var version = InlineVersion().Match(inline.Value);
        return new DeclaredDependency(key, version.Success ? version.Groups["v"].Value
            : inline.Value.Contains("git", StringComparison.Ordinal) ? "git" : inline.Value.Contains("path", StringComparison.Ordinal) ? "path" : string.Empty);
    }

    [GeneratedRegex(@"^\s*\[(?<s>[^\]]+)\]\s*(?:#.*)?$")]
    private static partial Regex Header();

    [GeneratedRegex(@"(?:^|\.)(?:dev-|build-)?dependencies\.(?<n>[A-Za-z0-9_-]+)$")]
    private static partial Regex TableDependency();

    [GeneratedRegex(@"^\s*(?<n>[A-Za-z0-9_-]+)\s*=\s*(?:""(?<v>[^""]*)""|\{(?<t>.*)\})")]
    private static partial Regex Entry();

    [GeneratedRegex(@"\bversion\s*=\s*""(?<v>[^""]*)""")]
    private static partial Regex InlineVersion();
}
