namespace GitBot.Simulator;

/// <summary>
/// An inline comment for <see cref="GitHubSimulator.SubmitReviewAsync(string, int, string, string, string?, IReadOnlyList{SimulatedReviewCommentInput}, CancellationToken)"/>:
/// on <paramref name="Line"/> of <paramref name="Path"/> as the pull request's diff shows it on <paramref name="Side"/>
/// (<c>RIGHT</c>, the new file, or <c>LEFT</c>, the old one), optionally from <paramref name="StartLine"/> for a range.
/// </summary>
public sealed record SimulatedReviewCommentInput(string Path, int Line, string Body, string Side = "RIGHT", int? StartLine = null);
