using Anthropic.Exceptions;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace GitBot.Agents.Backends;

/// <summary>
/// The bounded retry of <see cref="AnthropicMessagesClient"/>: at most <see cref="MaxRetries"/> more attempts, with
/// exponential backoff and jitter on the injected <see cref="TimeProvider"/>, and only for answers that are transient
/// by status: 429 (rate limited) and 5xx (including 529 overloaded). Everything else (400, 401, 404, network failures
/// the SDK reports, timeouts) is final. The SDK's own retries are off so this is the only retry layer.
/// </summary>
internal static class AnthropicRetry
{
    public const int MaxRetries = 2;

    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromSeconds(2);

    public static readonly ResiliencePropertyKey<string> LogIdKey = new("gitbot.model-call.log-id");

    public static readonly ResiliencePropertyKey<string> ModelKey = new("gitbot.model-call.model");

    public static bool IsTransient(Exception exception) =>
        exception is AnthropicApiException api && ((int)api.StatusCode == 429 || (int)api.StatusCode >= 500);

    public static ResiliencePipeline Build(TimeSpan baseDelay, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        builder.AddRetry(new RetryStrategyOptions
        {
            Name = "anthropic-transient",
            MaxRetryAttempts = MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = baseDelay,
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && IsTransient(ex)),
            OnRetry = args =>
            {
                var status = args.Outcome.Exception is AnthropicApiException api ? (int)api.StatusCode : 0;
                AnthropicLogMessages.Retrying(logger, args.Context.Properties.GetValue(LogIdKey, ""),
                    args.Context.Properties.GetValue(ModelKey, ""), status, args.AttemptNumber + 2, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        });
        return builder.Build();
    }
}
