namespace GitBot.Core.Reviews.Security;

/// <summary>What the security model's answer held: findings, or why it is invalid. Exactly one of the two is set.</summary>
/// <param name="Findings">Validated findings on files of the diff (rule <see cref="SecurityReviewOutputParser.RuleId"/>).</param>
/// <param name="Error">What is wrong, precise enough to tell the model on a retry (<c>findings[1].severity must be one of …</c>).</param>
/// <param name="Dropped">Findings dropped because their file is not in the diff.</param>
public sealed record SecurityReviewParse(IReadOnlyList<SecurityFinding>? Findings, string? Error, int Dropped = 0);
