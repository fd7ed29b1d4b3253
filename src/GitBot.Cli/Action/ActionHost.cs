using System.Globalization;
using GitBot.Agents.Configuration;
using GitBot.GitHub;
using GitBot.Storage;
using GitBot.Workflows;
using GitBot.Workflows.Issues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitBot.Cli.Action;

/// <summary>
/// The engine inside an Actions job: the same registrations as <c>gitbot serve</c> (storage, GitHub client, workflows
/// with the delivery dispatcher and in-process scheduler) in a generic host without HTTP, on SQLite under
/// <see cref="ActionSettings.StateDirectory"/>, with <c>GitHub:Mode</c> token (the job's token, the job's API URL).
/// Settings the job decides are forced over the user's; everything else (agent slots, logging, the Claude CLI path)
/// can still come from <c>GITBOT_*</c> variables or a configuration file.
/// </summary>
internal static class ActionHost
{
    public static IConfiguration Configure(ActionSettings settings, IConfiguration loaded)
    {
        var state = settings.StateDirectory;
        var defaults = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:GitBot"] = "Information",
            ["Scheduler:AgentSlots"] = "2",
        };
        var forced = new Dictionary<string, string?>
        {
            ["DataDirectory"] = state,
            ["Database:Provider"] = "sqlite",
            ["Database:ConnectionString"] = "Data Source=" + Path.Combine(state, "gitbot.db"),
            ["GitHub:ApiUrl"] = settings.ApiUrl.ToString(),
            ["GitHub:Token"] = settings.Token,
            ["GitHub:AppId"] = "",
            ["GitHub:PrivateKey"] = "",
            ["GitHub:PrivateKeyPath"] = "",
            ["Redelivery:Enabled"] = "false",
            ["Git:WorkRoot"] = Path.Combine(state, "git"),
            ["Agents:LogRoot"] = Path.Combine(state, "logs"),
            ["Agents:HomeRoot"] = Path.Combine(state, "agent-home"),
            ["Scheduler:NodeName"] = settings.DeliveryId,
        };
        if (settings.AnthropicApiKey is { } key)
        {
            forced["Agents:AnthropicApiKey"] = key;
        }

        if (settings.Model is { } model)
        {
            forced["Agents:DefaultModel"] = model;
        }

        if (settings.ConfigPath is { } configPath)
        {
            forced["Agents:ConfigPath"] = configPath;
        }

        if (settings.ConfigOverlay is { } overlay)
        {
            forced["Agents:ConfigOverlay"] = overlay;
        }

        return new ConfigurationBuilder()
            .AddInMemoryCollection(defaults)
            .AddConfiguration(loaded)
            .AddInMemoryCollection(forced)
            .Build();
    }

    /// <summary>Builds the host; throws <see cref="InvalidOperationException"/> with a plain message when the configuration cannot work.</summary>
    public static IHost Build(IConfiguration configuration)
    {
        // The loader's callers are static; this process handles one job, so the node's settings are set once here.
        RepoConfigLoader.NodeSettings = new NodeConfigSettings(Blank(configuration["Agents:ConfigPath"]), Blank(configuration["Agents:ConfigOverlay"]));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "gitbot-run-event" });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        // Standard error: standard output is the job's summary, which tests and users read.
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddGitBotStorage(configuration);
        builder.Services.AddGitHubClient(configuration);
        builder.Services.AddGitBotWorkflows(configuration, WorkflowHostRole.Serve);
        return builder.Build();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static string Invariant(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
