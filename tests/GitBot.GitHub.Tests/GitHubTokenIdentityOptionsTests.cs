using Microsoft.Extensions.Configuration;

namespace GitBot.GitHub.Tests;

/// <summary>The token-mode identity settings: defaults, binding and validation.</summary>
public sealed class GitHubTokenIdentityOptionsTests
{
    [Fact]
    public void Defaults_are_the_GitHub_Actions_app_and_its_bot()
    {
        var options = new GitHubOptions { Token = "ghs_job" };

        Assert.Equal(15368, options.TokenIdentityAppId);
        Assert.Equal("github-actions[bot]", options.TokenIdentityLogin);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Binding_reads_both_settings_and_keeps_the_defaults_for_blank_values()
    {
        var bound = new GitHubOptions();
        GitHubServiceCollectionExtensions.Bind(Section(new() { ["GitHub:TokenIdentityAppId"] = "42", ["GitHub:TokenIdentityLogin"] = "ci[bot]" }), bound);
        var blank = new GitHubOptions();
        GitHubServiceCollectionExtensions.Bind(Section(new() { ["GitHub:TokenIdentityAppId"] = "", ["GitHub:TokenIdentityLogin"] = "" }), blank);

        Assert.Equal(42, bound.TokenIdentityAppId);
        Assert.Equal("ci[bot]", bound.TokenIdentityLogin);
        Assert.Equal(GitHubOptions.DefaultTokenIdentityAppId, blank.TokenIdentityAppId);
        Assert.Equal(GitHubOptions.DefaultTokenIdentityLogin, blank.TokenIdentityLogin);
    }

    [Fact]
    public void Validation_rejects_a_non_positive_app_id_and_a_blank_or_spaced_login()
    {
        var zero = new GitHubOptions { Token = "t", TokenIdentityAppId = 0, TokenIdentityLogin = " " }.Validate();
        var spaced = new GitHubOptions { Token = "t", TokenIdentityLogin = "github actions" }.Validate();

        Assert.Contains(zero, p => p.StartsWith("GitHub:TokenIdentityAppId must be a positive App id", StringComparison.Ordinal));
        Assert.Contains(zero, p => p.StartsWith("GitHub:TokenIdentityLogin must be a login", StringComparison.Ordinal));
        Assert.Contains(spaced, p => p.StartsWith("GitHub:TokenIdentityLogin must be a login", StringComparison.Ordinal));
    }

    private static IConfigurationSection Section(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(GitHubOptions.SectionName);
}
