using System.Text.Json.Serialization.Metadata;
using GitBot.GitHub.Models;

namespace GitBot.GitHub.Tests.Client;

/// <summary>Type infos from the production JSON context, for tests that call the connection directly.</summary>
internal static class TestJson
{
    public static JsonTypeInfo<List<GitHubIssueComment>> Comments => GitHubJsonContext.Default.ListGitHubIssueComment;

    public static JsonTypeInfo<List<HookDelivery>> Deliveries => GitHubJsonContext.Default.ListHookDelivery;
}
