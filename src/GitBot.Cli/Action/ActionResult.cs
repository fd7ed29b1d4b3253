using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GitBot.Cli.Action;

/// <summary>
/// What one <c>gitbot run-event</c> did, as the action's outputs: <see cref="TaskStates"/> (task id → state, of the
/// issue's latest plan), <see cref="PullRequest"/> (the plan's pull request, or the event's), <see cref="CostUsd"/>
/// (everything spent on the issue), and <see cref="Summary"/> lines for the log and the step summary.
/// </summary>
public sealed record ActionResult(IReadOnlyDictionary<string, string> TaskStates, int? PullRequest, decimal CostUsd, IReadOnlyList<string> Summary)
{
    public static ActionResult Refused(string why) =>
        new(new Dictionary<string, string>(StringComparer.Ordinal), null, 0m, ["Refused: " + why]);

    /// <summary>The outputs in <c>$GITHUB_OUTPUT</c>'s <c>name=value</c> form.</summary>
    public string ToOutputFile()
    {
        var states = JsonSerializer.Serialize(TaskStates, ActionJsonContext.Default.IReadOnlyDictionaryStringString);
        return new StringBuilder()
            .Append("task-states=").Append(states).Append('\n')
            .Append("pull-request=").Append(PullRequest?.ToString(CultureInfo.InvariantCulture) ?? string.Empty).Append('\n')
            .Append("cost-usd=").Append(CostUsd.ToString("0.####", CultureInfo.InvariantCulture)).Append('\n')
            .ToString();
    }

    /// <summary>The step summary: Markdown.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder("### GitBot\n\n");
        foreach (var line in Summary)
        {
            text.Append("- ").Append(line).Append('\n');
        }

        if (TaskStates.Count > 0)
        {
            text.Append("\n| task | state |\n| --- | --- |\n");
            foreach (var (id, state) in TaskStates)
            {
                text.Append("| ").Append(id).Append(" | ").Append(state).Append(" |\n");
            }
        }

        return text.ToString();
    }
}
