using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitBot.Simulator;

/// <summary>How a <see cref="GitHubSimulator"/> is set up. Every property has a sensible default.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The clock for timestamps, token expiry, JWT checks and rate-limit windows. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long installation tokens live (<c>expires_at</c>). Default: one hour, as on GitHub.</summary>
    public TimeSpan InstallationTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>GitHub's OpenAPI description. Default: <c>shared/github/rest-api.json</c> found above the app's base directory.</summary>
    public string? OpenApiPath { get; init; }

    /// <summary>Where bare repositories are created. Default: a fresh temp directory, deleted when the simulator is disposed.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Requests per hour per credential (primary rate limit). Default: 5000.</summary>
    public int RateLimitPerHour { get; init; } = 5000;

    /// <summary>The App's name; its slug is derived from it. Default: <c>GitBot Simulated</c>.</summary>
    public string AppName { get; init; } = "GitBot Simulated";

    /// <summary>Where rejections and failed deliveries are logged. Default: nowhere.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>How long a webhook receiver may take before the delivery is logged as timed out. Default: 10 s, as on GitHub.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
