using System.Text.Json.Nodes;

namespace GitBot.Simulator.State;

/// <summary>A check run on a commit.</summary>
internal sealed class CheckRunState(long id, string name, string headSha, SimulatedApp app, DateTimeOffset startedAt)
{
    public long Id { get; } = id;

    public string Name { get; set; } = name;

    public string HeadSha { get; } = headSha;

    /// <summary>The GitHub App that created the run (GitBot's, or another App such as a CI's).</summary>
    public SimulatedApp App { get; } = app;

    /// <summary><c>queued</c>, <c>in_progress</c>, <c>completed</c>, …</summary>
    public string Status { get; set; } = "queued";

    public string? Conclusion { get; set; }

    public string? DetailsUrl { get; set; }

    public string? ExternalId { get; set; }

    public DateTimeOffset StartedAt { get; set; } = startedAt;

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The <c>output</c> object as last sent (title, summary, text); annotations are kept in <see cref="Annotations"/>.</summary>
    public JsonObject? Output { get; set; }

    /// <summary>Every annotation sent so far: as on GitHub, each create or update appends its annotations.</summary>
    public List<JsonObject> Annotations { get; } = [];
}
