using System.Globalization;
using System.Text;
using GitBot.Core.Runs;

namespace GitBot.Server.Dashboard.Pages;

/// <summary>A run's fields and its log tail, filled and followed by the <c>log</c> server-sent events.</summary>
public static class RunPage
{
    /// <summary>The page.</summary>
    public static string Render(string viewer, AgentRunRecord run, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        var id = run.Id.ToString(CultureInfo.InvariantCulture);
        var subject = run.Subject;
        var main = new StringBuilder();
        main.Append("<p><a href=\"").Append(Html.E(Html.RepoPath(subject.Repository))).Append("\">").Append(Html.E(subject.Repository)).Append("</a>");
        if (subject.IssueNumber is { } issue)
        {
            main.Append(" · <a href=\"").Append(Html.E($"{Html.RepoPath(subject.Repository)}/issues/{issue}")).Append("\">issue #").Append(issue).Append("</a>");
        }

        main.Append("</p><h1>Run ").Append(id).Append(": ").Append(Html.E(subject.Kind.ToString())).Append(", ").Append(Html.E(run.Role)).Append("</h1><dl id=\"run\">");
        Field(main, "State", run.State);
        Field(main, "Task", subject.TaskId is null ? "none" : $"{subject.TaskId} (attempt {subject.Attempt})");
        Field(main, "Pull request", subject.PullNumber is { } pull ? $"#{pull}" : "none");
        Field(main, "Backend", run.Backend);
        Field(main, "Node", run.Node);
        Field(main, "Started", DashboardFormat.Time(run.StartedAt));
        Field(main, "Duration", DashboardFormat.Duration(run.Duration(now)) + (run.IsRunning ? " so far" : string.Empty));
        Field(main, "Turns", run.Turns.ToString(CultureInfo.InvariantCulture));
        Field(main, "Tokens", $"{DashboardFormat.Count(run.InputTokens)} in / {DashboardFormat.Count(run.OutputTokens)} out");
        Field(main, "Cost", DashboardFormat.Money(run.CostUsd));
        Field(main, "Exit code", run.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none");
        Field(main, "Exit reason", run.ExitReason ?? "none");
        main.Append("</dl><h2 id=\"log-heading\">Log</h2><p><a href=\"/runs/").Append(id).Append("/log\">Whole log as text</a> (scrubbed of secrets, last 2 MB)</p>")
            .Append("<pre id=\"log-tail\" aria-live=\"polite\" aria-labelledby=\"log-heading\" tabindex=\"0\"></pre><p id=\"log-status\"></p>");
        // Text nodes only: log lines are never parsed as HTML. The browser resends Last-Event-ID (the byte offset) on reconnect.
        var script =
            "(function(){var pre=document.getElementById('log-tail'),status=document.getElementById('log-status');" +
            "if(!window.EventSource||!pre)return;var source=new EventSource(" + IssuePage.JsString($"/runs/{id}/log/events") + ");" +
            "source.addEventListener('log',function(e){pre.appendChild(document.createTextNode(e.data+'\\n'));pre.scrollTop=pre.scrollHeight;});" +
            "source.addEventListener('end',function(e){status.textContent='The run has finished'+(e.data?': '+e.data:'')+'.';source.close();});})();";
        return Html.Page($"Run {id}", main.ToString(), viewer, script);
    }

    private static void Field(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(Html.E(name)).Append("</dt><dd>").Append(Html.E(value)).Append("</dd>");
}
