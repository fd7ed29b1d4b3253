using GitBot.Core.Dashboard;
using GitBot.Server.Dashboard.Access;

namespace GitBot.Server.Dashboard;

/// <summary>The event streams and the log text: 401 for anonymous requests, 404 for what the viewer cannot see.</summary>
internal sealed class DashboardEventHandlers(
    DashboardAccess access,
    IDashboardQueries queries,
    LiveIssueBroadcaster broadcaster,
    RunLogStreamer logs,
    DashboardPageOptions options,
    TimeProvider time,
    IHostApplicationLifetime lifetime)
{
    public async Task IssueEventsAsync(HttpContext context, string owner, string name, int number)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stop.Token;
        if (await access.ResolveAsync(context, cancellationToken) is not { } viewer)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (await DashboardHandlers.FindRepositoryAsync(viewer, $"{owner}/{name}", queries, cancellationToken) is not { } repository)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("Not found.", cancellationToken);
            return;
        }

        using var subscription = broadcaster.Subscribe(repository, number);
        try
        {
            await ServerSentEvents.StartAsync(context.Response, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var wait = subscription.Fragments.WaitToReadAsync(cancellationToken).AsTask();
                var keepAlive = Task.Delay(options.KeepAliveInterval, time, quiet.Token);
                if (await Task.WhenAny(wait, keepAlive) == keepAlive)
                {
                    await ServerSentEvents.KeepAliveAsync(context.Response, cancellationToken);
                    continue;
                }

                await quiet.CancelAsync();
                if (!await wait)
                {
                    return;
                }

                // Only the newest fragment matters: skip any older ones still queued.
                string? fragment = null;
                while (subscription.Fragments.TryRead(out var next))
                {
                    fragment = next;
                }

                if (fragment is not null)
                {
                    await ServerSentEvents.WriteAsync(context.Response, "live", fragment, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The viewer left or the server is stopping: the stream just ends.
        }
    }

    public async Task<IResult> LogAsync(HttpContext context, long id, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, cancellationToken) is not { } viewer)
        {
            return Results.Unauthorized();
        }

        var run = await queries.GetRunAsync(id, cancellationToken);
        if (run is null || !viewer.CanSee(run.Subject.Repository) || run.LogPath is null)
        {
            return Results.Text("Not found.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        return File.Exists(run.LogPath)
            ? await RunLogStreamer.ReadAsync(run.LogPath, cancellationToken)
            : Results.Text($"The log of run {id} is kept on node {run.Node}, not on this one.", "text/plain; charset=utf-8", statusCode: 404);
    }

    public async Task LogEventsAsync(HttpContext context, long id)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stop.Token;
        if (await access.ResolveAsync(context, cancellationToken) is not { } viewer)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var run = await queries.GetRunAsync(id, cancellationToken);
        if (run is null || !viewer.CanSee(run.Subject.Repository) || run.LogPath is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("Not found.", cancellationToken);
            return;
        }

        if (!File.Exists(run.LogPath) && !run.IsRunning)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync($"The log of run {id} is kept on node {run.Node}, not on this one.", cancellationToken);
            return;
        }

        try
        {
            await logs.StreamAsync(context, run, run.LogPath, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The viewer left or the server is stopping.
        }
    }
}
