namespace GitBot.Workflows.Reviews;

/// <summary>Who GitBot is on GitHub, for the gate: only check runs of <paramref name="AppId"/> count, and reviews by <paramref name="BotLogin"/> never do.</summary>
/// <param name="AppId">GitBot's GitHub App id.</param>
/// <param name="BotLogin">The App's bot account (<c>slug[bot]</c>); null when the App has no slug.</param>
public sealed record GateIdentity(long AppId, string? BotLogin);
