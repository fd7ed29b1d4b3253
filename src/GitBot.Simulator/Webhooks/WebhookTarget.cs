namespace GitBot.Simulator.Webhooks;

/// <summary>Where the App's webhook points and the secret deliveries are signed with.</summary>
internal sealed record WebhookTarget(Uri Url, string Secret);
