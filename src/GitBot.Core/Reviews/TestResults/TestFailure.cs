namespace GitBot.Core.Reviews.TestResults;

/// <summary>One failed test. Message and output are capped (<see cref="TestResultLimits"/>) and scrubbed of secret-like text.</summary>
/// <param name="Name">The test's full name as the runner reports it.</param>
/// <param name="Message">The failure message (first line of the assertion, exception message); may be empty.</param>
/// <param name="Output">Stack trace and captured output, when the format carries them.</param>
public sealed record TestFailure(string Name, string Message, string? Output);
