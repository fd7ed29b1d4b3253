using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace GitBot.Agents.Configuration;

/// <summary>
/// Reads a role's <c>labels</c>: the node labels its tasks need. Each label is lower-case letters, digits, <c>-</c> and
/// <c>_</c> (at most 32 characters, the same rule as a node's <c>Scheduler:Labels</c>), at most
/// <see cref="MaxLabels"/> per role, so that the set of label combinations a node serves stays small.
/// </summary>
internal static partial class RoleLabelsReader
{
    public const int MaxLabels = 4;

    public static List<string>? Read(YamlConfigReader reader, YamlNode node, string path)
    {
        var items = reader.StringList(node, path, text => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (items is null)
        {
            return null;
        }

        var ok = true;
        foreach (var (label, itemNode, itemPath) in items)
        {
            if (!Label().IsMatch(label.Trim()))
            {
                reader.Report(itemNode, itemPath, $"`{label}` is not a node label; use lower-case letters, digits, `-` and `_` (at most 32), e.g. `gpu`");
                ok = false;
            }
        }

        var distinct = items.Select(i => i.Value.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ok && distinct.Count > MaxLabels)
        {
            reader.Report(node, path, $"names {distinct.Count} labels; a role may require at most {MaxLabels}");
            ok = false;
        }

        return ok ? distinct : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex Label();
}
