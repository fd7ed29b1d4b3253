using System.Text.Json.Serialization;

namespace GitBot.GitHub.Models;

/// <summary>State of a check run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckRunStatus>))]
public enum CheckRunStatus
{
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("in_progress")]
    InProgress,

    [JsonStringEnumMemberName("completed")]
    Completed,
}
