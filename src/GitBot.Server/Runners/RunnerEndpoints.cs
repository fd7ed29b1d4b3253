using System.Text.Json;
using GitBot.Core.Executors;
using GitBot.Workflows.Executors;

namespace GitBot.Server.Runners;

/// <summary>
/// The runner API of the <c>actions</c> executor, called by <c>gitbot run-task</c> on a self-hosted runner with
/// <c>Authorization: Bearer &lt;callback token&gt;</c>:
/// <c>GET /api/runner/tasks/{plan}/{task}/{attempt}</c> (the task spec), <c>POST .../started</c> (<c>{"run_id"}</c>) and
/// <c>POST .../result</c> (<c>{"state","commit_sha","cost_usd","reason","run_id"}</c>).
/// Answers: 401 for a missing, wrong or expired token (nothing changes, nothing is told about the ids); 409 when the
/// task is no longer running at that attempt; 400 for a malformed body.
/// </summary>
public static class RunnerEndpoints
{
    public const string Route = "/api/runner/tasks/{planId:long}/{taskId}/{attempt:int}";

    /// <summary>Adds the routes.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Route, async (long planId, string taskId, int attempt, HttpContext context, RunnerCallbackHandler callbacks) =>
        {
            var (status, spec) = await callbacks.GetSpecAsync(planId, taskId, attempt, Bearer(context), context.RequestAborted);
            return status == RunnerCallStatus.Ok ? Results.Json(spec, RunnerJson.Options) : Answer(status);
        });
        endpoints.MapPost(Route + "/started", async (long planId, string taskId, int attempt, HttpContext context, RunnerCallbackHandler callbacks) =>
        {
            var body = await ReadAsync<RunnerStarted>(context);
            return body is null
                ? Results.BadRequest()
                : Answer(await callbacks.StartedAsync(planId, taskId, attempt, Bearer(context), body, context.RequestAborted));
        });
        endpoints.MapPost(Route + "/result", async (long planId, string taskId, int attempt, HttpContext context, RunnerCallbackHandler callbacks) =>
        {
            var body = await ReadAsync<RunnerTaskResult>(context);
            return body is null
                ? Results.BadRequest()
                : Answer(await callbacks.CompleteAsync(planId, taskId, attempt, Bearer(context), body, context.RequestAborted));
        });
    }

    private static IResult Answer(RunnerCallStatus status) => status switch
    {
        RunnerCallStatus.Ok => Results.NoContent(),
        RunnerCallStatus.Gone => Results.Conflict(),
        RunnerCallStatus.Invalid => Results.BadRequest(),
        _ => Results.Unauthorized(),
    };

    private static string? Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
    }

    private static async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, RunnerJson.Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
