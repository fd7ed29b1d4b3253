using System.Text.Json.Serialization;

namespace GitBot.GitHub.Models;

/// <summary>Severity of a check run annotation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnnotationLevel>))]
public enum AnnotationLevel
{
    [JsonStringEnumMemberName("notice")]
    Notice,

    [JsonStringEnumMemberName("warning")]
    Warning,

    [JsonStringEnumMemberName("failure")]
    Failure,
}
