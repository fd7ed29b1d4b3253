namespace GitBot.Core.Commands;

/// <summary>An <c>/agent</c> line that is not a valid command: an unknown verb or arguments its grammar refuses.</summary>
/// <param name="Text">The line as written (invisible characters and HTML comments removed, trimmed); untrusted: sanitize before posting.</param>
/// <param name="Message">What is wrong and the verb's usage, one sentence, safe to post.</param>
public sealed record CommandProblem(string Text, string Message);
