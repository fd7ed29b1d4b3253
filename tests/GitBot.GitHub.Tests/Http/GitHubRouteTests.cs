using GitBot.GitHub.Http;

namespace GitBot.GitHub.Tests.Http;

public sealed class GitHubRouteTests
{
    [Fact]
    public void Values_fill_placeholders_in_order_and_are_escaped()
    {
        var route = GitHubRoute.Create("repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", "octo", "re po", 12, "agent:backend/x");

        Assert.Equal("repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", route.Template);
        Assert.Equal("repos/octo/re%20po/issues/12/labels/agent%3Abackend%2Fx", route.Path);
    }

    [Fact]
    public void Query_parameters_are_appended_and_nulls_skipped()
    {
        var route = GitHubRoute.Create("repos/{owner}/{repo}/pulls", "o", "r").WithQuery("head", "o:gitbot/1").WithQuery("state", null).WithQuery("per_page", 100);

        Assert.Equal("repos/o/r/pulls?head=o%3Agitbot%2F1&per_page=100", route.Path);
    }

    [Fact]
    public void Wrong_value_count_is_a_bug()
    {
        Assert.Throws<ArgumentException>(() => GitHubRoute.Create("repos/{owner}/{repo}", "only-owner"));
        Assert.Throws<ArgumentException>(() => GitHubRoute.Create("repos/{owner}", "o", "extra"));
    }
}
