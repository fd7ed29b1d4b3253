using System.Text.RegularExpressions;
using GitBot.Core.Executors;
using YamlDotNet.RepresentationModel;

namespace GitBot.Agents.Configuration;

/// <summary>
/// Reads <c>executor</c> (<c>workers</c> or <c>actions</c>) and the <c>actions</c> mapping (<c>workflow</c>, <c>ref</c>,
/// <c>timeout</c>) into <see cref="ExecutorSettings"/>. Problems are reported with the file, key and line; a bad value
/// leaves the setting at its default (the config is refused anyway, since it has a problem).
/// </summary>
internal static partial class ExecutorReader
{
    public static readonly string[] ActionsKeys = ["workflow", "ref", "timeout"];

    private static readonly string[] Kinds = ["workers", "actions"];

    public static ExecutorSettings ReadKind(YamlConfigReader reader, YamlNode node, string path, ExecutorSettings current) =>
        reader.Choice(node, path, Kinds) switch
        {
            "actions" => current with { Kind = ExecutorKind.Actions },
            "workers" => current with { Kind = ExecutorKind.Workers },
            _ => current,
        };

    public static ExecutorSettings ReadActions(YamlConfigReader reader, YamlNode node, string path, ExecutorSettings current)
    {
        var map = reader.Mapping(node, path);
        if (map is null)
        {
            return current;
        }

        foreach (var (key, (_, value)) in reader.Entries(map, path, ActionsKeys))
        {
            if (YamlConfigReader.IsNull(value))
            {
                continue;
            }

            var keyPath = $"{path}.{key}";
            switch (key)
            {
                case "workflow":
                    var workflow = reader.String(value, keyPath)?.Trim();
                    if (workflow is not null && !WorkflowFile().IsMatch(workflow))
                    {
                        reader.Report(value, keyPath, $"`{workflow}` is not a workflow file name: use the file's name in `.github/workflows/`, e.g. `gitbot-task.yml`");
                    }
                    else if (workflow is not null)
                    {
                        current = current with { Workflow = workflow };
                    }

                    break;
                case "ref":
                    var reference = reader.String(value, keyPath)?.Trim();
                    if (reference is not null && !Reference().IsMatch(reference))
                    {
                        reader.Report(value, keyPath, $"`{reference}` is not a branch name: use `/`-separated parts of letters, digits, `.`, `_` and `-`, e.g. `main`");
                    }
                    else if (reference is not null)
                    {
                        current = current with { Ref = reference };
                    }

                    break;
                case "timeout":
                    var timeout = reader.Duration(value, keyPath, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
                    current = timeout is { } t ? current with { Timeout = t } : current;
                    break;
                default:
                    break;
            }
        }

        return current;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}\.ya?ml$")]
    private static partial Regex WorkflowFile();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}(?:/[A-Za-z0-9_][A-Za-z0-9._-]{0,63}){0,9}$")]
    private static partial Regex Reference();
}
