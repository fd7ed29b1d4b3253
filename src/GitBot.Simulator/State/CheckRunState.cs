using System.Text.Json.Nodes;

namespace GitBot.Simulator.State;

/// <summary>A check run on a commit.</summary>
internal sealed class CheckRunState(long id, string name, string headSha, long appId, DateTimeOffset startedAt)
{
    public long Id { get; } = id;

    public string Name { get; set; } = name;

    public string HeadSha { get; } = headSha;

    public long AppId { get; } = appId;

    /// <summary><c>queued</c>, <c>in_progress</c>, <c>completed</c>, …</summary>
    public string Status { get; set; } = "queued";

    public string? Conclusion { get; set; }

    public string? DetailsUrl { get; set; }

    public string? ExternalId { get; set; }

    public DateTimeOffset StartedAt { get; set; } = startedAt;

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The <c>output</c> object as last sent (title, summary, text, annotations).</summary>
    public JsonObject? Output { get; set; }
}
