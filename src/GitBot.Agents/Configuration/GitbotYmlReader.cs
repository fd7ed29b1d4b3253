using YamlDotNet.RepresentationModel;

namespace GitBot.Agents.Configuration;

/// <summary>
/// Reads <c>.github/gitbot.yml</c>: top-level settings and <c>roles</c>; <c>limits</c>, <c>reviews</c> and <c>gate</c> are
/// read by <see cref="LimitsReader"/>, <see cref="ReviewsReader"/> and <see cref="GateReader"/>.
/// </summary>
internal static class GitbotYmlReader
{
    private static readonly string[] Keys =
        ["trigger_label", "default_role", "branch_prefix", "plan_approval", "test_command", "allow_workflow_changes", "limits", "roles", "reviews", "gate", "executor", "actions"];

    private static readonly string[] NestedKeys =
    [
        .. LimitsReader.Keys.Select(k => $"limits.{k}"),
        .. ReviewsReader.Keys.Select(k => $"reviews.{k}"),
        .. GateReader.Keys.Select(k => $"gate.{k}"),
        // Not `actions.timeout`: a top-level `timeout` more likely means `limits.task_timeout`, so no single place is suggested.
        .. ExecutorReader.ActionsKeys.Where(k => k != "timeout").Select(k => $"actions.{k}"),
    ];

    private static readonly string[] RoleKeys = ["description", "prompt", "tools", "model", "backend", "command", "prompt_on_stdin", "env", "labels"];

    public static GitbotYmlDraft Read(YamlConfigReader reader, string text) => Read(reader, YamlDocumentLoader.Load(reader, text));

    /// <summary>Reads an already loaded (or merged, see <see cref="ConfigOverlay"/>) document; null means all defaults.</summary>
    public static GitbotYmlDraft Read(YamlConfigReader reader, YamlNode? root)
    {
        var draft = new GitbotYmlDraft();
        var map = root is null ? null : reader.Mapping(root, "");
        if (map is null)
        {
            return draft;
        }

        foreach (var (key, (_, value)) in reader.Entries(map, "", Keys, nested: NestedKeys))
        {
            if (YamlConfigReader.IsNull(value))
            {
                continue;
            }

            switch (key)
            {
                case "trigger_label":
                    draft.TriggerLabel = TriggerLabel(reader, value, key);
                    break;
                case "default_role":
                    draft.DefaultRole = reader.String(value, key)?.Trim();
                    draft.DefaultRoleLine = reader.LineOf(value);
                    break;
                case "branch_prefix":
                    draft.BranchPrefix = BranchPrefix(reader, value, key);
                    break;
                case "plan_approval":
                    draft.PlanApproval = reader.Bool(value, key);
                    break;
                case "test_command":
                    draft.TestCommand = TestCommand(reader, value, key);
                    draft.TestCommandInvalid = draft.TestCommand is null;
                    break;
                case "allow_workflow_changes":
                    draft.AllowWorkflowChanges = reader.Bool(value, key);
                    break;
                case "limits":
                    draft.Limits = LimitsReader.Read(reader, value, key);
                    break;
                case "roles":
                    ReadRoles(reader, value, key, draft);
                    break;
                case "reviews":
                    draft.Reviews = ReviewsReader.Read(reader, value, key);
                    break;
                case "gate":
                    draft.Gate = GateReader.Read(reader, value, key);
                    break;
                case "executor":
                    draft.Executor = ExecutorReader.ReadKind(reader, value, key, draft.Executor);
                    break;
                case "actions":
                    draft.Executor = ExecutorReader.ReadActions(reader, value, key, draft.Executor);
                    break;
                default:
                    break;
            }
        }

        return draft;
    }

    private static string? TriggerLabel(YamlConfigReader reader, YamlNode node, string path)
    {
        var label = reader.String(node, path);
        if (label is null || ConfigRules.TriggerLabel().IsMatch(label))
        {
            return label;
        }

        var hint = label.Contains(':', StringComparison.Ordinal) ? " (`:` separates the label from a pinned role, as in `agent:backend`)" : "";
        reader.Report(node, path, $"`{label}` is not allowed: use 1 to 50 lower-case letters, digits, spaces, `_`, `.` or `-`, no `:`{hint}");
        return null;
    }

    private static string? BranchPrefix(YamlConfigReader reader, YamlNode node, string path)
    {
        var prefix = reader.String(node, path);
        if (prefix is null)
        {
            return null;
        }

        var components = prefix.Split('/');
        var valid = prefix.Length <= 100
            && components.All(c => ConfigRules.BranchComponent().IsMatch(c)
                && !c.EndsWith(".lock", StringComparison.OrdinalIgnoreCase)
                && !c.EndsWith('.')
                && !c.Contains("..", StringComparison.Ordinal));
        if (!valid)
        {
            reader.Report(node, path, $"`{prefix}` is not a valid branch prefix: use `/`-separated parts of letters, digits, `.`, `_` and `-` (not starting with `.` or `-`, no `..`, not ending in `.lock`), e.g. `gitbot` or `bots/gitbot`");
            return null;
        }

        if (ConfigRules.ReservedBranchPrefixes.Contains(prefix, StringComparer.OrdinalIgnoreCase))
        {
            reader.Report(node, path, $"`{prefix}` is a branch people work on directly; GitBot's branches need a prefix of their own, such as `gitbot`");
            return null;
        }

        return prefix;
    }

    private static List<string>? TestCommand(YamlConfigReader reader, YamlNode node, string path)
    {
        var items = reader.StringList(node, path, ConfigRules.SplitArguments);
        if (items is null)
        {
            return null;
        }

        var bad = items.FirstOrDefault(i => i.Value.Length == 0 || i.Value.Any(char.IsControl));
        if (bad.Node is not null)
        {
            reader.Report(bad.Node, bad.Path, "arguments must be non-empty and hold no control characters");
            return null;
        }

        if (items.Count > 0 && items[0].Value.StartsWith('-'))
        {
            reader.Report(items[0].Node, items[0].Path, "the first element is the program to run and cannot start with `-`");
            return null;
        }

        return [.. items.Select(i => i.Value)];
    }

    private static void ReadRoles(YamlConfigReader reader, YamlNode node, string path, GitbotYmlDraft draft)
    {
        var map = reader.Mapping(node, path);
        if (map is null)
        {
            return;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name } || !ConfigRules.RoleName().IsMatch(name))
            {
                var shown = keyNode is YamlScalarNode { Value: { } text } ? text : YamlConfigReader.Describe(keyNode);
                reader.Report(keyNode, $"{path}.{shown}", $"`{shown}` is not a role name; use 1 to 32 lower-case letters, digits, `-` or `_`");
                continue;
            }

            var rolePath = $"{path}.{name}";
            var roleMap = YamlConfigReader.IsNull(value) ? new YamlMappingNode() : reader.Mapping(value, rolePath);
            if (roleMap is null)
            {
                continue;
            }

            var patch = new RolePatch(name, reader.File, rolePath, reader.LineOf(keyNode));
            RoleFieldsReader.Read(reader, reader.Entries(roleMap, rolePath, RoleKeys), patch);
            draft.Roles.Add(patch);
        }
    }
}
