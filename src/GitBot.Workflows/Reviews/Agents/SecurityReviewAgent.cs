using GitBot.Core.Reviews.Diffs;
using GitBot.Core.Reviews.Reports;
using GitBot.Core.Reviews.Security;

namespace GitBot.Workflows.Reviews.Agents;

/// <summary>
/// The security agent: the deterministic scanners over the diff first (secrets, workflow changes, dependencies,
/// CODEOWNERS), then, unless the repository turned it off, an LLM review of the diff through the <c>anthropic</c>
/// backend returning structured findings. An LLM pass that fails makes the check fail (closed), with the scanners'
/// findings still reported.
/// </summary>
public sealed class SecurityReviewAgent(ReviewModel model) : IReviewAgent
{
    /// <summary>Characters of diff given to the model.</summary>
    public const int DiffBudgetChars = 80_000;

    /// <summary>How long the LLM pass may take.</summary>
    public static readonly TimeSpan ModelTimeout = TimeSpan.FromMinutes(3);

    public ReviewAgentKind Kind => ReviewAgentKind.Security;

    public async Task<ReviewReport> ReviewAsync(ReviewContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = SecurityScanner.Scan(context.ParsedDiff);
        var llm = SecurityLlmResult.NotRun;
        if (context.Config.Reviews.SecurityLlm && context.ParsedDiff.Files.Count > 0)
        {
            var prompt = SecurityReviewPromptBuilder.Build(DiffDigest.Build(context.ParsedDiff, DiffBudgetChars), findings);
            var (answer, error) = await model.AskAsync(context, prompt, ModelTimeout, text =>
            {
                var parsed = SecurityReviewOutputParser.Parse(text, context.ParsedDiff);
                return (parsed.Findings is null ? null : parsed, parsed.Error);
            }, cancellationToken);
            llm = answer is null ? SecurityLlmResult.Failed(error ?? "no answer") : SecurityLlmResult.Completed(answer);
        }

        return SecurityReportBuilder.Build(context.ParsedDiff, findings, llm);
    }
}
