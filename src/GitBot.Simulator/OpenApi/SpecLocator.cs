namespace GitBot.Simulator.OpenApi;

/// <summary>
/// Finds <c>shared/github/rest-api.json</c> by walking up from the application base directory: the same rule as the
/// tests' <c>SharedFiles</c>, repeated here because a src project cannot reference the testing project.
/// </summary>
internal static class SpecLocator
{
    public static string FindRestApiJson()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "github", "rest-api.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"shared/github/rest-api.json was not found above {AppContext.BaseDirectory}; " +
            "set SimulatorOptions.OpenApiPath or keep the checkout beside ../shared/.");
    }
}
