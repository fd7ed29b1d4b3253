using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;

namespace GitBot.Workflows.Commands;

/// <summary>
/// <c>/agent</c> commands in the body of a submitted pull request review. Edited and dismissed reviews never trigger.
/// A review takes no reactions, so its reply comment is the only feedback.
/// </summary>
public sealed class CommandReviewHandler(CommandIntake intake) : WebhookEventHandler<PullRequestReviewEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(["submitted"], StringComparer.Ordinal);

    public override string Event => PullRequestReviewEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(WebhookEventContext context, PullRequestReviewEvent payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (payload.Repository is not { } repository || payload.Installation is not { } installation || payload.Sender is not { } sender
            || payload.Action != "submitted" || string.IsNullOrWhiteSpace(payload.Review.Body))
        {
            return;
        }

        await intake.HandleAsync(new CommandRequest(context.DeliveryId, installation.Id, repository.FullName, payload.PullRequest.Number,
            IsPullRequest: true, CommandSourceKind.Review, payload.Review.Id, sender.Login, sender.IsBot, payload.Review.Body),
            cancellationToken);
    }
}
