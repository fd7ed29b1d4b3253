namespace GitBot.GitHub.Webhooks.Models;

/// <summary>The button a user pressed on a check run (<c>check_run</c> with action <c>requested_action</c>).</summary>
public sealed record RequestedAction
{
    public string? Identifier { get; init; }
}
