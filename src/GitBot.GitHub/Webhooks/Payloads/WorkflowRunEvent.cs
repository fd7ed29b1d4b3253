using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks.Payloads;

/// <summary><c>workflow_run</c>: a GitHub Actions run was requested, started or completed.</summary>
public sealed record WorkflowRunEvent : WebhookEvent
{
    public const string EventName = "workflow_run";

    /// <summary>GitHub always sends it; null only in stripped-down payloads (one published example has none).</summary>
    public WorkflowRun? WorkflowRun { get; init; }

    /// <summary>GitHub's schema allows null.</summary>
    public Workflow? Workflow { get; init; }
}
