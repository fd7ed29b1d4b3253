using GitBot.Core.Executors;
using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;

namespace GitBot.Workflows.Executors;

/// <summary>
/// <c>workflow_run.completed</c> for a run a runner reported as working on a dispatched task: when the task has no
/// result yet, the run ended without one (it failed, was cancelled, or finished without reporting), so the attempt
/// fails (retryable) and says so. Idempotent: the outcome is taken once (<see cref="ITaskDispatchStore.MarkReportedAsync"/>).
/// </summary>
public sealed class WorkflowRunEventHandler(ITaskDispatchStore dispatches, RunnerCallbackHandler callbacks) : WebhookEventHandler<WorkflowRunEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(["completed"], StringComparer.Ordinal);

    public override string Event => WorkflowRunEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(WebhookEventContext context, WorkflowRunEvent payload, CancellationToken cancellationToken)
    {
        if (payload.WorkflowRun is not { } run || payload.Repository?.FullName is not { } repository)
        {
            return;
        }

        var dispatch = await dispatches.FindByRunAsync(repository, run.Id, cancellationToken);
        if (dispatch is null || dispatch.ReportedAt is not null)
        {
            return;
        }

        var conclusion = run.Conclusion ?? "unknown";
        var reason = conclusion == "success"
            ? $"the Actions run {run.Id} finished without reporting a result"
            : $"the Actions run {run.Id} ended with `{conclusion}` before reporting a result";
        await callbacks.FailUnreportedAsync(dispatch, reason, cancellationToken);
    }
}
