namespace GitBot.Simulator.State;

/// <summary>A repository: identity, its bare git repository, and everything hanging off it.</summary>
internal sealed class RepositoryState(long id, UserState owner, string name, long installationId, string barePath, bool isPrivate,
    DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public UserState Owner { get; } = owner;

    public string Name { get; } = name;

    public string FullName => $"{Owner.Login}/{Name}";

    public long InstallationId { get; } = installationId;

    public string BarePath { get; } = barePath;

    public bool Private { get; } = isPrivate;

    /// <summary>True for a fork another account made of a repository (<c>fork: true</c> in its shape).</summary>
    public bool Fork { get; init; }

    /// <summary>Forks of this repository that opened pull requests into it, by full name (one identity per fork).</summary>
    public Dictionary<string, RepositoryState> Forks { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string DefaultBranch { get; set; } = "main";

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public int NextNumber { get; set; } = 1;

    /// <summary>Collaborator login → <c>admin</c>, <c>maintain</c>, <c>write</c>, <c>triage</c> or <c>read</c>.</summary>
    public Dictionary<string, string> Permissions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, LabelState> Labels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<int, IssueState> Issues { get; } = [];

    public List<CheckRunState> CheckRuns { get; } = [];

    public List<CommitStatusState> Statuses { get; } = [];

    public List<SimulatedWorkflowDispatch> WorkflowDispatches { get; } = [];
}
