using GitBot.Core.Reviews.Reports;

namespace GitBot.Core.Configuration;

/// <summary>The <c>reviews:</c> section of <c>.github/gitbot.yml</c>: when the review agents run and how.</summary>
/// <param name="Scope">Which pull requests are reviewed on open, push and ready-for-review. Default GitBot's own.</param>
/// <param name="Agents">
/// The review agents that run, in report order. Default: security and judge, plus tests when the repository sets a
/// <c>test_command</c>.
/// </param>
/// <param name="Model">The model of the <c>anthropic</c> backend (security LLM pass and judge); null = the node's default model.</param>
/// <param name="SecurityLlm">Whether the security agent adds an LLM review of the diff to its scanners. Default true.</param>
/// <param name="TestTimeout">Wall-clock limit of the test command; its process tree is killed after it. Default 20 min.</param>
public sealed record ReviewSettings(
    ReviewScope Scope,
    IReadOnlyList<ReviewAgentKind> Agents,
    string? Model,
    bool SecurityLlm,
    TimeSpan TestTimeout)
{
    /// <summary>The settings of a repository that sets none and has no test command.</summary>
    public static ReviewSettings Default { get; } =
        new(ReviewScope.GitBot, [ReviewAgentKind.Security, ReviewAgentKind.Judge], null, true, TimeSpan.FromMinutes(20));

    /// <summary>The default agents for a repository: the tests agent only when it has a test command to run.</summary>
    public static IReadOnlyList<ReviewAgentKind> DefaultAgents(bool hasTestCommand) => hasTestCommand
        ? [ReviewAgentKind.Security, ReviewAgentKind.Tests, ReviewAgentKind.Judge]
        : [ReviewAgentKind.Security, ReviewAgentKind.Judge];
}
