using System.Text.Json.Serialization;

namespace GitBot.GitHub.Models;

/// <summary>Which side of a diff an inline review comment refers to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DiffSide>))]
public enum DiffSide
{
    [JsonStringEnumMemberName("RIGHT")]
    Right,

    [JsonStringEnumMemberName("LEFT")]
    Left,
}
