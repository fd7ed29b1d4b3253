using GitBot.Core.Plans;
using GitBot.Workflows.Logs;

namespace GitBot.Server.Plans;

/// <summary>
/// <c>GET /plans/{planId}/tasks/{taskId}/log?sig=…</c>: a task's latest run log, for the link in the plan comment.
/// Guarantees: without a valid signature the answer is 404 whether or not the task exists (ids cannot be probed); the
/// text is scrubbed of anything that looks like a secret once more before it is sent; at most the last
/// <see cref="MaxBytes"/> are sent. A log lives on the node that ran the task; another node answers 404 naming it.
/// </summary>
public sealed class TaskLogEndpoint(IPlanStore plans, TaskLogLinkSigner signer)
{
    public const string Route = "/plans/{planId:long}/tasks/{taskId}/log";

    /// <summary>The most of a log one answer carries (its end, where the outcome is).</summary>
    public const int MaxBytes = Dashboard.RunLogStreamer.MaxBytes;

    public async Task<IResult> HandleAsync(long planId, string taskId, string? sig, CancellationToken cancellationToken)
    {
        if (!signer.Verify(planId, taskId, sig))
        {
            return Results.NotFound();
        }

        var snapshot = await plans.GetAsync(planId, cancellationToken);
        var task = snapshot?.Tasks.FirstOrDefault(t => t.Id == taskId);
        if (task?.LogPath is not { } path)
        {
            return Results.NotFound();
        }

        if (!File.Exists(path))
        {
            return Results.Text($"The log of task {taskId} is kept on node {task.Node ?? "(unknown)"}, not on this one.", "text/plain; charset=utf-8", statusCode: 404);
        }

        // The same scrubbed tail the dashboard serves for a run's log.
        return await Dashboard.RunLogStreamer.ReadAsync(path, cancellationToken);
    }
}
