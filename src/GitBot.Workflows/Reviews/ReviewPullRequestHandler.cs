using GitBot.Agents.Configuration;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;
using GitBot.Workflows.Issues;
using GitBot.Workflows.Plans;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Runs the review agents when a pull request they look after (<see cref="ReviewEligibility"/>) is opened, reopened,
/// pushed to or marked ready: one run per configured agent on the new head, superseding the runs of older heads.
/// A head that already has its reviews is not reviewed twice (ready-for-review after open, a redelivered webhook).
/// Another pull request is reviewed on its own only when whoever opened or pushed it has write access (permission
/// checked before anything is spent); a fork's branch named like GitBot's is not GitBot's.
/// An invalid repository configuration runs nothing and says what is wrong on GitBot's pull requests.
/// </summary>
public sealed partial class ReviewPullRequestHandler(
    GitHubClientFactory github,
    ReviewRequester requester,
    PermissionChecker permissions,
    ILogger<ReviewPullRequestHandler> logger) : WebhookEventHandler<PullRequestEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(
        ["opened", "reopened", "synchronize", "ready_for_review"], StringComparer.Ordinal);

    public override string Event => PullRequestEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(WebhookEventContext context, PullRequestEvent payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pull = payload.PullRequest;
        if (payload.Repository is not { } repository || payload.Installation is not { } installation
            || !string.Equals(pull.State, "open", StringComparison.Ordinal))
        {
            return;
        }

        var repo = RepositoryName.Parse(repository.FullName);
        var client = github.ForInstallation(installation.Id);
        var parsed = await ReviewConfigSource.LoadAsync(client, repo, repository.DefaultBranch, cancellationToken);
        if (parsed.Config is not { } config)
        {
            if (pull.Head.Ref.StartsWith(RepoConfigParser.Defaults.BranchPrefix + "/", StringComparison.Ordinal))
            {
                await ReportConfigProblemsAsync(client, repo, pull.Number, ConfigProblemsRenderer.Render(parsed.Problems), cancellationToken);
            }

            LogInvalidConfig(logger, context.DeliveryId, repository.FullName, pull.Number);
            return;
        }

        var sameRepository = string.Equals(pull.Head.Repo?.FullName, repository.FullName, StringComparison.OrdinalIgnoreCase);
        if (!ReviewEligibility.ReviewsAutomatically(config, pull.Head.Ref, pull.Draft, sameRepository) || config.Reviews.Agents.Count == 0)
        {
            return;
        }

        // Reviews spend model time and run the pull request's tests: on anyone else's pull request they run on their own
        // only for a person with write access (who opened or pushed); others wait for a writer to ask.
        if (!ReviewEligibility.IsGitBotPullRequest(config, pull.Head.Ref, sameRepository)
            && (payload.Sender is not { } sender || sender.IsBot || !await permissions.CanWriteAsync(client, repository.FullName, sender.Login, cancellationToken)))
        {
            LogNotPermitted(logger, context.DeliveryId, repository.FullName, pull.Number, payload.Sender?.Login ?? "(none)");
            return;
        }

        var runs = await requester.RequestAsync(client, installation.Id, repo, pull.Number, pull.Head.Sha, config.Reviews.Agents, again: false,
            cancellationToken);
        LogRequested(logger, context.DeliveryId, repository.FullName, pull.Number, pull.Head.Sha, runs.Count);
    }

    private static async Task ReportConfigProblemsAsync(GitHubClient client, RepositoryName repo, int number, string body, CancellationToken cancellationToken)
    {
        var found = await IssueCommentWriter.FindAsync(client, repo, number, ConfigProblemsRenderer.Marker, cancellationToken);
        if (found.Count == 0 || found[^1].Body != body)
        {
            await client.Issues.CreateCommentAsync(repo.Owner, repo.Name, number, body, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: reviews of {Repository}#{Number} at {HeadSha} requested ({Runs} agents)")]
    private static partial void LogRequested(ILogger logger, string deliveryId, string repository, int number, string headSha, int runs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: no automatic reviews of {Repository}#{Number}: {Login} has no write access (a writer can ask for them)")]
    private static partial void LogNotPermitted(ILogger logger, string deliveryId, string repository, int number, string login);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: no reviews of {Repository}#{Number}: the GitBot configuration is invalid")]
    private static partial void LogInvalidConfig(ILogger logger, string deliveryId, string repository, int number);
}
