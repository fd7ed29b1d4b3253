namespace GitBot.Core.Reviews.Security;

/// <summary>
/// One result of a deterministic scanner. Guarantee: <see cref="Message"/> and <see cref="Suggestion"/> never contain
/// a detected secret (only a redacted form such as <c>AKIA…MPLE</c>), so they can be posted as they are.
/// </summary>
/// <param name="Rule">Stable rule id from <see cref="SecurityRules"/>, e.g. <c>secrets/aws-access-key-id</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Path">The file (new path, or old path of a removed file).</param>
/// <param name="Line">
/// The new-file line of the added line it is about (for an inline comment with <c>side: RIGHT</c>); null when it is
/// about the whole file.
/// </param>
/// <param name="Message">What was found, one sentence, Markdown-safe.</param>
/// <param name="Suggestion">How to fix it.</param>
/// <param name="Blocking">True when the pull request must not merge as is (review <c>REQUEST_CHANGES</c>, red check).</param>
public sealed record SecurityFinding(
    string Rule,
    Severity Severity,
    string Path,
    int? Line,
    string Message,
    string Suggestion,
    bool Blocking);
