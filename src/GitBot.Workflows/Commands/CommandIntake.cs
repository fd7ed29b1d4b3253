using GitBot.Core.Commands;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.Workflows.Issues;
using GitBot.Workflows.Plans;
using GitBot.Workflows.Reviews;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Commands;

/// <summary>
/// Turns a newly written comment or review body into answered <c>/agent</c> commands. Guarantees, in order: GitBot's
/// own text (its App account, or any text carrying a GitBot marker) and bots not allowlisted by exact login are
/// ignored before anything is asked of GitHub; text without a command line does nothing; otherwise the comment gets
/// 👀, the sender's permission is asked of the API once (only when a verb needs write access; an API error refuses,
/// fail closed), every command runs or is refused in order, invalid lines are named with their problem, and one reply
/// per source (found again by its marker, so a redelivery edits it) sums them up, with 🚀 when something succeeded
/// and 😕 when something did not. Past the per-issue burst limit (<see cref="CommandThrottle"/>) nothing is asked of
/// GitHub and nothing runs: the first comment over it gets one notice reply, the rest no reaction and no reply. A refused command spends nothing and starts no job.
/// </summary>
public sealed partial class CommandIntake(
    GitHubClientFactory github,
    GateIdentityProvider identities,
    CommandDispatcher dispatcher,
    TimeProvider time,
    IOptions<CommandOptions> options,
    ILogger<CommandIntake> logger)
{
    // The intake is a singleton, so the counts live as long as the node (see CommandThrottle for what that means).
    private readonly CommandThrottle _throttle = new(time, options);

    /// <summary>Acts on <paramref name="request"/>; the outcome says what was done.</summary>
    public async Task<CommandIntakeResult> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await IgnoredAsync(request, cancellationToken) is { } why)
        {
            LogIgnored(logger, request.DeliveryId, request.Repository, request.Number, request.Sender, why);
            return CommandIntakeResult.Ignore(why);
        }

        var parsed = AgentCommandParser.Parse(request.Body);
        if (parsed.IsEmpty)
        {
            return CommandIntakeResult.Ignore("no command");
        }

        var context = new CommandContext(request, github.ForInstallation(request.InstallationId), RepositoryName.Parse(request.Repository));
        // Counted before anything is asked of GitHub, so a burst costs no API calls past the limit and its one notice.
        var admitted = _throttle.Admit(request.Repository, request.Number);
        if (admitted != CommandThrottleDecision.Allowed)
        {
            LogThrottled(logger, request.DeliveryId, request.Repository, request.Number, request.Sender);
            if (admitted == CommandThrottleDecision.Silent)
            {
                return CommandIntakeResult.Ignore("too many commands on this issue or pull request");
            }

            var marker = CommandReplyRenderer.Marker(request.Source, request.SourceId);
            await IssueCommentWriter.UpsertAsync(context.Client, context.Repo, request.Number, marker,
                marker + "\n" + CommandThrottle.Notice(request.Number) + "\n", cancellationToken);
            return CommandIntakeResult.Ignore("too many commands on this issue or pull request (notice given)");
        }

        await ReactAsync(context, ReactionContent.Eyes, cancellationToken);
        var permission = parsed.Commands.Any(c => !AgentVerbs.OpenToAll(c.Verb))
            ? await CommandPermissionChecker.CheckAsync(context.Client, request.Repository, request.Sender, cancellationToken)
            : CommandPermission.Write;

        var outcomes = new List<CommandOutcome>();
        foreach (var command in parsed.Commands)
        {
            var outcome = AgentVerbs.OpenToAll(command.Verb) || permission == CommandPermission.Write
                ? await dispatcher.RunAsync(context, command, cancellationToken)
                : Refuse(request.Sender, command, permission);
            LogCommand(logger, request.DeliveryId, request.Repository, request.Number, request.Sender, command.Verb, outcome.Kind);
            outcomes.Add(outcome);
        }

        foreach (var problem in parsed.Problems)
        {
            outcomes.Add(new CommandOutcome(CommandOutcomeKind.Invalid, CommandText.Code(problem.Text),
                $"{CommandText.Line(problem.Message, 400)} See `/agent help` for the commands."));
            LogInvalid(logger, request.DeliveryId, request.Repository, request.Number, request.Sender);
        }

        await IssueCommentWriter.UpsertAsync(context.Client, context.Repo, request.Number, CommandReplyRenderer.Marker(request.Source, request.SourceId),
            CommandReplyRenderer.Render(request, outcomes), cancellationToken);
        if (outcomes.Any(o => o.Succeeded))
        {
            await ReactAsync(context, ReactionContent.Rocket, cancellationToken);
        }

        if (outcomes.Any(o => !o.Succeeded))
        {
            await ReactAsync(context, ReactionContent.Confused, cancellationToken);
        }

        return new CommandIntakeResult(null, outcomes);
    }

    private static CommandOutcome Refuse(string sender, AgentCommand command, CommandPermission permission) =>
        new(CommandOutcomeKind.Refused, CommandText.Code(command.Text), permission == CommandPermission.Unknown
            ? $"Sorry @{sender}, your permission on this repository could not be checked (GitHub did not answer), so nothing was done. Try again in a minute."
            : $"Sorry @{sender}, `{AgentVerbs.Name(command.Verb)}` needs write access to this repository (write, maintain or admin); nothing was done.");

    /// <summary>Why the text is not acted on at all, or null. Asks GitHub nothing for a human's text.</summary>
    private async Task<string?> IgnoredAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // GitBot's own comments carry a marker; in token mode its account is a plain user, so the marker is what tells.
        if (request.Body.Contains("<!-- gitbot:", StringComparison.Ordinal))
        {
            return "GitBot's own text";
        }

        var bot = request.SenderIsBot || request.Sender.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase);
        if (!bot)
        {
            return null;
        }

        if (!options.Value.AllowedBots.Contains(request.Sender, StringComparer.Ordinal))
        {
            return "a bot that is not in Commands:AllowedBots";
        }

        var identity = await identities.GetAsync(cancellationToken);
        return identity?.BotLogin is { } self && string.Equals(self, request.Sender, StringComparison.OrdinalIgnoreCase)
            ? "GitBot's own text"
            : null;
    }

    /// <summary>Reactions are courtesy: a failure is logged, never fatal (review bodies take none).</summary>
    private async Task ReactAsync(CommandContext context, ReactionContent reaction, CancellationToken cancellationToken)
    {
        if (context.Request.Source != CommandSourceKind.Comment)
        {
            return;
        }

        var added = await context.Client.Issues.AddCommentReactionAsync(context.Repo.Owner, context.Repo.Name, context.Request.SourceId, reaction,
            cancellationToken);
        if (!added.IsSuccess)
        {
            LogReactionFailed(logger, context.Request.DeliveryId, context.Request.SourceId, reaction, added.Error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: text on {Repository}#{Number} by {Sender} ignored: {Why}")]
    private static partial void LogIgnored(ILogger logger, string deliveryId, string repository, int number, string sender, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: /agent {Verb} on {Repository}#{Number} by {Sender}: {Outcome}")]
    private static partial void LogCommand(ILogger logger, string deliveryId, string repository, int number, string sender, AgentVerb verb,
        CommandOutcomeKind outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: commands on {Repository}#{Number} by {Sender} over the burst limit; not acted on")]
    private static partial void LogThrottled(ILogger logger, string deliveryId, string repository, int number, string sender);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: an invalid /agent line on {Repository}#{Number} by {Sender}")]
    private static partial void LogInvalid(ILogger logger, string deliveryId, string repository, int number, string sender);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: reacting {Reaction} to comment {CommentId} failed: {Error}")]
    private static partial void LogReactionFailed(ILogger logger, string deliveryId, long commentId, ReactionContent reaction, string error);
}
