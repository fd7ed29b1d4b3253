namespace GitBot.Simulator.State;

/// <summary>The pull-request half of an issue number: branches, merge state and reviews.</summary>
internal sealed class PullState(long id, string headRef, string headSha, string baseRef, string baseSha, bool draft)
{
    public long Id { get; } = id;

    public string HeadRef { get; } = headRef;

    /// <summary>
    /// The fork the head branch lives in, or null when it is a branch of the pull request's own repository. A fork's head
    /// exists in the base repository only as <c>refs/pull/{n}/head</c>, and never follows a base-repository branch of the
    /// same name.
    /// </summary>
    public RepositoryState? HeadRepository { get; init; }

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
