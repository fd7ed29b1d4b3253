using GitBot.Core.Plans;
using Spectre.Console;

namespace GitBot.Cli.Demo;

/// <summary>
/// <c>gitbot demo</c>: starts the <see cref="DemoEnvironment"/>, has alice open the issue labelled <c>agent</c>, shows
/// the plan until it finishes, and ends by saying where to look. Exit codes: 0 when the pull request is open, 1 when
/// the plan failed or the timeout passed, 2 when the demo could not start.
/// </summary>
public sealed class DemoRunner(IAnsiConsole console, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task<int> RunAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        console.MarkupLineInterpolated($"[bold]gitbot demo[/]: everything runs on this machine, in {options.Directory}");
        console.MarkupLine(options.Agent.UsesClaude
            ? $"agent: Claude Code CLI {Markup.Escape(options.Agent.ClaudeExecutable!)} (from {Markup.Escape(options.Agent.Source)}), talking to a scripted model on loopback"
            : $"agent: [yellow]{Markup.Escape(options.Agent.Source)}[/]; using `backend: command` sh scripts instead (pass --claude <path> to run the real CLI)");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var (environment, error) = await DemoEnvironment.StartAsync(options, timeout.Token);
        if (environment is null)
        {
            console.MarkupLineInterpolated($"[red]The demo could not start:[/] {error}");
            return 2;
        }

        await using (environment)
        {
            console.MarkupLineInterpolated($"GitHub simulator on {environment.GitHub.ApiUrl}, scripted model on {environment.Model.BaseUrl}, gitbot serve on {environment.ServerUrl}");
            var issue = await environment.GitHub.OpenIssueAsync(DemoScenario.Repository, DemoScenario.IssueTitle, DemoScenario.IssueBody, DemoScenario.Author, [DemoScenario.Label], timeout.Token);
            console.MarkupLineInterpolated($"{DemoScenario.Author} opened {DemoScenario.Repository}#{issue} \"{DemoScenario.IssueTitle}\" labelled `{DemoScenario.Label}`: tasks 1 and 2 are independent, 3 comes after both");

            var finished = await WatchAsync(environment, issue, options.Interactive, timeout.Token);
            if (finished is null)
            {
                var last = await environment.Plans.FindLatestAsync(DemoScenario.Repository, issue, CancellationToken.None);
                if (timeout.IsCancellationRequested)
                {
                    console.MarkupLineInterpolated($"[red]Timed out[/] after {options.Timeout} (or interrupted). Last seen: {Describe(last)}");
                }
                else
                {
                    console.MarkupLineInterpolated($"[red]GitBot stopped before the plan finished.[/] Last seen: {Describe(last)}");
                }

                new DemoReport(console, environment, options).Write(issue, last);
                return 1;
            }

            var report = new DemoReport(console, environment, options);
            if (finished.Plan.State != PlanState.Succeeded || finished.Plan.PullRequestNumber is null)
            {
                console.MarkupLineInterpolated($"[red]The plan did not succeed:[/] {Describe(finished)}");
                report.Write(issue, finished);
                return 1;
            }

            report.Write(issue, finished);
            return 0;
        }
    }

    /// <summary>Shows the plan until it is finished; null when the time ran out (or the demo was interrupted) first.</summary>
    private async Task<PlanSnapshot?> WatchAsync(DemoEnvironment environment, int issue, bool interactive, CancellationToken cancellationToken)
    {
        var view = new DemoProgressView(console, time);
        PlanSnapshot? finished = null;
        async Task PollAsync(Action<PlanSnapshot?> show)
        {
            while (!cancellationToken.IsCancellationRequested && !environment.Server.IsCompleted)
            {
                var snapshot = await environment.Plans.FindLatestAsync(DemoScenario.Repository, issue, cancellationToken);
                show(snapshot);
                if (snapshot?.Plan.IsFinished == true)
                {
                    finished = snapshot;
                    return;
                }

                if (snapshot is null && SaidNoToConfiguration(environment, issue))
                {
                    // A configuration error is final for this label event: no plan will come, so stop waiting.
                    return;
                }

                await Task.Delay(PollInterval, time, cancellationToken);
            }
        }

        try
        {
            if (interactive)
            {
                await console.Live(view.Table(null)).AutoClear(false)
                    .StartAsync(context => PollAsync(snapshot => context.UpdateTarget(view.Table(snapshot))));
            }
            else
            {
                await PollAsync(view.WriteChanges);
                if (finished is not null)
                {
                    console.Write(view.Table(finished));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        if (environment.Server.IsCompleted && finished is null)
        {
            console.MarkupLineInterpolated($"[red]gitbot serve stopped:[/] {environment.ServerErrors}");
        }

        return finished;
    }

    private static bool SaidNoToConfiguration(DemoEnvironment environment, int issue) =>
        environment.GitHub.GetIssue(DemoScenario.Repository, issue)?.Comments
            .Any(c => c.Body.Contains("gitbot:config-error", StringComparison.Ordinal)) == true;

    internal static string Describe(PlanSnapshot? snapshot) => snapshot is null
        ? "no plan (GitBot did not pick up the issue)"
        : $"plan {snapshot.Plan.State}{(snapshot.Plan.Reason is { } reason ? ": " + reason : "")}; "
            + string.Join("; ", snapshot.Tasks.Select(t => $"task {t.Id} {t.State}{(t.Reason is { } r ? " (" + r + ")" : "")}"));
}
