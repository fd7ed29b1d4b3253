using GitBot.Agents.Configuration;
using GitBot.Core.Configuration;

namespace GitBot.Agents.Tests.Configuration;

public sealed class ConfigProblemsRendererTests
{
    [Fact]
    public void The_comment_says_nothing_ran_lists_each_problem_and_how_to_fix_it()
    {
        var result = ConfigTestFiles.ParseYml("limits:\n  max_parallel_tasks: 0\n  max_turn: 5\n");

        var comment = ConfigProblemsRenderer.Render(result.Problems);

        Assert.StartsWith("<!-- gitbot:config-error -->\n", comment, StringComparison.Ordinal);
        Assert.Contains("GitBot did not start: the repository configuration is invalid", comment, StringComparison.Ordinal);
        Assert.Contains("It found 2 problems and ran nothing", comment, StringComparison.Ordinal);
        Assert.Contains("- ` .github/gitbot.yml ` line 2, key ` limits.max_parallel_tasks `: must be from 1 to 32, got 0", comment, StringComparison.Ordinal);
        Assert.Contains("- ` .github/gitbot.yml ` line 3, key ` limits.max_turn `: unknown key ` max_turn `; did you mean ` max_turns `?", comment, StringComparison.Ordinal);
        Assert.Contains("**default branch**", comment, StringComparison.Ordinal);
        Assert.Contains("remove the trigger label from this issue and add it again", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_from_the_repository_is_rendered_inert()
    {
        // An unknown key is echoed back; a repository can make it anything.
        const string hostile = "x\n\n# Approved <img src=x onerror=alert(1)> [click](https://evil.example) @admin #1 ![i](https://t.example/p.png) | a | b |";
        var problems = new[]
        {
            new ConfigProblem(".github/gitbot.yml", hostile, $"unknown key `{hostile}`, then text {hostile}", 4),
            new ConfigProblem(".github/agents/`evil`\n# x.md", "", "message with an odd ` backtick @octocat", null),
        };

        var comment = ConfigProblemsRenderer.Render(problems);

        var lines = comment.Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("# ", StringComparison.Ordinal) || l.StartsWith('|'));
        Assert.DoesNotContain("](https://", Outside(comment), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<", Outside(comment).Replace(ConfigProblemsRenderer.Marker, "", StringComparison.Ordinal));
        Assert.Contains("\\<img", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("@octocat", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("@admin", Outside(comment), StringComparison.Ordinal);
        Assert.DoesNotContain(" #1", Outside(comment), StringComparison.Ordinal);
        Assert.Equal(2, lines.Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.DoesNotContain("`evil`", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flood_of_problems_stays_under_the_comment_limit()
    {
        var problems = Enumerable.Range(1, 5_000)
            .Select(i => new ConfigProblem(".github/gitbot.yml", new string('k', 5_000), new string('m', 10_000), i))
            .ToList();

        var comment = ConfigProblemsRenderer.Render(problems);

        Assert.True(comment.Length < ConfigProblemsRenderer.MaxLength, $"{comment.Length} characters");
        Assert.Contains("more not shown here", comment, StringComparison.Ordinal);
        Assert.EndsWith("add it again.\n", comment, StringComparison.Ordinal);
    }

    /// <summary>The comment with every code span removed: what Markdown and GitHub would interpret.</summary>
    private static string Outside(string comment)
    {
        var parts = comment.Split('`');
        return string.Concat(parts.Where((_, i) => i % 2 == 0));
    }
}
