using System.CommandLine;
using GitBot.Cli.Configuration;
using GitBot.Server;
using Microsoft.Extensions.Configuration;

namespace GitBot.Cli.Commands;

/// <summary><c>gitbot serve</c>: webhooks, scheduler and workers in one process.</summary>
public static class ServeCommand
{
    /// <summary>Where a fresh install listens when neither <c>--urls</c> nor the <c>Urls</c> setting says otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public static Command Create(Option<string?> configOption)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (default: the Urls setting, else {DefaultUrls}).",
        };
        var command = new Command("serve", "Serve GitHub webhooks and run the scheduler and workers in one process (SQLite by default).")
        {
            urls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = GitBotConfigurationLoader.Load(parse.GetValue(configOption), Directory.GetCurrentDirectory());
            if (loaded.Configuration is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"gitbot serve: {loaded.Error}");
                return 2;
            }

            var overrides = new Dictionary<string, string?>
            {
                ["Urls"] = parse.GetValue(urls) ?? loaded.Configuration["Urls"] ?? DefaultUrls,
            };
            var configuration = new ConfigurationBuilder()
                .AddConfiguration(loaded.Configuration)
                .AddInMemoryCollection(overrides)
                .Build();
            return await GitBotServer.RunAsync([], configuration, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }
}
