using System.Text.Json.Serialization;

namespace GitBot.GitHub.Models;

/// <summary>A reaction GitHub accepts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReactionContent>))]
public enum ReactionContent
{
    [JsonStringEnumMemberName("+1")]
    PlusOne,

    [JsonStringEnumMemberName("-1")]
    MinusOne,

    [JsonStringEnumMemberName("laugh")]
    Laugh,

    [JsonStringEnumMemberName("confused")]
    Confused,

    [JsonStringEnumMemberName("heart")]
    Heart,

    [JsonStringEnumMemberName("hooray")]
    Hooray,

    [JsonStringEnumMemberName("rocket")]
    Rocket,

    [JsonStringEnumMemberName("eyes")]
    Eyes,
}
