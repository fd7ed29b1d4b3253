using System.Globalization;
using GitBot.Agents.Backends;
using GitBot.Agents.Models;
using GitBot.Core.Budgets;
using GitBot.Core.Reviews.Reports;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Reviews.Agents;

/// <summary>
/// The <c>anthropic</c> backend as the review agents use it: a prompt in, an answer parsed by the caller, and one
/// more ask, told what was wrong, when the answer does not parse (models occasionally wrap or truncate JSON). On
/// GitBot's own pull requests (a <c>{prefix}/&lt;issue&gt;</c> branch of this repository) what the calls cost is added
/// to the issue's spending once per run attempt (key <c>runId/attempt/agent</c>), whatever the answer, even when the
/// run is cancelled after a call; other pull requests have no issue budget. Reviews are never refused for budget:
/// they are the safety gate, so they are only counted. Each ask is also recorded as an agent run (kind Review, the
/// agent's name as role) with its tokens and cost.
/// </summary>
public sealed class ReviewModel(AnthropicMessagesClient client, IOptions<AgentOptions> options, IIssueSpendingStore spending, Runs.AgentRunRecorder runs)
{
    /// <summary>The model when neither the repository (<c>reviews.model</c>) nor the node (<c>Agents:DefaultModel</c>) names one.</summary>
    public const string FallbackModel = "claude-sonnet-5-5";

    /// <summary>Tokens a reviewer may answer with.</summary>
    public const int MaxAnswerTokens = 4096;

    /// <summary>
    /// Asks under <paramref name="context"/>'s log id and <c>reviews.model</c>, parses with <paramref name="parse"/>
    /// (which returns the value or an error), and asks once more with the error when the first answer is invalid.
    /// Returns the value, or why there is none.
    /// </summary>
    public async Task<(T? Value, string? Error)> AskAsync<T>(ReviewContext context, string prompt, TimeSpan timeout,
        Func<string, (T? Value, string? Error)> parse, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parse);
        var chosen = context.Config.Reviews.Model ?? options.Value.DefaultModel ?? FallbackModel;
        var next = prompt;
        string? error = null;
        var cost = 0m;
        var (rounds, inputTokens, outputTokens, outcome, reason) = (0, 0L, 0L, "Failed", (string?)null);
        var runId = await runs.StartAsync(Subject(context), ReviewAgentNames.Name(context.Run.Agent), "anthropic", null, cancellationToken);
        try
        {
            for (var round = 0; round < 2; round++)
            {
                var answer = await client.CompleteAsync(new ModelCallRequest(context.LogId, chosen, null, next, MaxAnswerTokens, timeout), cancellationToken);
                cost += ReviewModelPrices.Cost(answer.Model is { Length: > 0 } used ? used : chosen, answer.InputTokens, answer.OutputTokens);
                (rounds, inputTokens, outputTokens) = (rounds + 1, inputTokens + answer.InputTokens, outputTokens + answer.OutputTokens);
                if (answer.Outcome == ModelCallOutcome.Cancelled)
                {
                    outcome = "Cancelled";
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new OperationCanceledException("the model call was cancelled");
                }

                if (!answer.Succeeded)
                {
                    (outcome, reason) = (answer.Outcome == ModelCallOutcome.TimedOut ? "TimedOut" : "Failed", $"the model call failed ({answer.Outcome}): {answer.Error}");
                    return (null, reason);
                }

                var (value, problem) = parse(answer.Text);
                if (value is not null)
                {
                    (outcome, reason) = ("Succeeded", answer.Text);
                    return (value, null);
                }

                error = problem ?? "the answer could not be read";
                next = prompt + "\n\n## Your previous answer was invalid\n\n" + error
                    + "\n\nAnswer again with ONLY the JSON object the schema above describes.";
            }

            reason = $"the model's answer was invalid twice: {error}";
            return (null, reason);
        }
        catch (OperationCanceledException)
        {
            (outcome, reason) = ("Cancelled", "the review was cancelled");
            throw;
        }
        finally
        {
            await runs.FinishAsync(runId, outcome, null, rounds, inputTokens, outputTokens, cost, reason);
            await RecordAsync(context, cost);
        }
    }

    /// <summary>The review's pull request, and its issue when it is GitBot's own pull request for one.</summary>
    private static Core.Runs.AgentRunSubject Subject(ReviewContext context)
    {
        var pull = context.Pull;
        var sameRepository = string.Equals(pull.Head.Repo?.FullName, context.Run.Repository, StringComparison.OrdinalIgnoreCase);
        var issue = ReviewEligibility.IsGitBotPullRequest(context.Config, pull.Head.Ref, sameRepository)
            ? LinkedIssue.Find(context.Config.BranchPrefix, pull.Head.Ref, body: null)
            : null;
        return new Core.Runs.AgentRunSubject(context.Run.Repository, Core.Runs.AgentRunKind.Review, issue, context.Run.PullNumber,
            Attempt: Math.Max(1, context.Run.Attempt));
    }

    /// <summary>Adds <paramref name="cost"/> to the issue of GitBot's pull request; not cancellable, so a stopped run is still counted.</summary>
    private async Task RecordAsync(ReviewContext context, decimal cost)
    {
        var pull = context.Pull;
        var sameRepository = string.Equals(pull.Head.Repo?.FullName, context.Run.Repository, StringComparison.OrdinalIgnoreCase);
        if (cost <= 0m || !ReviewEligibility.IsGitBotPullRequest(context.Config, pull.Head.Ref, sameRepository)
            || LinkedIssue.Find(context.Config.BranchPrefix, pull.Head.Ref, body: null) is not { } issue)
        {
            return;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{context.Run.Id}/{context.Run.Attempt}/{ReviewAgentNames.Name(context.Run.Agent)}");
        await spending.RecordAsync(new SpendingEntry(context.Run.Repository, issue, SpendingSource.Review, key, cost), CancellationToken.None);
    }
}

/// <summary>
/// List prices of the Anthropic model families in US dollars per million tokens, for the review agents' direct
/// Messages API calls (the Claude Code CLI reports its own cost; these calls report only tokens). A model the table
/// does not know is priced as the dearest family: over-counting stops runs earlier, under-counting would let an
/// issue overspend.
/// </summary>
internal static class ReviewModelPrices
{
    private static readonly (string Family, decimal Input, decimal Output)[] Families =
    [
        ("haiku", 1m, 5m),
        ("sonnet", 3m, 15m),
        ("opus", 15m, 75m),
    ];

    /// <summary>What <paramref name="inputTokens"/> in and <paramref name="outputTokens"/> out cost on <paramref name="model"/>.</summary>
    public static decimal Cost(string model, long inputTokens, long outputTokens)
    {
        var (_, input, output) = Families.FirstOrDefault(f => model.Contains(f.Family, StringComparison.OrdinalIgnoreCase), Families[^1]);
        return ((Math.Max(0, inputTokens) * input) + (Math.Max(0, outputTokens) * output)) / 1_000_000m;
    }
}
