namespace GitBot.Server.Webhooks;

/// <summary>The raw request body, or why it could not be read.</summary>
internal readonly record struct WebhookBody(byte[]? Bytes, WebhookBodyProblem Problem)
{
    public static WebhookBody Read(byte[] bytes) => new(bytes, WebhookBodyProblem.None);

    public static WebhookBody Failed(WebhookBodyProblem problem) => new(null, problem);
}
