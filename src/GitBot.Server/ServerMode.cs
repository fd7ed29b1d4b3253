namespace GitBot.Server;

/// <summary>What the webhook ingress does, decided once from configuration at start-up.</summary>
public enum ServerMode
{
    /// <summary>Nothing about the GitHub App is configured: serve the setup page and answer webhooks 503.</summary>
    Setup,

    /// <summary>A webhook secret is configured: verify, store and acknowledge deliveries.</summary>
    Ingress,
}
