using Microsoft.Extensions.Configuration;

namespace GitBot.GitHub.Tests;

public sealed class GitHubOptionsTests
{
    [Fact]
    public void Mode_is_app_with_id_and_key_token_with_token_else_unconfigured()
    {
        Assert.Equal(GitHubAuthMode.App, new GitHubOptions { AppId = 1, PrivateKey = "pem" }.Mode);
        Assert.Equal(GitHubAuthMode.App, new GitHubOptions { AppId = 1, PrivateKeyPath = "/k.pem", Token = "t" }.Mode);
        Assert.Equal(GitHubAuthMode.Token, new GitHubOptions { Token = "ghs_x" }.Mode);
        Assert.Equal(GitHubAuthMode.Unconfigured, new GitHubOptions().Mode);
        Assert.Equal(GitHubAuthMode.Unconfigured, new GitHubOptions { AppId = 1 }.Mode);
    }

    [Fact]
    public void Validation_names_the_missing_setting()
    {
        var problems = new GitHubOptions { AppId = 12 }.Validate();

        Assert.Contains("GitHub:AppId is set but neither GitHub:PrivateKeyPath nor GitHub:PrivateKey is.", problems);
    }

    [Fact]
    public void Validation_rejects_key_without_app_id_and_bad_url()
    {
        var problems = new GitHubOptions { PrivateKey = "pem", ApiUrl = "not a url" }.Validate();

        Assert.Contains(problems, p => p.StartsWith("GitHub:PrivateKeyPath or GitHub:PrivateKey is set but GitHub:AppId is not", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("GitHub:ApiUrl 'not a url'", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_are_valid_and_point_at_api_github_com()
    {
        var options = new GitHubOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(new Uri("https://api.github.com/"), options.ApiBaseUri);
    }

    [Fact]
    public void Enterprise_api_url_keeps_its_path_prefix()
    {
        var options = new GitHubOptions { ApiUrl = "https://ghe.example.com/api/v3" };

        Assert.Equal(new Uri("https://ghe.example.com/api/v3/repos/o/r"), new Uri(options.ApiBaseUri, "repos/o/r"));
    }

    [Fact]
    public void Binds_from_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitHub:ApiUrl"] = "http://127.0.0.1:1234/",
            ["GitHub:AppId"] = "99",
            ["GitHub:PrivateKey"] = "pem",
            ["GitHub:WebhookSecret"] = "s1",
            ["GitHub:PreviousWebhookSecret"] = "s0",
            ["GitHub:UserAgent"] = "GitBot-Test",
            ["GitHub:MaxRateLimitWait"] = "00:05:00",
            ["GitHub:MaxServerErrorRetries"] = "5",
        }).Build();
        var options = new GitHubOptions();

        GitHubServiceCollectionExtensions.Bind(configuration.GetSection("GitHub"), options);

        Assert.Equal("http://127.0.0.1:1234/", options.ApiUrl);
        Assert.Equal(99, options.AppId);
        Assert.Equal("pem", options.PrivateKey);
        Assert.Equal("s1", options.WebhookSecret);
        Assert.Equal("s0", options.PreviousWebhookSecret);
        Assert.Equal("GitBot-Test", options.UserAgent);
        Assert.Equal(TimeSpan.FromMinutes(5), options.MaxRateLimitWait);
        Assert.Equal(5, options.MaxServerErrorRetries);
        Assert.Equal(GitHubAuthMode.App, options.Mode);
    }
}
