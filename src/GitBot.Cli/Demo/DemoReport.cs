using GitBot.Core.Plans;
using Spectre.Console;

namespace GitBot.Cli.Demo;

/// <summary>
/// The demo's closing words: where the pull request, the repository, the plan comment and the logs are. Paths and
/// commands go straight to the output, never through the console's word wrap, so they can be copied as they are.
/// </summary>
internal sealed class DemoReport(IAnsiConsole console, DemoEnvironment environment, DemoOptions options)
{
    private TextWriter Plain => console.Profile.Out.Writer;

    public void Write(int issue, PlanSnapshot? snapshot)
    {
        var bare = environment.Repository.BareRepositoryPath;
        var branch = environment.Repository.DefaultBranch;
        Plain.WriteLine();
        console.MarkupLine("[bold]Where to look[/]");
        if (snapshot?.Plan.PullRequestNumber is { } number && environment.GitHub.GetPullRequest(DemoScenario.Repository, number) is { } pull)
        {
            Plain.WriteLine($"  pull request #{number} ({(pull.Draft ? "draft" : "ready")}, {pull.State}): {pull.HeadRef} -> {pull.BaseRef}, head {pull.HeadSha[..Math.Min(12, pull.HeadSha.Length)]}");
            Plain.WriteLine($"  the commits:      git --git-dir {bare} log --oneline --graph {branch}..{pull.HeadRef}");
            Plain.WriteLine($"  the whole change: git --git-dir {bare} diff --stat {branch}...{pull.HeadRef}");
        }
        else
        {
            Plain.WriteLine($"  no pull request was opened; the branches: git --git-dir {bare} branch --list 'gitbot/*'");
        }

        Plain.WriteLine($"  bare repository:  {bare}");
        Plain.WriteLine($"  data directory:   {environment.DataDirectory} (SQLite database gitbot.db; agent logs in {environment.LogDirectory})");
        foreach (var task in snapshot?.Tasks ?? [])
        {
            if (task.LogPath is { } log)
            {
                Plain.WriteLine($"  task {task.Id} log:       {log}");
            }
        }

        var comments = environment.GitHub.GetIssue(DemoScenario.Repository, issue)?.Comments ?? [];
        var comment = comments.LastOrDefault(c => c.Body.Contains("gitbot:plan:", StringComparison.Ordinal));
        if (comment is null && comments.Count > 0)
        {
            // No plan comment: GitBot said why instead (a configuration error, an invalid plan).
            Plain.WriteLine();
            console.MarkupLineInterpolated($"[bold]What GitBot said on #{issue}[/]:");
            Plain.WriteLine(comments[^1].Body);
        }

        if (comment is not null)
        {
            Plain.WriteLine();
            console.MarkupLineInterpolated($"[bold]The plan comment on #{issue}[/] (edited in place as tasks progressed):");
            Plain.WriteLine(comment.Body);
        }

        Plain.WriteLine();
        if (options.Clean)
        {
            Plain.WriteLine($"--clean: {options.Directory} is removed now.");
        }
        else
        {
            Plain.WriteLine($"Everything is kept in {options.Directory}; delete it when done (or pass --clean next time).");
        }
    }
}
