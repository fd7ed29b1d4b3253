namespace GitBot.Agents.Configuration;

/// <summary>
/// The fields one source (a role file or a <c>roles</c> entry of gitbot.yml) sets for a role. Unset fields (null)
/// keep the value of the same-named role from a lower-precedence source.
/// </summary>
internal sealed class RolePatch(string name, string file, string keyPrefix, int? line)
{
    public string Name { get; } = name;

    public string File { get; } = file;

    /// <summary><c>roles.backend</c> in gitbot.yml; empty in a role file, where keys stand alone.</summary>
    public string KeyPrefix { get; } = keyPrefix;

    public int? Line { get; } = line;

    /// <summary>True when reading a field failed; the role is then not checked further, to avoid follow-on problems.</summary>
    public bool HasErrors { get; set; }

    public string? Description { get; set; }

    public string? Prompt { get; set; }

    public IReadOnlyList<string>? Tools { get; set; }

    /// <summary>True when the source names a model; <see cref="Model"/> null then means the backend's default.</summary>
    public bool ModelSet { get; set; }

    public string? Model { get; set; }

    public string? Backend { get; set; }

    public IReadOnlyList<string>? Command { get; set; }

    public bool? PromptOnStdin { get; set; }

    public IReadOnlyList<string>? Environment { get; set; }

    /// <summary>Node labels the role requires (sorted, distinct), or null to keep the lower source's.</summary>
    public IReadOnlyList<string>? Labels { get; set; }

    /// <summary>Line of each key this source set, for problems found only after merging.</summary>
    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

    public string KeyPath(string key) => YamlConfigReader.Join(KeyPrefix, key);

    public int? LineOf(string key) => Lines.TryGetValue(key, out var line) ? line : Line;
}
