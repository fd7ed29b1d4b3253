using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace GitBot.GitHub.Http;

/// <summary>
/// Builds the connection's Polly pipeline: an outer retry that waits out rate limits (primary until reset, secondary
/// per <c>retry-after</c> or one minute), an inner retry with capped exponential backoff and jitter for 5xx answers
/// and network failures of idempotent calls. Delays run on the given <see cref="TimeProvider"/>.
/// </summary>
internal static class GitHubResiliencePipeline
{
    public static readonly TimeSpan BackoffBase = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(30);

    public static ResiliencePipeline<GitHubResponse> Build(
        GitHubOptions options, TimeProvider time, ILogger logger, ResiliencePropertyKey<GitHubConnection.RequestState> stateKey)
    {
        GitHubConnection.RequestState State(ResilienceContext context) => context.Properties.GetValue(stateKey, null!);

        GitHubRetryDecision Decide(Outcome<GitHubResponse> outcome, ResilienceContext context) =>
            outcome.Result is { } response
                ? GitHubRetryClassifier.Classify(response, State(context).Method, time.GetUtcNow(), options.MaxRateLimitWait)
                : GitHubRetryDecision.Final;

        var builder = new ResiliencePipelineBuilder<GitHubResponse> { TimeProvider = time };
        builder.AddRetry(new RetryStrategyOptions<GitHubResponse>
        {
            Name = "github-rate-limit",
            MaxRetryAttempts = GitHubConnection.MaxRateLimitRetries,
            ShouldHandle = args => ValueTask.FromResult(
                Decide(args.Outcome, args.Context).Reason is GitHubRetryReason.PrimaryRateLimit or GitHubRetryReason.SecondaryRateLimit),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Decide(args.Outcome, args.Context).Delay),
            OnRetry = args =>
            {
                var state = State(args.Context);
                GitHubConnectionLog.RetryScheduled(logger, state.Method.Method, state.Template, args.Outcome.Result?.StatusCode,
                    "rate limited", args.RetryDelay, args.AttemptNumber + 2);
                return ValueTask.CompletedTask;
            },
        });

        if (options.MaxServerErrorRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<GitHubResponse>
            {
                Name = "github-server-error",
                MaxRetryAttempts = options.MaxServerErrorRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BackoffBase,
                MaxDelay = BackoffCap,
                ShouldHandle = args => ValueTask.FromResult(
                    GitHubRetryClassifier.IsIdempotent(State(args.Context).Method) && args.Outcome switch
                    {
                        { Result: { } response } => response.StatusCode >= 500,
                        { Exception: HttpRequestException } => true,
                        // Our per-attempt timeout, not the caller giving up.
                        { Exception: OperationCanceledException } => !args.Context.CancellationToken.IsCancellationRequested,
                        _ => false,
                    }),
                OnRetry = args =>
                {
                    var state = State(args.Context);
                    GitHubConnectionLog.RetryScheduled(logger, state.Method.Method, state.Template, args.Outcome.Result?.StatusCode,
                        args.Outcome.Exception is null ? "server error" : "network failure", args.RetryDelay, args.AttemptNumber + 2);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }
}
