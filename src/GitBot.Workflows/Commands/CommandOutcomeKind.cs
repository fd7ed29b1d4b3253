namespace GitBot.Workflows.Commands;

/// <summary>How one command ended.</summary>
public enum CommandOutcomeKind
{
    /// <summary>It did what it says (🚀).</summary>
    Done,

    /// <summary>Not allowed: no write permission, or the permission could not be checked (😕). Nothing was spent.</summary>
    Refused,

    /// <summary>Allowed, but it could not do it (wrong place, gate not green, GitHub refused) (😕).</summary>
    Failed,

    /// <summary>The verb is not available yet (😕).</summary>
    Unavailable,

    /// <summary>Not a valid command: unknown verb or malformed arguments (😕).</summary>
    Invalid,
}
