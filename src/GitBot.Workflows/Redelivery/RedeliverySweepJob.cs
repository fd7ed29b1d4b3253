using GitBot.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace GitBot.Workflows.Redelivery;

/// <summary>
/// Runs <see cref="RedeliverySweeper"/> on a repeating trigger. Across a cluster one node runs it at a time
/// (<see cref="DisallowConcurrentExecutionAttribute"/>: the job store blocks the trigger while it runs anywhere).
/// Not retried: the next run reads the same window again. Does nothing on a node without GitHub App credentials
/// (a trigger stored while the App was configured may outlive that configuration).
/// </summary>
[DisallowConcurrentExecution]
[RetryPolicy(0)]
public sealed class RedeliverySweepJob(IServiceProvider services, IOptions<GitHubOptions> github) : IJob
{
    public static readonly JobKey Key = new("redelivery-sweep", "gitbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (github.Value.Mode != GitHubAuthMode.App)
        {
            return;
        }

        context.Result = await services.GetRequiredService<RedeliverySweeper>().SweepAsync(cancellationToken);
    }
}
