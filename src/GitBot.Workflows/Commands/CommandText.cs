using GitBot.Core.Reviews.Reports;

namespace GitBot.Workflows.Commands;

/// <summary>Untrusted text made safe for a reply: sanitized (no pings, no commands, no markers, no secrets) and capped.</summary>
internal static class CommandText
{
    /// <summary>A line echoed inside a code span: backticks cannot end the span.</summary>
    public static string Code(string? text) =>
        "`" + ReviewTextSanitizer.SanitizeLine(text, 200).Replace('`', '\'') + "`";

    /// <summary>A line in running text.</summary>
    public static string Line(string? text, int maxChars = 300) => ReviewTextSanitizer.SanitizeLine(text, maxChars);

    /// <summary>A table cell: one sanitized line whose pipes do not split the row.</summary>
    public static string Cell(string? text, int maxChars = 120) =>
        ReviewTextSanitizer.SanitizeLine(text, maxChars).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>The first seven characters of a commit SHA.</summary>
    public static string Short(string? sha) => sha is { Length: > 7 } ? sha[..7] : sha ?? string.Empty;
}
