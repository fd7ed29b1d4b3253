using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;
using GitBot.Workflows.Plans;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Issues;

/// <summary>
/// <c>/agent approve</c> on an issue whose plan waits for approval starts it. Only a newly created comment counts
/// (an edited comment never re-triggers), never a bot's, and only from a user with write permission; anyone else
/// gets a polite refusal.
/// </summary>
public sealed partial class ApproveCommandHandler(
    GitHubClientFactory github,
    PermissionChecker permissions,
    PlanApprover approver,
    ILogger<ApproveCommandHandler> logger) : WebhookEventHandler<IssueCommentEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(["created"], StringComparer.Ordinal);

    public override string Event => IssueCommentEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    /// <summary>True when the comment's first line is the approve command.</summary>
    public static bool IsApprove(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var first = body.TrimStart().Split('\n', 2)[0].Trim();
        var words = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && words[0] == "/agent" && string.Equals(words[1], "approve", StringComparison.OrdinalIgnoreCase);
    }

    protected override async Task HandleAsync(WebhookEventContext context, IssueCommentEvent payload, CancellationToken cancellationToken)
    {
        if (payload.Repository is not { } repository || payload.Installation is not { } installation
            || payload.Sender is not { } sender || sender.IsBot || !IsApprove(payload.Comment.Body))
        {
            return;
        }

        var client = github.ForInstallation(installation.Id);
        var repo = RepositoryName.Parse(repository.FullName);
        if (!await permissions.CanWriteAsync(client, repository.FullName, sender.Login, cancellationToken))
        {
            await client.Issues.CreateCommentAsync(repo.Owner, repo.Name, payload.Issue.Number,
                $"Sorry @{sender.Login}, only people with write access to this repository can approve a plan.", cancellationToken);
            return;
        }

        var approved = await approver.ApproveAsync(repository.FullName, payload.Issue.Number, sender.Login, context.DeliveryId, cancellationToken);
        await client.Issues.AddCommentReactionAsync(repo.Owner, repo.Name, payload.Comment.Id,
            approved ? ReactionContent.PlusOne : ReactionContent.Confused, cancellationToken);
        LogApprove(logger, context.DeliveryId, repository.FullName, payload.Issue.Number, approved);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: /agent approve on {Repository}#{Issue}: started {Approved}")]
    private static partial void LogApprove(ILogger logger, string deliveryId, string repository, int issue, bool approved);
}
