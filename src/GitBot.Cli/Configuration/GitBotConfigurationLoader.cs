using Microsoft.Extensions.Configuration;

namespace GitBot.Cli.Configuration;

/// <summary>
/// Builds GitBot's configuration, later sources winning: built-in defaults, then a JSON file (<c>--config PATH</c>, or
/// <c>gitbot.json</c> in the working directory when present), then environment variables prefixed <c>GITBOT_</c>
/// (<c>GITBOT_GitHub__WebhookSecret</c> sets <c>GitHub:WebhookSecret</c>).
/// </summary>
public static class GitBotConfigurationLoader
{
    public const string DefaultFileName = "gitbot.json";
    public const string EnvironmentPrefix = "GITBOT_";

    /// <summary>Loads the configuration, or says why it cannot (an explicit file that is missing or not valid JSON).</summary>
    public static ConfigurationLoadResult Load(string? configPath, string workingDirectory)
    {
        var builder = new ConfigurationBuilder();
        var path = configPath ?? Path.Combine(workingDirectory, DefaultFileName);
        if (configPath is not null && !File.Exists(path))
        {
            return ConfigurationLoadResult.Failed($"configuration file '{path}' does not exist");
        }

        if (File.Exists(path))
        {
            builder.AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        try
        {
            return ConfigurationLoadResult.Loaded(builder.Build(), File.Exists(path) ? Path.GetFullPath(path) : null);
        }
        catch (InvalidDataException ex)
        {
            return ConfigurationLoadResult.Failed($"configuration file '{path}' is not valid JSON: {ex.Message}");
        }
        catch (FormatException ex)
        {
            return ConfigurationLoadResult.Failed($"configuration file '{path}' is not valid JSON: {ex.Message}");
        }
    }
}
