namespace GitBot.Workflows.Commands;

/// <summary>What the API said about the sender's permission when the commands arrived.</summary>
public enum CommandPermission
{
    /// <summary>Write, maintain or admin.</summary>
    Write,

    /// <summary>Read, triage or none.</summary>
    NoWrite,

    /// <summary>The API could not be asked (error, rate limit): treated as no permission (fail closed).</summary>
    Unknown,
}
