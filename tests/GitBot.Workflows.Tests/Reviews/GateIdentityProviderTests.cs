using GitBot.GitHub;
using GitBot.Simulator;
using GitBot.Testing;
using GitBot.Workflows.Reviews;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Workflows.Tests.Reviews;

/// <summary>Who the gate counts as GitBot: the App (asked of GitHub) in App mode, the GitHub Actions App in token mode.</summary>
public sealed class GateIdentityProviderTests
{
    [Fact]
    public async Task Token_mode_is_the_GitHub_Actions_app_by_default()
    {
        await using var provider = Build(new() { ["GitHub:Token"] = "ghs_job", ["GitHub:ApiUrl"] = "http://127.0.0.1:1/" });

        var identity = await provider.GetRequiredService<GateIdentityProvider>().GetAsync(CancellationToken.None);

        Assert.Equal(new GateIdentity(15368, "github-actions[bot]"), identity);
    }

    [Fact]
    public async Task Token_mode_uses_the_configured_identity()
    {
        await using var provider = Build(new()
        {
            ["GitHub:Token"] = "ghs_job",
            ["GitHub:ApiUrl"] = "http://127.0.0.1:1/",
            ["GitHub:TokenIdentityAppId"] = "77",
            ["GitHub:TokenIdentityLogin"] = "ghes-actions[bot]",
        });

        var identity = await provider.GetRequiredService<GateIdentityProvider>().GetAsync(CancellationToken.None);

        Assert.Equal(new GateIdentity(77, "ghes-actions[bot]"), identity);
    }

    [Fact]
    public async Task Without_GitHub_settings_there_is_no_identity_and_the_gate_is_skipped()
    {
        await using var provider = Build([]);

        Assert.Null(await provider.GetRequiredService<GateIdentityProvider>().GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task App_mode_asks_GitHub_for_the_App_and_ignores_the_token_identity()
    {
        using var dir = new TempDirectory("gitbot-gate-identity");
        await using var github = await GitHubSimulator.StartAsync(new SimulatorOptions { DataDirectory = dir.Path }, CancellationToken.None);
        await using var provider = Build(new()
        {
            ["GitHub:ApiUrl"] = github.ApiUrl.ToString(),
            ["GitHub:AppId"] = github.App.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GitHub:PrivateKey"] = github.App.PrivateKeyPem,
            ["GitHub:Token"] = "ghs_ignored",
            ["GitHub:TokenIdentityAppId"] = "77",
        });

        var identity = await provider.GetRequiredService<GateIdentityProvider>().GetAsync(CancellationToken.None);

        Assert.Equal(new GateIdentity(github.App.Id, github.App.BotLogin), identity);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitHubClient(configuration);
        services.AddSingleton<GateIdentityProvider>();
        return services.BuildServiceProvider();
    }
}
