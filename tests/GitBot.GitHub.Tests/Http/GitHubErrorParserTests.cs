using System.Text;
using GitBot.GitHub.Http;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Tests.Http;

public sealed class GitHubErrorParserTests
{
    [Fact]
    public void Validation_error_keeps_message_documentation_and_errors()
    {
        const string body = "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\",\"field\":\"title\",\"code\":\"missing_field\"},\"plain text\"]," +
                            "\"documentation_url\":\"https://docs.github.com/rest/issues/issues#create-an-issue\",\"status\":\"422\"}";

        var error = GitHubErrorParser.Parse(new GitHubResponse(422, Encoding.UTF8.GetBytes(body)), GitHubRetryDecision.Final);

        Assert.Equal(GitHubErrorKind.Validation, error.Kind);
        Assert.Equal(422, error.StatusCode);
        Assert.Equal("Validation Failed", error.Message);
        Assert.Equal("https://docs.github.com/rest/issues/issues#create-an-issue", error.DocumentationUrl);
        Assert.Equal(new GitHubValidationError("Issue", "title", "missing_field", null), error.ValidationErrors[0]);
        Assert.Equal("plain text", error.ValidationErrors[1].Message);
    }

    [Fact]
    public void Non_json_body_becomes_the_message()
    {
        var error = GitHubErrorParser.Parse(new GitHubResponse(502, Encoding.UTF8.GetBytes("<html>Bad gateway</html>")), GitHubRetryDecision.Final);

        Assert.Equal(GitHubErrorKind.Server, error.Kind);
        Assert.Equal("<html>Bad gateway</html>", error.Message);
    }

    [Fact]
    public void Rate_limit_decisions_make_a_rate_limited_error_with_the_retry_time()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var error = GitHubErrorParser.Parse(new GitHubResponse(403, []), new GitHubRetryDecision(GitHubRetryReason.RateLimitWaitTooLong, TimeSpan.FromHours(1), at));

        Assert.Equal(GitHubErrorKind.RateLimited, error.Kind);
        Assert.Equal(at, error.RetryAt);
        Assert.Equal("GitHub answered HTTP 403", error.Message);
    }
}
