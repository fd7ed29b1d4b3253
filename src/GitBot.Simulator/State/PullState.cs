namespace GitBot.Simulator.State;

/// <summary>The pull-request half of an issue number: branches, merge state and reviews.</summary>
internal sealed class PullState(long id, string headRef, string headSha, string baseRef, string baseSha, bool draft)
{
    public long Id { get; } = id;

    public string HeadRef { get; } = headRef;

    public string HeadSha { get; set; } = headSha;

    public string BaseRef { get; set; } = baseRef;

    public string BaseSha { get; set; } = baseSha;

    public bool Draft { get; set; } = draft;

    public bool Merged { get; set; }

    public DateTimeOffset? MergedAt { get; set; }

    public string? MergeCommitSha { get; set; }

    public UserState? MergedBy { get; set; }

    public List<ReviewState> Reviews { get; } = [];
}
