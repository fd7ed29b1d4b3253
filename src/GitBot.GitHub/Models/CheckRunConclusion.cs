using System.Text.Json.Serialization;

namespace GitBot.GitHub.Models;

/// <summary>Conclusion of a completed check run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckRunConclusion>))]
public enum CheckRunConclusion
{
    [JsonStringEnumMemberName("success")]
    Success,

    [JsonStringEnumMemberName("failure")]
    Failure,

    [JsonStringEnumMemberName("neutral")]
    Neutral,

    [JsonStringEnumMemberName("cancelled")]
    Cancelled,

    [JsonStringEnumMemberName("skipped")]
    Skipped,

    [JsonStringEnumMemberName("timed_out")]
    TimedOut,

    [JsonStringEnumMemberName("action_required")]
    ActionRequired,
}
