using GitBot.Agents.Sandbox;
using GitBot.Git.Processes;

namespace GitBot.Agents.Tests.Sandbox;

public sealed class AgentEnvironmentPolicyTests
{
    private static readonly Dictionary<string, string> Source = new()
    {
        ["ANTHROPIC_API_KEY"] = "sk-ant-test",
        ["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:9999",
        ["GITHUB_TOKEN"] = "ghs_secret",
        ["GITBOT_GitHub__PrivateKey"] = "-----BEGIN RSA PRIVATE KEY-----",
        ["GITBOT_Database__ConnectionString"] = "Host=db;Password=pw",
        ["PGPASSWORD"] = "pw",
        ["NPM_TOKEN"] = "npm_secret",
        ["NODE_OPTIONS"] = "--max-old-space-size=2048",
    };

    [Fact]
    public void Backend_variables_and_harmless_pass_through_are_granted()
    {
        var env = AgentEnvironmentPolicy.Build(["ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"], ["NODE_OPTIONS"], Source);

        Assert.Equal("sk-ant-test", env.Variables["ANTHROPIC_API_KEY"]);
        Assert.Equal("http://127.0.0.1:9999", env.Variables["ANTHROPIC_BASE_URL"]);
        Assert.Equal("--max-old-space-size=2048", env.Variables["NODE_OPTIONS"]);
        Assert.Empty(env.Refused);
    }

    [Theory]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("gh_token")]
    [InlineData("GITBOT_GitHub__PrivateKey")]
    [InlineData("GITBOT_Database__ConnectionString")]
    [InlineData("PGPASSWORD")]
    [InlineData("NPM_TOKEN")]
    public void Credentials_are_refused_even_when_a_repository_asks_for_them(string name)
    {
        var env = AgentEnvironmentPolicy.Build([], [name], Source);

        Assert.Empty(env.Variables);
        Assert.Contains(name, env.Refused);
    }

    [Fact]
    public void A_backend_can_never_be_given_a_GitHub_token()
    {
        var env = AgentEnvironmentPolicy.Build(["GITHUB_TOKEN", "ANTHROPIC_API_KEY"], [], Source);

        Assert.False(env.Variables.ContainsKey("GITHUB_TOKEN"));
        Assert.Equal(["GITHUB_TOKEN"], env.Refused);
    }

    [Fact]
    public async Task A_real_agent_process_sees_only_the_granted_variables()
    {
        Environment.SetEnvironmentVariable("GITHUB_TOKEN", "ghs_should_not_leak");
        try
        {
            var env = AgentEnvironmentPolicy.Build(["ANTHROPIC_BASE_URL"], ["GITHUB_TOKEN"], Source);
            var result = await new ProcessRunner(TimeProvider.System).RunAsync(
                new ProcessSpec("env", [], Environment: env.Variables), CancellationToken.None);

            Assert.True(result.Succeeded);
            Assert.Contains("ANTHROPIC_BASE_URL=http://127.0.0.1:9999", result.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("ghs_", result.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("GITHUB_TOKEN", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_TOKEN", null);
        }
    }
}
