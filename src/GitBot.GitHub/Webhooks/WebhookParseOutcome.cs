namespace GitBot.GitHub.Webhooks;

/// <summary>How parsing a verified webhook body ended.</summary>
public enum WebhookParseOutcome
{
    /// <summary>The body is a supported event and parsed into its typed record.</summary>
    Parsed,

    /// <summary>GitBot does not handle this event; not an error, the delivery is simply not acted on.</summary>
    Unsupported,

    /// <summary>A supported event whose body is not valid JSON or lacks what GitHub always sends.</summary>
    Malformed,
}
