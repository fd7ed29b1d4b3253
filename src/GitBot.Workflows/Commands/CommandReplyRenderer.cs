using System.Text;

namespace GitBot.Workflows.Commands;

/// <summary>
/// The one reply to a comment or review that held commands: a hidden marker naming its source (so a redelivery edits
/// the reply instead of adding another), then each command's outcome in order.
/// </summary>
public static class CommandReplyRenderer
{
    /// <summary>GitHub refuses comments over 65,536 characters; replies stay well under.</summary>
    public const int MaxChars = 60_000;

    /// <summary>The marker of the reply to <paramref name="source"/> <paramref name="sourceId"/>.</summary>
    public static string Marker(CommandSourceKind source, long sourceId) =>
        $"<!-- gitbot:command:{(source == CommandSourceKind.Review ? "review" : "comment")}:{sourceId.ToString(System.Globalization.CultureInfo.InvariantCulture)} -->";

    /// <summary>The reply body; <paramref name="outcomes"/> hold only sanitized text.</summary>
    public static string Render(CommandRequest request, IReadOnlyList<CommandOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outcomes);
        var text = new StringBuilder(Marker(request.Source, request.SourceId)).Append('\n');
        for (var index = 0; index < outcomes.Count; index++)
        {
            var outcome = outcomes[index];
            if (index > 0)
            {
                text.Append("\n---\n\n");
            }

            text.Append(outcome.Succeeded ? "🚀 " : "😕 ").Append("**").Append(outcome.Line).Append("**\n\n").Append(outcome.Message.TrimEnd()).Append('\n');
        }

        if (text.Length > MaxChars)
        {
            text.Length = char.IsHighSurrogate(text[MaxChars - 1]) ? MaxChars - 1 : MaxChars;
            text.Append("\n\n… (cut: the reply was too long)\n");
        }

        return text.ToString();
    }
}
