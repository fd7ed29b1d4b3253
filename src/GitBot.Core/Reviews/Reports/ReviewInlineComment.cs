namespace GitBot.Core.Reviews.Reports;

/// <summary>
/// An inline review comment. Guarantee (of the report builders): <see cref="Line"/> is a line of <see cref="Path"/> on
/// the right side of the pull request's diff (an added or context line inside a hunk), so GitHub accepts it with
/// <c>side: RIGHT</c>; findings elsewhere go in the review body instead.
/// </summary>
/// <param name="Path">The file's new path.</param>
/// <param name="Line">The new-file line number.</param>
/// <param name="Body">Sanitized Markdown.</param>
public sealed record ReviewInlineComment(string Path, int Line, string Body);
