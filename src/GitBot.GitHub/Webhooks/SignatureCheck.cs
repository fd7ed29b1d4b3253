namespace GitBot.GitHub.Webhooks;

/// <summary>The outcome of checking a webhook signature. Only <see cref="Valid"/> lets a body be parsed.</summary>
public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Mismatch,
}
