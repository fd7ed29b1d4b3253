using System.Text.Json.Serialization;
using GitBot.Core.Deliveries;
using GitBot.Workflows.Scheduling;
using Quartz;

namespace GitBot.Server.Observability;

/// <summary>
/// <c>GET /readyz</c>: ready when, within <see cref="Timeout"/>, a trivial database read succeeds (a delivery lookup
/// by an id no delivery has) and the job schedulers are started and not shut down (the agent-task scheduler only
/// when this node has agent slots; without slots it is never started). Answers 200, or 503 with a JSON body naming
/// each failed check. Unauthenticated, like <c>/healthz</c>: it reveals only which component is down.
/// </summary>
public sealed class ReadinessProbe(IServiceProvider services)
{
    public const string Route = "/readyz";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private const string ProbeDeliveryId = "gitbot-readiness-probe";

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failures = await CheckAsync(context.RequestAborted);
        context.Response.StatusCode = failures.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        await context.Response.WriteAsJsonAsync(
            new ReadinessReport(failures.Count == 0 ? "ready" : "not ready", failures),
            ReadinessJsonContext.Default.ReadinessReport,
            cancellationToken: context.RequestAborted);
    }

    /// <summary>The failed checks, by component name and reason; empty when ready.</summary>
    public async Task<Dictionary<string, string>> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        await CheckAsync(failures, "database", async token =>
        {
            await services.GetRequiredService<IDeliveryStore>().GetAsync(ProbeDeliveryId, token);
            return null;
        }, timeout.Token);
        if (services.GetService<ISchedulerFactory>() is { } factory)
        {
            await CheckAsync(failures, "scheduler", async token => await StateAsync(await factory.GetScheduler(token), mustRun: true, token), timeout.Token);
        }

        if (services.GetService<AgentTaskScheduler>() is { } tasks)
        {
            await CheckAsync(failures, "task_scheduler", async token => await StateAsync(await tasks.GetAsync(token), mustRun: tasks.Slots > 0, token), timeout.Token);
        }

        return failures;
    }

    private static async Task<string?> StateAsync(IScheduler scheduler, bool mustRun, CancellationToken cancellationToken)
    {
        var status = await scheduler.GetStatus(cancellationToken);
        var down = status is SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown or SchedulerStatus.Unknown;
        return down || (mustRun && status != SchedulerStatus.Running) ? $"not running ({status})" : null;
    }

    private static async Task CheckAsync(Dictionary<string, string> failures, string name, Func<CancellationToken, Task<string?>> check, CancellationToken cancellationToken)
    {
        try
        {
            if (await check(cancellationToken) is { } problem)
            {
                failures[name] = problem;
            }
        }
        catch (OperationCanceledException)
        {
            failures[name] = $"no answer within {Timeout.TotalSeconds:0} s";
        }
#pragma warning disable CA1031 // Any failure of a dependency means not ready; the answer names it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failures[name] = ex.GetType().Name;
        }
    }
}

/// <summary>The body of a <c>/readyz</c> answer.</summary>
internal sealed record ReadinessReport(string Status, Dictionary<string, string> Failures);

[JsonSerializable(typeof(ReadinessReport))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ReadinessJsonContext : JsonSerializerContext;
