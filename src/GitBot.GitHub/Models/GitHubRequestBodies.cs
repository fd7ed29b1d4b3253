namespace GitBot.GitHub.Models;

// Small request bodies the typed clients build themselves; internal, so callers pass plain arguments instead.
internal sealed record CommentBody(string Body);

internal sealed record LabelsBody(IReadOnlyList<string> Labels);

internal sealed record ReactionBody(ReactionContent Content);

internal sealed record DismissReviewBody(string Message, string Event);
