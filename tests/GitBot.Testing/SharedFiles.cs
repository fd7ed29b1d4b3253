namespace GitBot.Testing;

/// <summary>
/// Finds GitHub's reference data in <c>../shared/github/</c> beside the project root by walking up from the test
/// assembly. The files are read in place, never copied into the project.
/// </summary>
public static class SharedFiles
{
    private static readonly Lazy<string> Root = new(FindSharedGitHub);

    /// <summary>GitHub's OpenAPI description of the REST API.</summary>
    public static string RestApiJson => Path.Combine(Root.Value, "rest-api.json");

    /// <summary>GitHub's webhook event definitions with real example payloads.</summary>
    public static string WebhookExamplesJson => Path.Combine(Root.Value, "webhook-examples.json");

    private static string FindSharedGitHub()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "github");
            if (File.Exists(Path.Combine(candidate, "rest-api.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"shared/github/rest-api.json was not found above {AppContext.BaseDirectory}; " +
            "the project checkout must sit beside ../shared/.");
    }
}
