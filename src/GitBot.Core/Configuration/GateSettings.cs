namespace GitBot.Core.Configuration;

/// <summary>The <c>gate:</c> section of <c>.github/gitbot.yml</c>: what <c>gitbot/gate</c> requires and how it merges.</summary>
/// <param name="RequiredApprovals">
/// Approving reviews needed on the current head from humans with write permission (0–10). Default 1. Pull requests
/// that touch <c>.github/workflows/</c> or CODEOWNERS need at least one whatever this says.
/// </param>
/// <param name="RequiredChecks">
/// Check names that must have succeeded on the head (only GitBot's own runs count); null = the enabled review agents'
/// checks (<see cref="ReviewSettings.Agents"/>).
/// </param>
/// <param name="AutoMerge">When true GitBot merges as soon as the gate turns green, passing the approved head SHA. Default false.</param>
/// <param name="MergeMethod">The merge method for gate merges. Default squash.</param>
public sealed record GateSettings(
    int RequiredApprovals,
    IReadOnlyList<string>? RequiredChecks,
    bool AutoMerge,
    GateMergeMethod MergeMethod)
{
    /// <summary>The gate of a repository that configures none.</summary>
    public static GateSettings Default { get; } = new(1, null, false, GateMergeMethod.Squash);
}
