namespace GitBot.Agents.Models;

/// <summary>How a <see cref="ModelCallRequest"/> ended.</summary>
public enum ModelCallOutcome
{
    /// <summary>The model answered with text.</summary>
    Succeeded,

    /// <summary>The API refused or failed (HTTP error after retries, network failure, malformed or empty answer).</summary>
    Failed,

    /// <summary>The call ran past <see cref="ModelCallRequest.Timeout"/>.</summary>
    TimedOut,

    /// <summary>The caller cancelled (e.g. a newer push superseded the review).</summary>
    Cancelled,

    /// <summary>No API key (or no model) is configured on this node, so nothing was sent.</summary>
    NotConfigured,
}
