using GitBot.Core.Plans;
using Spectre.Console;

namespace GitBot.Cli.Demo;

/// <summary>The demo's closing words: where the pull request, the repository, the plan comment and the logs are.</summary>
internal sealed class DemoReport(IAnsiConsole console, DemoEnvironment environment, DemoOptions options)
{
    public void Write(int issue, PlanSnapshot? snapshot)
    {
        var bare = environment.Repository.BareRepositoryPath;
        var branch = environment.Repository.DefaultBranch;
        console.WriteLine();
        console.MarkupLine("[bold]Where to look[/]");
        if (snapshot?.Plan.PullRequestNumber is { } number && environment.GitHub.GetPullRequest(DemoScenario.Repository, number) is { } pull)
        {
            console.MarkupLineInterpolated($"  pull request #{number} ({(pull.Draft ? "draft" : "ready")}, {pull.State}): {pull.HeadRef} -> {pull.BaseRef}, head {pull.HeadSha[..Math.Min(12, pull.HeadSha.Length)]}");
            console.MarkupLineInterpolated($"  the commits:      git --git-dir {bare} log --oneline --graph {branch}..{pull.HeadRef}");
            console.MarkupLineInterpolated($"  the whole change: git --git-dir {bare} diff --stat {branch}...{pull.HeadRef}");
        }
        else
        {
            console.MarkupLineInterpolated($"  no pull request was opened; the branches: git --git-dir {bare} branch --list 'gitbot/*'");
        }

        console.MarkupLineInterpolated($"  bare repository:  {bare}");
        console.MarkupLineInterpolated($"  data directory:   {environment.DataDirectory} (SQLite database gitbot.db; agent logs in {environment.LogDirectory})");
        foreach (var task in snapshot?.Tasks ?? [])
        {
            if (task.LogPath is { } log)
            {
                console.MarkupLineInterpolated($"  task {task.Id} log:       {log}");
            }
        }

        var comment = environment.GitHub.GetIssue(DemoScenario.Repository, issue)?.Comments
            .LastOrDefault(c => c.Body.Contains("gitbot:plan:", StringComparison.Ordinal));
        if (comment is not null)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold]The plan comment on #{issue}[/] (edited in place as tasks progressed):");
            console.WriteLine(comment.Body);
        }

        console.WriteLine();
        if (options.Clean)
        {
            console.MarkupLineInterpolated($"--clean: {options.Directory} is removed now.");
        }
        else
        {
            console.MarkupLineInterpolated($"Everything is kept in {options.Directory}; delete it when done (or pass --clean next time).");
        }
    }
}
