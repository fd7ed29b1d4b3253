using System.Text.Json.Serialization;

namespace GitBot.GitHub.Models;

/// <summary>State of a commit status.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommitState>))]
public enum CommitState
{
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("success")]
    Success,

    [JsonStringEnumMemberName("failure")]
    Failure,

    [JsonStringEnumMemberName("error")]
    Error,
}
