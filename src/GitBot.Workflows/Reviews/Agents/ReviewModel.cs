using GitBot.Agents.Backends;
using GitBot.Agents.Models;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Reviews.Agents;

/// <summary>
/// The <c>anthropic</c> backend as the review agents use it: a prompt in, an answer parsed by the caller, and one
/// more ask, told what was wrong, when the answer does not parse (models occasionally wrap or truncate JSON).
/// </summary>
public sealed class ReviewModel(AnthropicMessagesClient client, IOptions<AgentOptions> options)
{
    /// <summary>The model when neither the repository (<c>reviews.model</c>) nor the node (<c>Agents:DefaultModel</c>) names one.</summary>
    public const string FallbackModel = "claude-sonnet-5-5";

    /// <summary>Tokens a reviewer may answer with.</summary>
    public const int MaxAnswerTokens = 4096;

    /// <summary>
    /// Asks, parses with <paramref name="parse"/> (which returns the value or an error), and asks once more with the
    /// error when the first answer is invalid. Returns the value, or why there is none.
    /// </summary>
    public async Task<(T? Value, string? Error)> AskAsync<T>(string logId, string? model, string prompt, TimeSpan timeout,
        Func<string, (T? Value, string? Error)> parse, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        var chosen = model ?? options.Value.DefaultModel ?? FallbackModel;
        var next = prompt;
        string? error = null;
        for (var round = 0; round < 2; round++)
        {
            var answer = await client.CompleteAsync(new ModelCallRequest(logId, chosen, null, next, MaxAnswerTokens, timeout), cancellationToken);
            if (answer.Outcome == ModelCallOutcome.Cancelled)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new OperationCanceledException("the model call was cancelled");
            }

            if (!answer.Succeeded)
            {
                return (null, $"the model call failed ({answer.Outcome}): {answer.Error}");
            }

            var (value, problem) = parse(answer.Text);
            if (value is not null)
            {
                return (value, null);
            }

            error = problem ?? "the answer could not be read";
            next = prompt + "\n\n## Your previous answer was invalid\n\n" + error
                + "\n\nAnswer again with ONLY the JSON object the schema above describes.";
        }

        return (null, $"the model's answer was invalid twice: {error}");
    }
}
