namespace GitBot.Agents.Models;

/// <summary>The answer of a model call, or why there is none. Never contains the API key.</summary>
/// <param name="Outcome">How the call ended.</param>
/// <param name="Text">The answer's text blocks concatenated; empty unless <see cref="Succeeded"/>.</param>
/// <param name="Model">The model asked (request's, else the node default); empty when none is configured.</param>
/// <param name="InputTokens">Input tokens reported by the API (0 when it did not answer).</param>
/// <param name="OutputTokens">Output tokens reported by the API (0 when it did not answer).</param>
/// <param name="Error">A short, scrubbed reason when not <see cref="Succeeded"/>; null on success.</param>
public sealed record ModelCallResult(ModelCallOutcome Outcome, string Text, string Model, long InputTokens, long OutputTokens, string? Error)
{
    /// <summary>True when the model answered with text.</summary>
    public bool Succeeded => Outcome == ModelCallOutcome.Succeeded;
}
