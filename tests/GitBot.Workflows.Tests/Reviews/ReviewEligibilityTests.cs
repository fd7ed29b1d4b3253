using GitBot.Agents.Configuration;
using GitBot.Core.Configuration;
using GitBot.Workflows.Reviews;

namespace GitBot.Workflows.Tests.Reviews;

public sealed class ReviewEligibilityTests
{
    private static readonly RepoConfig Defaults = RepoConfigParser.Defaults;
    private static readonly RepoConfig All = Defaults with { Reviews = Defaults.Reviews with { Scope = ReviewScope.All } };
    private static readonly RepoConfig Prefixed = Defaults with { BranchPrefix = "bots/gitbot" };

    [Theory]
    [InlineData("gitbot/7", false, true)]
    [InlineData("gitbot/7", true, true)]
    [InlineData("gitbotx/7", false, false)]
    [InlineData("feature/x", false, false)]
    public void By_default_only_gitbots_own_branches_are_reviewed_and_gated(string headRef, bool draft, bool expected)
    {
        Assert.Equal(expected, ReviewEligibility.ReviewsAutomatically(Defaults, headRef, draft, headInSameRepository: true));
        Assert.Equal(expected, ReviewEligibility.Gated(Defaults, headRef));
    }

    [Fact]
    public void With_all_every_ready_pull_request_is_reviewed_and_every_one_is_gated()
    {
        Assert.True(ReviewEligibility.ReviewsAutomatically(All, "feature/x", draft: false, headInSameRepository: false));
        Assert.False(ReviewEligibility.ReviewsAutomatically(All, "feature/x", draft: true, headInSameRepository: true));
        Assert.True(ReviewEligibility.ReviewsAutomatically(All, "gitbot/7", draft: true, headInSameRepository: true));
        Assert.True(ReviewEligibility.Gated(All, "feature/x"));
    }

    [Fact]
    public void The_configured_prefix_decides_which_branches_are_gitbots()
    {
        Assert.True(ReviewEligibility.IsGitBotBranch(Prefixed, "bots/gitbot/3"));
        Assert.False(ReviewEligibility.IsGitBotBranch(Prefixed, "gitbot/3"));
        Assert.False(ReviewEligibility.IsGitBotBranch(Prefixed, null));
    }

    [Fact]
    public void A_forks_branch_named_like_gitbots_is_not_gitbots()
    {
        Assert.False(ReviewEligibility.IsGitBotPullRequest(Defaults, "gitbot/7", headInSameRepository: false));
        Assert.False(ReviewEligibility.ReviewsAutomatically(Defaults, "gitbot/7", draft: false, headInSameRepository: false));
        Assert.True(ReviewEligibility.IsGitBotPullRequest(Defaults, "gitbot/7", headInSameRepository: true));
    }
}
