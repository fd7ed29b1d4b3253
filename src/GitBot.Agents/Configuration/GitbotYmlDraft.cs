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

    public bool? AllowWorkflowChanges { get; set; }

    public RepoLimits Limits { get; set; } = RepoLimits.Default;

    public List<RolePatch> Roles { get; } = [];
}
