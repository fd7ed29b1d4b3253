using GitBot.Git.Repositories;

namespace GitBot.Workflows.Reviews.Testing;

/// <summary>One run of a repository's test command at a pull request's head.</summary>
/// <param name="LogId">Names the run in logs (e.g. the review run's id).</param>
/// <param name="Repository">The base repository, <c>owner/name</c>.</param>
/// <param name="CloneUrl">Its plain clone URL (no credentials: those travel in <paramref name="Credential"/>).</param>
/// <param name="Credential">The installation token git fetches with; null for a public or local remote.</param>
/// <param name="PullNumber">The pull request; its <c>refs/pull/{n}/head</c> is fetched when the head is on a fork.</param>
/// <param name="HeadSha">The full sha the command runs at.</param>
/// <param name="Command">The argv (no shell); an empty list means the repository configured no test command.</param>
/// <param name="Timeout">Wall-clock limit of the command; its whole process tree is killed when it passes.</param>
/// <param name="PassEnvironment">
/// Names of this process's variables the repository asks to pass through (e.g. <c>JAVA_HOME</c>); filtered by
/// <see cref="GitBot.Agents.Sandbox.AgentEnvironmentPolicy"/>, so tokens, GitBot's settings and secret-looking names never pass.
/// </param>
public sealed record TestCommandRequest(
    string LogId,
    string Repository,
    string CloneUrl,
    GitCredential? Credential,
    int PullNumber,
    string HeadSha,
    IReadOnlyList<string> Command,
    TimeSpan Timeout,
    IReadOnlyCollection<string>? PassEnvironment = null);
