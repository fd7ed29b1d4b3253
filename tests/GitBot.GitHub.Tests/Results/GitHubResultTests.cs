using GitBot.GitHub.Results;

namespace GitBot.GitHub.Tests.Results;

public sealed class GitHubResultTests
{
    [Fact]
    public void Success_maps_and_never_prints_its_value()
    {
        var token = GitHubResult<string>.Success("ghs_secret");

        Assert.Equal(10, token.Map(t => t.Length).Value);
        Assert.DoesNotContain("ghs_secret", token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_carries_the_error_and_reading_its_value_is_a_bug()
    {
        var failure = GitHubResult<int>.Failure(new GitHubError(GitHubErrorKind.NotFound, 404, "Not Found"));

        Assert.False(failure.IsSuccess);
        Assert.Equal(GitHubErrorKind.NotFound, failure.Map(v => v + 1).Error!.Kind);
        Assert.False(failure.TryGetValue(out _));
        Assert.Throws<InvalidOperationException>(() => failure.Value);
        Assert.Equal("Failure(NotFound (404): Not Found)", failure.ToString());
    }
}
