using System.Text.RegularExpressions;
using GitBot.Agents.Configuration;
using GitBot.Core.Auditing;
using GitBot.Core.Plans;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;
using GitBot.Workflows.Plans;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Issues;

/// <summary>
/// Hands a labelled issue to GitBot. Guarantees, in this order: bots (the App included) never trigger, and nothing
/// is asked of GitHub for them; only the trigger label of the repository's configuration (read from the default
/// branch) counts; only a human with write, maintain or admin permission (asked of the API) triggers — anyone else
/// triggers nothing and costs nothing; the 👀 reaction comes at once; a configuration that does not parse gets one
/// comment naming the wrong keys and nothing runs; duplicate events (an issue opened with the label sends
/// <c>opened</c> and <c>labeled</c>; GitHub redelivers) make one plan. Removing the label cancels the plan.
/// </summary>
public sealed partial class IssueTriggerHandler(
    GitHubClientFactory github,
    PermissionChecker permissions,
    PlanStarter starter,
    PlanCanceller canceller,
    IAuditLog audit,
    TimeProvider time,
    ILogger<IssueTriggerHandler> logger) : WebhookEventHandler<IssuesEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(["opened", "labeled", "unlabeled"], StringComparer.Ordinal);

    public override string Event => IssuesEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(WebhookEventContext context, IssuesEvent payload, CancellationToken cancellationToken)
    {
        if (payload.Repository is not { } repository || payload.Installation is not { } installation || payload.Issue.IsPullRequest)
        {
            return;
        }

        if (payload.Sender is not { } sender || sender.IsBot)
        {
            LogIgnoredBot(logger, context.DeliveryId, payload.Sender?.Login ?? "(none)");
            return;
        }

        var labels = payload.Action == "opened" ? payload.Issue.Labels.Select(l => l.Name).ToList()
            : payload.Label is { } label ? [label.Name] : [];
        if (labels.Count == 0)
        {
            return;
        }

        var client = github.ForInstallation(installation.Id);
        var repo = RepositoryName.Parse(repository.FullName);
        var files = await RepoConfigLoader.LoadAsync(client, repo, repository.DefaultBranch, cancellationToken);
        if (!files.TryGetValue(out var configFiles))
        {
            throw new RetryableDeliveryException($"reading the configuration of {repository.FullName} failed: {files.Error}");
        }

        var parsed = RepoConfigParser.Parse(configFiles);
        var triggerLabel = parsed.Config?.TriggerLabel ?? FallbackTriggerLabel(configFiles);
        var match = labels.Select(l => TriggerLabelMatcher.Match(l, triggerLabel)).FirstOrDefault(m => m is not null);
        if (match is null)
        {
            return;
        }

        var subject = $"{repository.FullName}#{payload.Issue.Number}";
        if (payload.Action == "unlabeled")
        {
            await canceller.CancelAsync(repository.FullName, payload.Issue.Number, sender.Login, $"label `{match.Label}` removed", context.DeliveryId, cancellationToken);
            return;
        }

        if (!await permissions.CanWriteAsync(client, repository.FullName, sender.Login, cancellationToken))
        {
            LogIgnoredPermission(logger, context.DeliveryId, sender.Login, subject);
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), sender.Login, "trigger.refused", subject,
                "no write permission", context.DeliveryId), cancellationToken);
            return;
        }

        await client.Issues.AddReactionAsync(repo.Owner, repo.Name, payload.Issue.Number, ReactionContent.Eyes, cancellationToken);
        if (parsed.Config is null)
        {
            await ReportConfigProblemsAsync(client, repo, payload.Issue.Number, ConfigProblemsRenderer.Render(parsed.Problems), cancellationToken);
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), sender.Login, "trigger.config_invalid", subject,
                $"{parsed.Problems.Count} problems", context.DeliveryId), cancellationToken);
            return;
        }

        var creation = await starter.StartAsync(new NewPlan(installation.Id, repository.FullName, payload.Issue.Number, payload.Issue.Title,
            match.Label, sender.Login, repository.DefaultBranch, repository.CloneUrl, ConfigSnapshot.Serialize(configFiles), context.DeliveryId), cancellationToken);

        LogTriggered(logger, context.DeliveryId, subject, creation.Plan.Id, creation.Created);
    }

    /// <summary>When the configuration is invalid its trigger label is unknown: take it from the raw text if written, else the default.</summary>
    private static string FallbackTriggerLabel(IReadOnlyDictionary<string, string> files) =>
        files.TryGetValue(RepoConfigFiles.ConfigPath, out var text) && TriggerLine().Match(text) is { Success: true } m
            ? m.Groups[1].Value
            : RepoConfigParser.Defaults.TriggerLabel;

    /// <summary>A new comment for a new set of problems (the user sees each attempt's answer); none when unchanged.</summary>
    private static async Task ReportConfigProblemsAsync(GitHubClient client, RepositoryName repo, int issue, string body, CancellationToken cancellationToken)
    {
        var found = await IssueCommentWriter.FindAsync(client, repo, issue, ConfigProblemsRenderer.Marker, cancellationToken);
        var last = found.Count > 0 ? found[^1] : null;
        if (last?.Body != body)
        {
            await client.Issues.CreateCommentAsync(repo.Owner, repo.Name, issue, body, cancellationToken);
        }
    }

    [GeneratedRegex(@"^trigger_label:\s*[""']?([A-Za-z0-9 _.-]+?)[""']?\s*(?:#.*)?$", RegexOptions.Multiline)]
    private static partial Regex TriggerLine();

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: ignored, sent by bot {Login}")]
    private static partial void LogIgnoredBot(ILogger logger, string deliveryId, string login);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {Login} may not trigger agents on {Subject} (no write permission)")]
    private static partial void LogIgnoredPermission(ILogger logger, string deliveryId, string login, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {Subject} has plan {PlanId} (new: {Created})")]
    private static partial void LogTriggered(ILogger logger, string deliveryId, string subject, long planId, bool created);
}
