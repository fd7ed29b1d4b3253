using GitBot.Core.Configuration;

namespace GitBot.Agents.Configuration;

/// <summary>What the <c>gate:</c> section sets; null fields fall back to <see cref="GateSettings.Default"/>.</summary>
internal sealed class GateDraft
{
    public int? RequiredApprovals { get; set; }

    /// <summary>The required check names as listed (each well-formed and unique); null when not set or invalid.</summary>
    public List<ConfigListEntry<string>>? RequiredChecks { get; set; }

    public bool? AutoMerge { get; set; }

    public GateMergeMethod? MergeMethod { get; set; }
}
