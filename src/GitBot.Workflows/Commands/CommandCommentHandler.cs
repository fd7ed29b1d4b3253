using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;

namespace GitBot.Workflows.Commands;

/// <summary>
/// <c>/agent</c> commands in a newly created issue or pull request conversation comment. Edited and deleted comments
/// never trigger (only <c>created</c> is handled), so changing a comment cannot run a command again.
/// </summary>
public sealed class CommandCommentHandler(CommandIntake intake) : WebhookEventHandler<IssueCommentEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(["created"], StringComparer.Ordinal);

    public override string Event => IssueCommentEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(WebhookEventContext context, IssueCommentEvent payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (payload.Repository is not { } repository || payload.Installation is not { } installation || payload.Sender is not { } sender
            || payload.Action != "created")
        {
            return;
        }

        await intake.HandleAsync(new CommandRequest(context.DeliveryId, installation.Id, repository.FullName, payload.Issue.Number,
            payload.Issue.IsPullRequest, CommandSourceKind.Comment, payload.Comment.Id, sender.Login, sender.IsBot, payload.Comment.Body),
            cancellationToken);
    }
}
