namespace GitBot.GitHub.Results;

/// <summary>One entry of the <c>errors</c> array GitHub returns with a 422 (or a plain string entry as <see cref="Message"/>).</summary>
public sealed record GitHubValidationError(string? Resource, string? Field, string? Code, string? Message);
