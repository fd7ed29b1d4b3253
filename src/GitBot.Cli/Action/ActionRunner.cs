using GitBot.Cli.Configuration;
using GitBot.Core.Budgets;
using GitBot.Core.Deliveries;
using GitBot.Core.Plans;
using GitBot.Git.Repositories;
using GitBot.GitHub.Clients;
using GitBot.Storage.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GitBot.Cli.Action;

/// <summary>
/// <c>gitbot run-event</c>: the App's flows for one Actions event, synchronously in the job. The event file is stored
/// as a delivery (id <c>actions-&lt;run id&gt;-&lt;attempt&gt;</c>; no signature: the runner wrote the file itself) and
/// goes through the same dispatcher, parser and handlers as a webhook; the run ends when everything it started has
/// finished (<see cref="ActionIdleWaiter"/>) or the timeout passes. Exit codes: 0 when the flows ran (a failed task
/// is reported by GitBot's comment and the outputs, not the exit code) or the event was refused; 1 when GitBot could
/// not finish (the token was refused, the timeout passed); 2 when the environment or configuration is not usable.
/// </summary>
public sealed class ActionRunner(TextWriter output, TextWriter error, TimeProvider time)
{
    private const string Prefix = "gitbot run-event: ";

    public async Task<int> RunAsync(Func<string, string?> environment, string? configPath, CancellationToken cancellationToken)
    {
        var (settings, problems) = ActionSettings.Read(environment);
        if (settings is null)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(Prefix + problem);
            }

            return 2;
        }

        var (evt, eventError) = ActionEvent.Read(settings.EventName, settings.EventPath);
        var loaded = GitBotConfigurationLoader.Load(configPath, Directory.GetCurrentDirectory());
        if (evt is null || loaded.Configuration is null)
        {
            await error.WriteLineAsync(Prefix + (eventError ?? loaded.Error));
            return 2;
        }

        Directory.CreateDirectory(settings.StateDirectory);
        IHost host;
        try
        {
            host = ActionHost.Build(ActionHost.Configure(settings, loaded.Configuration));
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync(Prefix + ex.Message);
            return 2;
        }

        using (host)
        {
            return await RunAsync(host, settings, evt, cancellationToken);
        }
    }

    private async Task<int> RunAsync(IHost host, ActionSettings settings, ActionEvent evt, CancellationToken cancellationToken)
    {
        var services = host.Services;
        await output.WriteLineAsync(Prefix + settings);
        var client = services.GetRequiredService<GitHubClientFactory>().ForInstallation(ActionEvent.TokenInstallationId);
        var (refusal, tokenError) = await ActionRefusal.CheckAsync(settings, evt, client, cancellationToken);
        if (tokenError is not null)
        {
            await error.WriteLineAsync(Prefix + tokenError);
            return 1;
        }

        if (refusal is not null)
        {
            await output.WriteLineAsync(Prefix + "refused: " + refusal);
            await WriteAsync(settings, ActionResult.Refused(refusal));
            return 0;
        }

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var seeder = new WorkspaceMirrorSeeder(services.GetRequiredService<GitCli>(), services.GetRequiredService<MirrorCache>());
        var cloneUrl = evt.CloneUrl ?? new Uri(settings.ServerUrl, settings.Repository + ".git").ToString();
        await output.WriteLineAsync(Prefix + await seeder.SeedAsync(settings.Repository, cloneUrl, settings.Workspace, cancellationToken));
        var number = evt.IssueNumber ?? evt.PullRequestNumber;
        if (settings.BudgetUsd is { } budget && number is { } issue)
        {
            // The workflow's budget is the owner's: it replaces limits.issue_budget_usd unless /agent budget set one
            // (possible only when state-directory keeps GitBot's database between jobs).
            var budgets = services.GetRequiredService<IIssueBudgetStore>();
            if (await budgets.FindAsync(settings.Repository, issue, cancellationToken) is null)
            {
                await budgets.SetAsync(settings.Repository, issue, budget, "workflow", cancellationToken);
            }
        }

        var delivery = new WebhookDelivery(settings.DeliveryId, evt.Name, evt.Action, ActionEvent.TokenInstallationId, settings.Repository,
            evt.Payload, time.GetUtcNow());
        await services.GetRequiredService<IDeliveryStore>().InsertAsync(delivery, cancellationToken);

        await host.StartAsync(cancellationToken);
        var timedOut = false;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(settings.Timeout);
            try
            {
                await new ActionIdleWaiter(services, time).WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                timedOut = true;
            }
        }

        // Stopping interrupts running agents and hands their tasks back; the outputs are read after, so they are final.
        await host.StopAsync(CancellationToken.None);
        var result = await CollectAsync(services, settings, evt, number, cancellationToken);
        await WriteAsync(settings, result);
        if (timedOut)
        {
            await error.WriteLineAsync($"{Prefix}timed out after {settings.Timeout} (timeout-minutes) with work still queued or running.");
            return 1;
        }

        return 0;
    }

    private static async Task<ActionResult> CollectAsync(IServiceProvider services, ActionSettings settings, ActionEvent evt, int? number, CancellationToken cancellationToken)
    {
        var summary = new List<string> { $"`{evt.Name}{(evt.Action is null ? "" : "." + evt.Action)}` by {evt.SenderLogin ?? "(unknown)"} on {settings.Repository}{(number is { } n ? $"#{n}" : "")}" };
        if (number is not { } issue)
        {
            return new ActionResult(new Dictionary<string, string>(StringComparer.Ordinal), null, 0m, summary);
        }

        var plan = await services.GetRequiredService<IPlanStore>().FindLatestAsync(settings.Repository, issue, cancellationToken);
        var spent = await services.GetRequiredService<IIssueSpendingStore>().GetSpentAsync(settings.Repository, issue, null, cancellationToken);
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        if (plan is not null)
        {
            foreach (var task in plan.Tasks)
            {
                states[task.Id] = task.State.ToString();
            }

            summary.Add($"plan {plan.Plan.Id}: {plan.Plan.State}{(plan.Plan.Reason is { } reason ? " (" + reason + ")" : "")}");
        }

        var pullRequest = plan?.Plan.PullRequestNumber ?? evt.PullRequestNumber ?? (evt.IsPullRequestComment ? evt.IssueNumber : null);
        if (pullRequest is { } pr)
        {
            summary.Add($"pull request #{pr}");
        }

        summary.Add($"spent on the issue: ${ActionHost.Invariant(spent)}");
        return new ActionResult(states, pullRequest, spent, summary);
    }

    private async Task WriteAsync(ActionSettings settings, ActionResult result)
    {
        foreach (var line in result.Summary)
        {
            await output.WriteLineAsync(Prefix + line);
        }

        await output.WriteLineAsync(result.ToOutputFile().TrimEnd('\n'));
        if (settings.OutputPath is { } outputs)
        {
            await File.AppendAllTextAsync(outputs, result.ToOutputFile());
        }

        if (settings.StepSummaryPath is { } summaryPath)
        {
            await File.AppendAllTextAsync(summaryPath, result.ToMarkdown());
        }
    }
}
