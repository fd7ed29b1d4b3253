namespace GitBot.Workflows.Commands;

/// <summary>One newly written comment or review body that may hold <c>/agent</c> commands, as the intake sees it.</summary>
/// <param name="DeliveryId">The webhook delivery, for logs.</param>
/// <param name="InstallationId">The installation whose token reads and writes the repository.</param>
/// <param name="Repository"><c>owner/name</c>.</param>
/// <param name="Number">The issue or pull request.</param>
/// <param name="IsPullRequest">True when <paramref name="Number"/> is a pull request.</param>
/// <param name="Source">A comment or a review body.</param>
/// <param name="SourceId">The comment's or review's id: reactions go to the comment, and the reply is found again by it.</param>
/// <param name="Sender">Who wrote it (the event's sender).</param>
/// <param name="SenderIsBot">True when GitHub says the sender is a bot account.</param>
/// <param name="Body">The text as written; untrusted.</param>
public sealed record CommandRequest(
    string DeliveryId,
    long InstallationId,
    string Repository,
    int Number,
    bool IsPullRequest,
    CommandSourceKind Source,
    long SourceId,
    string Sender,
    bool SenderIsBot,
    string Body);
