namespace GitBot.Core.Reviews.Gate;

/// <summary>What the gate requires, and who GitBot is.</summary>
/// <param name="AppId">GitBot's GitHub App id: only check runs created by it count.</param>
/// <param name="BotLogins">GitBot's own logins (e.g. <c>gitbot[bot]</c>); their reviews never count. Compared case-insensitively.</param>
/// <param name="AgentIdentities">Logins the agents act or push as; their reviews never count. Compared case-insensitively.</param>
/// <param name="RequiredApprovals">Approvals needed on the head (config; 0 allowed, raised to 1 when workflows or CODEOWNERS change).</param>
/// <param name="RequiredChecks">Check names that must have succeeded on the head, from <paramref name="AppId"/>.</param>
public sealed record GatePolicy(
    long AppId,
    IReadOnlyCollection<string> BotLogins,
    IReadOnlyCollection<string> AgentIdentities,
    int RequiredApprovals,
    IReadOnlyList<string> RequiredChecks)
{
    /// <summary>The agent checks required when the repo config names none.</summary>
    public static IReadOnlyList<string> DefaultRequiredChecks { get; } = ["gitbot/security", "gitbot/tests", "gitbot/judge"];

    /// <summary>The defaults: one approval and the three agent checks.</summary>
    public static GatePolicy Default(long appId, IReadOnlyCollection<string> botLogins, IReadOnlyCollection<string> agentIdentities) =>
        new(appId, botLogins, agentIdentities, 1, DefaultRequiredChecks);
}
