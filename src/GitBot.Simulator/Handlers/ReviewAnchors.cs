using GitBot.Simulator.Git;

namespace GitBot.Simulator.Handlers;

/// <summary>An inline comment as a review request sends it (<c>line</c>/<c>side</c>, optional range start, or legacy <c>position</c>).</summary>
internal sealed record ReviewCommentInput(string Path, int? Line, string? Side, int? StartLine, string? StartSide, int? Position, string Body);

/// <summary>A comment GitHub accepted, anchored on the diff: its line and side, position in the file's diff, and hunk.</summary>
internal sealed record AnchoredComment(string Path, int? Line, string Side, int? StartLine, string? StartSide, int Position, string DiffHunk,
    string Body);

/// <summary>
/// GitHub's rules for where a review comment may sit. <c>line</c> must be a line the file's diff shows on that side
/// (RIGHT, the default: an added or context line of the new file; LEFT: a removed or context line of the old file);
/// <c>start_line</c> must be shown too, in the same hunk, and come before <c>line</c>; a legacy <c>position</c> must be
/// one of the file's diff lines. The review is all-or-nothing: the first misplaced comment fails it with GitHub's
/// message.
/// </summary>
internal static class ReviewAnchors
{
    public const string PathInvalid = "Pull request review thread path is invalid";
    public const string LineNotInDiff = "Pull request review thread line must be part of the diff";
    public const string StartLineNotInHunk = "Pull request review thread start line must be part of the same hunk as the line.";
    public const string StartLineAfterLine = "Pull request review thread start line must precede the end line.";
    public const string PositionInvalid = "Pull request review thread position is invalid";

    public static (IReadOnlyList<AnchoredComment> Comments, string? Error) Anchor(IReadOnlyList<DiffFile> files,
        IReadOnlyList<ReviewCommentInput> inputs)
    {
        var anchored = new List<AnchoredComment>();
        foreach (var input in inputs)
        {
            var file = files.FirstOrDefault(f => f.Path == input.Path);
            if (file is null)
            {
                return ([], PathInvalid);
            }

            var (comment, error) = input.Line is { } line ? ByLine(file, input, line)
                : input.Position is { } position ? ByPosition(file, input, position)
                : (null, LineNotInDiff);
            if (comment is null)
            {
                return ([], error);
            }

            anchored.Add(comment);
        }

        return (anchored, null);
    }

    private static (AnchoredComment? Comment, string? Error) ByLine(DiffFile file, ReviewCommentInput input, int line)
    {
        var side = input.Side ?? "RIGHT";
        if (file.Find(line, side == "RIGHT") is not { } target)
        {
            return (null, LineNotInDiff);
        }

        string? startSide = null;
        if (input.StartLine is { } startLine)
        {
            startSide = input.StartSide ?? side;
            var start = file.Find(startLine, startSide == "RIGHT");
            if (start is null || start.Hunk != target.Hunk)
            {
                return (null, StartLineNotInHunk);
            }

            if (start.Position >= target.Position)
            {
                return (null, StartLineAfterLine);
            }
        }

        return (new AnchoredComment(file.Path, line, side, input.StartLine, startSide, target.Position, file.HunkUpTo(target), input.Body),
            null);
    }

    private static (AnchoredComment? Comment, string? Error) ByPosition(DiffFile file, ReviewCommentInput input, int position)
    {
        if (position < 1 || position >= file.Lines.Count || file.Lines[position] is not { Kind: not (DiffLineKind.HunkHeader or DiffLineKind.NoNewline) } target)
        {
            return (null, PositionInvalid);
        }

        // GitHub reports a position comment on the side its line belongs to: removed lines are LEFT, the rest RIGHT.
        var left = target.Kind == DiffLineKind.Removed;
        return (new AnchoredComment(file.Path, left ? target.OldLine : target.NewLine, left ? "LEFT" : "RIGHT", null, null, position,
            file.HunkUpTo(target), input.Body), null);
    }
}
