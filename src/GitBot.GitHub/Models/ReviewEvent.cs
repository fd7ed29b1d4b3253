using System.Text.Json.Serialization;

namespace GitBot.GitHub.Models;

/// <summary>What a new review does. GitBot's agents never <c>APPROVE</c>; the value exists because the API has it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewEvent>))]
public enum ReviewEvent
{
    [JsonStringEnumMemberName("COMMENT")]
    Comment,

    [JsonStringEnumMemberName("REQUEST_CHANGES")]
    RequestChanges,

    [JsonStringEnumMemberName("APPROVE")]
    Approve,
}
