using GitBot.Core.Configuration;
using YamlDotNet.RepresentationModel;

namespace GitBot.Agents.Configuration;

/// <summary>
/// Reads the <c>gate</c> mapping. Whether each required check is one GitBot reports for an enabled agent is decided by
/// <see cref="ReviewGateRules"/> once <c>reviews.agents</c> is known.
/// </summary>
internal static class GateReader
{
    public static readonly string[] Keys = ["required_approvals", "required_checks", "auto_merge", "merge_method"];

    private static readonly string[] MergeMethods = ["merge", "squash", "rebase"];

    public static GateDraft Read(YamlConfigReader reader, YamlNode node, string path)
    {
        var draft = new GateDraft();
        var map = reader.Mapping(node, path);
        if (map is null)
        {
            return draft;
        }

        foreach (var (key, (_, value)) in reader.Entries(map, path, Keys))
        {
            if (YamlConfigReader.IsNull(value))
            {
                continue;
            }

            var keyPath = $"{path}.{key}";
            switch (key)
            {
                case "required_approvals":
                    draft.RequiredApprovals = reader.Int(value, keyPath, 0, 10);
                    break;
                case "required_checks":
                    draft.RequiredChecks = RequiredChecks(reader, value, keyPath);
                    break;
                case "auto_merge":
                    draft.AutoMerge = reader.Bool(value, keyPath);
                    break;
                case "merge_method":
                    draft.MergeMethod = reader.Choice(value, keyPath, MergeMethods) switch
                    {
                        "merge" => GateMergeMethod.Merge,
                        "squash" => GateMergeMethod.Squash,
                        "rebase" => GateMergeMethod.Rebase,
                        _ => null,
                    };
                    break;
                default:
                    break;
            }
        }

        return draft;
    }

    private static List<ConfigListEntry<string>>? RequiredChecks(YamlConfigReader reader, YamlNode node, string path)
    {
        var items = reader.StringList(node, path, split: null);
        if (items is null)
        {
            return null;
        }

        var checks = new List<ConfigListEntry<string>>();
        var ok = true;
        foreach (var (raw, itemNode, itemPath) in items)
        {
            var name = raw.Trim();
            if (checks.FirstOrDefault(c => string.Equals(c.Value, name, StringComparison.Ordinal)) is { } first)
            {
                reader.Report(itemNode, itemPath, $"`{name}` is listed twice (first at `{first.Path}`); list each check once");
                ok = false;
                continue;
            }

            checks.Add(new ConfigListEntry<string>(name, itemPath, reader.LineOf(itemNode)));
        }

        return ok ? checks : null;
    }
}
