using System.Globalization;
using GitBot.Core.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitBot.Agents.Configuration;

/// <summary>
/// Typed reads from YamlDotNet's representation model that never throw: every value that is missing, of the wrong
/// type or out of range becomes a <see cref="ConfigProblem"/> naming the file, the key path and the 1-based line,
/// and the read returns null so the caller keeps its default and goes on collecting problems.
/// </summary>
/// <remarks>
/// Typing rules: numbers and booleans must be plain (unquoted) scalars, so <c>"3"</c> is reported as a string where a
/// number goes; a plain empty value, <c>~</c> or <c>null</c> means "not set". Only <c>true</c>/<c>false</c> are
/// booleans (YAML 1.1's <c>yes</c>/<c>on</c> are refused with a hint).
/// </remarks>
internal sealed class YamlConfigReader(string file, int lineOffset, List<ConfigProblem> problems)
{
    public string File { get; } = file;

    /// <summary>Problems reported so far (by any reader sharing the list), to tell whether a read added one.</summary>
    public int ProblemCount => problems.Count;

    /// <summary>
    /// Nodes merged in from the node operator's overlay (<see cref="ConfigOverlay"/>): a problem in one names
    /// <see cref="RepoConfigFiles.OverlayName"/> instead of <see cref="File"/>. Compared by reference.
    /// </summary>
    public ISet<YamlNode>? OverlayNodes { get; init; }

    public void Report(YamlNode? node, string key, string message) =>
        problems.Add(new ConfigProblem(
            node is not null && OverlayNodes is not null && OverlayNodes.Contains(node) ? RepoConfigFiles.OverlayName : File,
            key, message, node is null ? null : LineOf(node)));

    public void Report(int? line, string key, string message) => problems.Add(new ConfigProblem(File, key, message, line));

    public int LineOf(YamlNode node) => LineOf(node.Start);

    public int LineOf(Mark mark) => (int)Math.Min(int.MaxValue, mark.Line + lineOffset);

    /// <summary>The mapping's entries by key; non-string keys and keys outside <paramref name="allowed"/> are reported.</summary>
    /// <param name="nested">Keys that live deeper (<c>limits.max_turns</c>): a misplaced one is pointed to its place.</param>
    public Dictionary<string, (YamlNode Key, YamlNode Value)> Entries(
        YamlMappingNode map,
        string path,
        IReadOnlyCollection<string> allowed,
        IReadOnlyCollection<string>? ignored = null,
        IReadOnlyCollection<string>? nested = null)
    {
        var entries = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name })
            {
                Report(keyNode, path, "keys must be plain names, not lists or mappings");
                continue;
            }

            var keyPath = Join(path, name);
            if (allowed.Contains(name))
            {
                entries[name] = (keyNode, value);
            }
            else if (ignored is null || !ignored.Contains(name))
            {
                var suggestion = KeySuggester.Suggest(name, allowed) ?? NestedSuggestion(name, nested);
                var hint = suggestion is null ? "." : $"; did you mean `{suggestion}`?";
                Report(keyNode, keyPath, $"unknown key `{name}`{hint} Allowed here: {string.Join(", ", allowed.Select(a => $"`{a}`"))}.");
            }
        }

        return entries;
    }

    private static string? NestedSuggestion(string name, IReadOnlyCollection<string>? nested)
    {
        if (nested is null)
        {
            return null;
        }

        var leaf = KeySuggester.Suggest(name, nested.Select(n => n[(n.LastIndexOf('.') + 1)..]));
        return leaf is null ? null : nested.First(n => n.EndsWith("." + leaf, StringComparison.Ordinal));
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" } scalar
        && IsUntagged(scalar);

    public YamlMappingNode? Mapping(YamlNode node, string path)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        Report(node, path, $"expected a mapping of keys to values, got {Describe(node)}");
        return null;
    }

    public string? String(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Report(node, path, $"expected a string, got {Describe(node)}");
        return null;
    }

    public int? Int(YamlNode node, string path, int min, int max)
    {
        var text = PlainScalar(node, path, "a whole number");
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Report(node, path, $"expected a whole number from {min} to {max}, got `{text}`");
            return null;
        }

        if (value < min || value > max)
        {
            Report(node, path, $"must be from {min} to {max}, got {value}");
            return null;
        }

        return (int)value;
    }

    public decimal? Decimal(YamlNode node, string path)
    {
        var text = PlainScalar(node, path, "a number");
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Report(node, path, $"expected a number such as `2` or `0.5`, got `{text}`");
            return null;
        }

        return value;
    }

    public bool? Bool(YamlNode node, string path)
    {
        var text = PlainScalar(node, path, "`true` or `false`");
        switch (text)
        {
            case null:
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                Report(node, path, $"expected `true` or `false`, got `{text}`");
                return null;
        }
    }

    /// <summary>One of a fixed set of words (case-sensitive), e.g. <c>squash</c>; anything else is reported with the choices.</summary>
    public string? Choice(YamlNode node, string path, IReadOnlyCollection<string> allowed)
    {
        var text = String(node, path);
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        var suggestion = KeySuggester.Suggest(text, allowed);
        var hint = suggestion is null ? "" : $" (did you mean `{suggestion}`?)";
        Report(node, path, $"unknown value `{Shorten(text)}`{hint}; allowed: {string.Join(", ", allowed.Select(a => $"`{a}`"))}");
        return null;
    }

    public TimeSpan? Duration(YamlNode node, string path, TimeSpan min, TimeSpan max)
    {
        var text = String(node, path);
        if (text is null)
        {
            return null;
        }

        var value = DurationText.Parse(text);
        if (value is null)
        {
            Report(node, path, $"expected a duration such as `90s`, `30m`, `1h` or a whole number of seconds, got `{text}`");
            return null;
        }

        if (value < min || value > max)
        {
            Report(node, path, $"must be from {DurationText.Format(min)} to {DurationText.Format(max)}, got {DurationText.Format(value.Value)}");
            return null;
        }

        return value;
    }

    /// <summary>
    /// A list of strings. A scalar is accepted too and split by <paramref name="split"/> (null: a scalar is an error),
    /// so <c>test_command: dotnet test</c> and Claude Code's <c>tools: Read, Grep</c> both work.
    /// </summary>
    public List<(string Value, YamlNode Node, string Path)>? StringList(YamlNode node, string path, Func<string, IEnumerable<string>>? split)
    {
        if (node is YamlScalarNode { Value: { } text } && split is not null)
        {
            return [.. split(text).Select((part, i) => (part, node, $"{path}[{i}]"))];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Report(node, path, $"expected a list of strings, got {Describe(node)}");
            return null;
        }

        var items = new List<(string, YamlNode, string)>();
        var ok = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var itemPath = $"{path}[{i}]";
            if (item is YamlScalarNode { Value: { } value } && !IsNull(item))
            {
                items.Add((value, item, itemPath));
            }
            else
            {
                Report(item, itemPath, $"expected a string, got {Describe(item)}");
                ok = false;
            }
        }

        return ok ? items : null;
    }

    private string? PlainScalar(YamlNode node, string path, string expected)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text } scalar && IsUntagged(scalar))
        {
            return text;
        }

        Report(node, path, $"expected {expected}, got {Describe(node)}");
        return null;
    }

    private static bool IsUntagged(YamlScalarNode scalar) => scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific;

    /// <summary>What a node is, for messages: "a list", "a mapping", "the string `x`".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode s when IsNull(s) => "no value",
        YamlScalarNode { Style: ScalarStyle.Plain } s when IsUntagged(s) => $"`{Shorten(s.Value)}`",
        YamlScalarNode s => $"the string `{Shorten(s.Value)}`",
        _ => "an alias",
    };

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
