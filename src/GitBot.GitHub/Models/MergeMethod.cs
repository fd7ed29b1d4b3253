using System.Text.Json.Serialization;

namespace GitBot.GitHub.Models;

/// <summary>How a pull request is merged.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MergeMethod>))]
public enum MergeMethod
{
    [JsonStringEnumMemberName("merge")]
    Merge,

    [JsonStringEnumMemberName("squash")]
    Squash,

    [JsonStringEnumMemberName("rebase")]
    Rebase,
}
