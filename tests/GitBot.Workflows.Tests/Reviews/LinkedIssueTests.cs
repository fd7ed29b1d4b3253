using GitBot.Workflows.Reviews.Agents;

namespace GitBot.Workflows.Tests.Reviews;

public sealed class LinkedIssueTests
{
    [Theory]
    [InlineData("gitbot", "gitbot/12", null, 12)]
    [InlineData("gitbot", "gitbot/12-tasks/a", null, 12)]
    [InlineData("bots/gitbot", "bots/gitbot/7", "Closes #99", 7)]
    [InlineData("gitbot", "feature/x", "Some text.\n\nCloses #42 and fixes #43", 42)]
    [InlineData("gitbot", "feature/x", "fixes: #5", 5)]
    [InlineData("gitbot", "feature/x", "RESOLVED #8", 8)]
    [InlineData("gitbot", "gitbot/abc", "Fixed #3", 3)]
    [InlineData("gitbot", "feature/x", "See #4; prefixes #5 do not count", null)]
    [InlineData("gitbot", "feature/x", null, null)]
    [InlineData("gitbot", "gitbotty/1", "#1", null)]
    [InlineData("gitbot", "gitbot/0", null, null)]
    public void The_linked_issue_comes_from_gitbots_branch_then_a_closing_keyword(string prefix, string headRef, string? body, int? expected) =>
        Assert.Equal(expected, LinkedIssue.Find(prefix, headRef, body));
}
