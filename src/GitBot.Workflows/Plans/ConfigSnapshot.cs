using System.Text.Json;

namespace GitBot.Workflows.Plans;

/// <summary>
/// The repository configuration files a plan was made with (path → text), stored with the plan. Every job of a plan
/// parses this snapshot, never the repository's current files, so a push to the default branch mid-plan cannot change
/// the limits, roles or prompts of work already under way.
/// </summary>
public static class ConfigSnapshot
{
    public static string Serialize(IReadOnlyDictionary<string, string> files) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(files.ToDictionary(), StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, string> Deserialize(string snapshot) =>
        string.IsNullOrWhiteSpace(snapshot)
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<Dictionary<string, string>>(snapshot) ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
