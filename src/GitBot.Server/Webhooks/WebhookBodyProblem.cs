namespace GitBot.Server.Webhooks;

internal enum WebhookBodyProblem
{
    None,

    /// <summary>Declared or actual length over the cap: 413.</summary>
    TooLarge,

    /// <summary>The body ended before its declared length (client went away): 400.</summary>
    Truncated,
}
