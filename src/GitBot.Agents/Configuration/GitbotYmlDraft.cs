using GitBot.Core.Configuration;

namespace GitBot.Agents.Configuration;

/// <summary>What <c>.github/gitbot.yml</c> sets; null fields fall back to the defaults.</summary>
internal sealed class GitbotYmlDraft
{
    public string? TriggerLabel { get; set; }

    public string? DefaultRole { get; set; }

    public int? DefaultRoleLine { get; set; }

    public string? BranchPrefix { get; set; }

    public bool? PlanApproval { get; set; }

    public IReadOnlyList<string>? TestCommand { get; set; }

    /// <summary>True when <c>test_command</c> was given but has a problem (so it is neither set nor known to be unset).</summary>
    public bool TestCommandInvalid { get; set; }

    public bool? AllowWorkflowChanges { get; set; }

    public RepoLimits Limits { get; set; } = RepoLimits.Default;

    public List<RolePatch> Roles { get; } = [];

    public ReviewsDraft? Reviews { get; set; }

    public GateDraft? Gate { get; set; }

    public Core.Executors.ExecutorSettings Executor { get; set; } = Core.Executors.ExecutorSettings.Default;
}
