using System.Diagnostics;
using System.Globalization;
using System.Text;
using GitBot.Core.Observability;
using Microsoft.Extensions.Logging;
using Quartz;

namespace GitBot.Workflows.Telemetry;

/// <summary>
/// Runs a job inside a log scope and an activity. The scope holds <c>job</c> (the job's kebab-case name, e.g.
/// <c>run-task</c>) and the job data ids GitBot's jobs use (<see cref="ScopeKeys"/>). The activity is
/// <c>job.&lt;name&gt;</c>, child of the job's stored <c>traceparent</c>, else of its delivery's virtual root
/// (<see cref="GitBotTelemetry.DeliveryContext"/>) when the job names a delivery, else the root of a new trace.
/// </summary>
internal sealed class TracedJob(IJob inner, ILogger logger) : IJob
{
    /// <summary>Job data key → log field.</summary>
    private static readonly (string Key, string Field)[] ScopeKeys =
    [
        ("deliveryId", "deliveryId"),
        ("installationId", "installation"),
        ("repository", "repository"),
        ("pullNumber", "pull"),
        ("issueNumber", "issue"),
        ("planId", "planId"),
        ("taskId", "taskId"),
        ("attempt", "attempt"),
        ("reviewRunId", "reviewRunId"),
    ];

    public IJob Inner => inner;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = KebabName(inner.GetType().Name);
        var data = context.MergedJobDataMap;
        var fields = new List<KeyValuePair<string, object?>> { new("job", name) };
        foreach (var (key, field) in ScopeKeys)
        {
            if (data.TryGetValue(key, out var value) && value is not null)
            {
                fields.Add(new(field, value));
            }
        }

        using var scope = logger.BeginScope(fields);
        using var activity = GitBotTelemetry.Source.StartActivity("job." + name, ActivityKind.Internal, Parent(data));
        if (activity is not null)
        {
            foreach (var (field, value) in fields)
            {
                activity.SetTag(field, value);
            }

            activity.SetTag("jobKey", context.JobDetail.Key.ToString());
            activity.SetTag("recovering", context.Recovering);
        }

        try
        {
            await inner.Execute(context, cancellationToken);
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    private static ActivityContext Parent(JobDataMap data)
    {
        if (Text(data, GitBotTelemetry.TraceParentKey) is { } traceParent && GitBotTelemetry.TryParseTraceParent(traceParent, out var stored))
        {
            return stored;
        }

        return Text(data, "deliveryId") is { Length: > 0 } deliveryId ? GitBotTelemetry.DeliveryContext(deliveryId) : default;
    }

    private static string? Text(JobDataMap data, string key) =>
        data.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    /// <summary><c>RunTaskJob</c> → <c>run-task</c>.</summary>
    internal static string KebabName(string typeName)
    {
        var name = typeName.EndsWith("Job", StringComparison.Ordinal) && typeName.Length > 3 ? typeName[..^3] : typeName;
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
