using System.Globalization;
using System.Text;
using GitBot.Core.Dashboard;
using GitBot.Core.Reviews.Gate;
using GitBot.Core.Runs;

namespace GitBot.Server.Dashboard.Pages;

/// <summary>
/// An issue: the <c>#live</c> block (graph, tasks, runs, pull request checks and gate), replaced in place by the
/// <c>live</c> server-sent event, whose data is exactly <see cref="RenderLive"/>.
/// </summary>
public static class IssuePage
{
    /// <summary>The whole page.</summary>
    public static string Render(string viewer, IssueDetail detail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var number = detail.IssueNumber.ToString(CultureInfo.InvariantCulture);
        var path = $"{Html.RepoPath(detail.Repository)}/issues/{number}";
        var title = detail.Plan is { } plan ? plan.Plan.IssueTitle : string.Empty;
        var main = new StringBuilder();
        main.Append("<p><a href=\"").Append(Html.E(Html.RepoPath(detail.Repository))).Append("\">").Append(Html.E(detail.Repository)).Append("</a></p>")
            .Append("<h1>#").Append(number).Append(' ').Append(Html.E(title)).Append("</h1>")
            .Append("<div id=\"live\" aria-live=\"polite\">").Append(RenderLive(detail, now)).Append("</div>");
        // The event data is the new inner HTML of #live, rendered by the server with every value encoded.
        var script =
            "(function(){var live=document.getElementById('live');if(!window.EventSource||!live)return;" +
            "var source=new EventSource(" + JsString(path + "/events") + ");" +
            "source.addEventListener('live',function(e){live.innerHTML=e.data;});})();";
        return Html.Page($"{detail.Repository}#{number}", main.ToString(), viewer, script);
    }

    /// <summary>The inner HTML of <c>#live</c>.</summary>
    public static string RenderLive(IssueDetail detail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var html = new StringBuilder();
        if (detail.Plan is { } snapshot)
        {
            var plan = snapshot.Plan;
            html.Append("<p id=\"plan-state\" data-state=\"").Append(plan.State).Append("\">Plan ").Append(plan.Id).Append(": ")
                .Append(Html.E(plan.State.ToString())).Append(", version ").Append(plan.Version).Append(", updated ")
                .Append(Html.E(DashboardFormat.Time(plan.UpdatedAt)));
            if (plan.Reason is { Length: > 0 } reason)
            {
                html.Append(". ").Append(Html.E(reason));
            }

            html.Append("</p><h2>Task graph</h2>").Append(TaskGraphSvg.Render(snapshot.Tasks, $"Task graph of plan {plan.Id}"));
            var tasks = new StringBuilder();
            foreach (var task in snapshot.Tasks)
            {
                tasks.Append("<tr data-task-id=\"").Append(Html.E(task.Id)).Append("\"><td>").Append(Html.E(task.Id)).Append("</td><td>")
                    .Append(Html.E(task.Definition.Title)).Append("</td><td>").Append(Html.E(task.Definition.Role)).Append("</td><td>")
                    .Append(TaskGraphSvg.Words(task.State)).Append("</td><td>").Append(Html.E(string.Join(", ", task.Definition.DependsOn)))
                    .Append("</td><td class=\"num\">").Append(task.Attempt).Append("</td><td class=\"num\">").Append(Html.E(DashboardFormat.Money(task.CostUsd)))
                    .Append("</td></tr>");
            }

            html.Append(Html.Table("tasks", "Tasks", ["Task", "Title", "Role", "State", "Depends on", "Attempt", "Cost"], tasks.ToString()));
        }
        else
        {
            html.Append("<p>This issue has no plan.</p>");
        }

        html.Append("<h2>Runs</h2>").Append(Runs(detail.Runs, now)).Append(PullRequest(detail));
        return html.ToString();
    }

    private static string Runs(IReadOnlyList<AgentRunRecord> runs, DateTimeOffset now)
    {
        var rows = new StringBuilder();
        foreach (var run in runs)
        {
            var id = run.Id.ToString(CultureInfo.InvariantCulture);
            rows.Append("<tr data-run-id=\"").Append(id).Append("\"><td><a href=\"/runs/").Append(id).Append("\">").Append(id).Append("</a></td><td>")
                .Append(Html.E(run.Subject.Kind.ToString())).Append("</td><td>").Append(Html.E(run.Role)).Append("</td><td>")
                .Append(Html.E(run.Subject.TaskId ?? "")).Append(run.Subject.Attempt > 1 ? $" (attempt {run.Subject.Attempt})" : string.Empty)
                .Append("</td><td>").Append(Html.E(run.Node)).Append("</td><td class=\"num\">").Append(Html.E(DashboardFormat.Duration(run.Duration(now))))
                .Append("</td><td class=\"num\">").Append(run.Turns).Append("</td><td class=\"num\">")
                .Append(Html.E(DashboardFormat.Count(run.InputTokens))).Append(" in / ").Append(Html.E(DashboardFormat.Count(run.OutputTokens))).Append(" out")
                .Append("</td><td class=\"num\">").Append(Html.E(DashboardFormat.Money(run.CostUsd))).Append("</td><td>").Append(Html.E(run.State))
                .Append("</td><td>").Append(Html.E(run.ExitReason ?? "")).Append("</td></tr>");
        }

        if (runs.Count == 0)
        {
            rows.Append("<tr><td colspan=\"11\">No runs recorded.</td></tr>");
        }

        return Html.Table("runs", "Agent runs, newest first", ["Run", "Kind", "Role", "Task", "Node", "Duration", "Turns", "Tokens", "Cost", "State", "Exit reason"], rows.ToString());
    }

    private static string PullRequest(IssueDetail detail)
    {
        var html = new StringBuilder("<section id=\"pull-request\" aria-labelledby=\"pull-request-heading\">");
        if (detail.Plan?.Plan.PullRequestNumber is not { } pull)
        {
            return html.Append("<h2 id=\"pull-request-heading\">Pull request</h2><p>No pull request yet.</p>")
                .Append("<p id=\"gate\" data-gate=\"pending\">Gate: pending (no pull request)</p></section>").ToString();
        }

        html.Append("<h2 id=\"pull-request-heading\">Pull request #").Append(pull).Append("</h2>");
        if (detail.Checks.Count == 0)
        {
            html.Append("<p>No review checks yet.</p>");
        }
        else
        {
            html.Append("<p>Review checks of head <code>").Append(Html.E(detail.Checks[0].HeadSha[..Math.Min(12, detail.Checks[0].HeadSha.Length)])).Append("</code>:</p><ul id=\"checks\">");
            foreach (var check in detail.Checks)
            {
                html.Append("<li data-check=\"").Append(Html.E(check.Name)).Append("\" data-status=\"").Append(Html.E(check.Status)).Append('"');
                if (check.Conclusion is not null)
                {
                    html.Append(" data-conclusion=\"").Append(Html.E(check.Conclusion)).Append('"');
                }

                html.Append('>').Append(Html.E(check.Name)).Append(": ").Append(Html.E(check.Status.Replace('_', ' ')));
                if (check.Conclusion is not null)
                {
                    html.Append(", ").Append(Html.E(check.Conclusion));
                }

                if (check.Title is { Length: > 0 } title)
                {
                    html.Append(" — ").Append(Html.E(title));
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        return html.Append(Gate(detail)).Append("</section>").ToString();
    }

    /// <summary>
    /// <c>#gate</c>: the stored <c>gitbot/gate</c> decision (conclusion, head, what is missing) when there is one for the
    /// current head, else the gate derived from the review checks, labelled "derived" (it knows nothing of approvals).
    /// </summary>
    private static string Gate(IssueDetail detail)
    {
        var gate = detail.Gate.ToString().ToLowerInvariant();
        var html = new StringBuilder("<p id=\"gate\" data-gate=\"").Append(gate).Append('"');
        if (detail.StoredGate is not { } stored)
        {
            return html.Append(">Gate (derived from the stored review checks): ").Append(gate).Append("</p>").ToString();
        }

        html.Append(" data-gate-head=\"").Append(Html.E(stored.HeadSha)).Append("\">Gate: ").Append(gate)
            .Append(" (gitbot/gate at <code>").Append(Html.E(stored.HeadSha[..Math.Min(12, stored.HeadSha.Length)])).Append("</code>)");
        var lines = stored.Summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (stored.Conclusion == GateConclusion.Success)
        {
            html.Append(lines.Length > 0 ? ": " + Html.E(string.Join(' ', lines)) : string.Empty);
        }
        else if (lines.Length > 0)
        {
            html.Append(". Missing:");
            foreach (var line in lines)
            {
                html.Append("<br>- ").Append(Html.E(line));
            }
        }

        return html.Append("</p>").ToString();
    }

    /// <summary>A JavaScript string literal safe inside a script element.</summary>
    internal static string JsString(string value) =>
        "\"" + System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(value) + "\"";
}
