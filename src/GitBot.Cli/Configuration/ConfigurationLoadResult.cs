using Microsoft.Extensions.Configuration;

namespace GitBot.Cli.Configuration;

/// <summary>A loaded configuration, or the reason it could not be loaded.</summary>
public sealed record ConfigurationLoadResult(IConfigurationRoot? Configuration, string? FilePath, string? Error)
{
    public static ConfigurationLoadResult Loaded(IConfigurationRoot configuration, string? filePath) => new(configuration, filePath, null);

    public static ConfigurationLoadResult Failed(string error) => new(null, null, error);
}
