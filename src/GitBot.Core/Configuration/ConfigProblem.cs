namespace GitBot.Core.Configuration;

/// <summary>One thing wrong with a repository's configuration, precise enough to fix without guessing.</summary>
/// <param name="File">The file, e.g. <c>.github/gitbot.yml</c>.</param>
/// <param name="Key">The key path, e.g. <c>limits.max_parallel_tasks</c> or <c>roles.backend.tools[2]</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
/// <param name="Line">1-based line in the file when known.</param>
public sealed record ConfigProblem(string File, string Key, string Message, int? Line = null);
