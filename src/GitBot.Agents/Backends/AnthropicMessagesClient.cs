using System.Globalization;
using Anthropic;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using GitBot.Agents.Models;
using GitBot.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace GitBot.Agents.Backends;

/// <summary>
/// The <c>anthropic</c> backend: one direct Messages API call (no tools, no streaming) through the official
/// <c>Anthropic</c> SDK, for the security agent's LLM pass and the judge. Endpoint, key and default model come only
/// from <see cref="AgentOptions"/> (key: <c>Agents:AnthropicApiKey</c>, else this process's <c>ANTHROPIC_API_KEY</c>).
/// </summary>
/// <remarks>
/// Guarantees: every outcome is a <see cref="ModelCallResult"/> value (no exception for API, network or timeout
/// failures); <see cref="ModelCallRequest.Timeout"/> bounds the whole call including retries; only 429 and 5xx answers
/// are retried, at most <see cref="AnthropicRetry.MaxRetries"/> times; errors are short and scrubbed, and never hold
/// the key; logs carry the log id, model, tokens and duration, never the prompt or the key. Thread-safe; one instance
/// per process (it owns its connection pool).
/// </remarks>
public sealed class AnthropicMessagesClient : IDisposable
{
    private const string KeyVariable = "ANTHROPIC_API_KEY";
    private const int MaxErrorChars = 500;

    private readonly AgentOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string? _apiKey;
    private readonly HttpClient _http;
    private readonly AnthropicClient? _client;
    private readonly ResiliencePipeline _retry;

    public AnthropicMessagesClient(IOptions<AgentOptions> options, TimeProvider time, ILogger<AnthropicMessagesClient> logger)
        : this(options, time, logger, AnthropicRetry.DefaultBaseDelay, Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>For tests: a shorter retry backoff, and a stand-in for the process environment.</summary>
    internal AnthropicMessagesClient(
        IOptions<AgentOptions> options, TimeProvider time, ILogger logger, TimeSpan retryBaseDelay, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _retry = AnthropicRetry.Build(retryBaseDelay, time, logger);
        _apiKey = string.IsNullOrWhiteSpace(_options.AnthropicApiKey) ? environment(KeyVariable) : _options.AnthropicApiKey;

        // HttpClient's own 100 s timeout would cut long answers short: the request's timeout is enforced per call instead.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrWhiteSpace(_apiKey))
        {
            // Every setting explicit, so nothing is read from the environment (ANTHROPIC_BASE_URL, profiles, ...).
            _client = new AnthropicClient(new ClientOptions
            {
                HttpClient = _http,
                BaseUrl = string.IsNullOrWhiteSpace(_options.AnthropicBaseUrl) ? EnvironmentUrl.Production : _options.AnthropicBaseUrl.TrimEnd('/'),
                ApiKey = _apiKey,
                MaxRetries = 0,
            });
        }
    }

    /// <summary>Sends <paramref name="request"/> and returns the answer's text, or why there is none.</summary>
    /// <param name="cancellationToken">Cancels the call; the result is then <see cref="ModelCallOutcome.Cancelled"/>.</param>
    public async Task<ModelCallResult> CompleteAsync(ModelCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxTokens, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(request.Timeout, TimeSpan.Zero);

        var model = string.IsNullOrWhiteSpace(request.Model) ? _options.DefaultModel : request.Model;
        if (_client is null || string.IsNullOrWhiteSpace(model))
        {
            var reason = _client is null
                ? $"no Anthropic API key is configured: set Agents:AnthropicApiKey or {KeyVariable} for the GitBot process"
                : "no model is configured: set reviews.model in .github/gitbot.yml or Agents:DefaultModel for the GitBot process";
            AnthropicLogMessages.NotConfigured(_logger, request.LogId, reason);
            return new ModelCallResult(ModelCallOutcome.NotConfigured, "", model ?? "", 0, 0, reason);
        }

        var started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(request.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var context = ResilienceContextPool.Shared.Get(linked.Token);
        context.Properties.Set(AnthropicRetry.LogIdKey, request.LogId);
        context.Properties.Set(AnthropicRetry.ModelKey, model);
        var attempts = 0;
        try
        {
            // The SDK's per-attempt timeout matches the call's, so the deadline above is what ends a slow call.
            var client = _client.WithOptions(o => o with { Timeout = request.Timeout });
            var parameters = Parameters(request, model);
            var message = await _retry.ExecuteAsync(
                async (ctx, state) =>
                {
                    attempts++;
                    return await state.Messages.Create(parameters, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                client).ConfigureAwait(false);

            var text = string.Concat(message.Content.Select(b => b.TryPickText(out var block) ? block.Text : ""));
            var (input, output) = (message.Usage.InputTokens, message.Usage.OutputTokens);
            if (string.IsNullOrWhiteSpace(text))
            {
                return Finish(request, model, started, ModelCallOutcome.Failed, $"the model returned no text (stop reason: {message.StopReason?.Raw() ?? "none"})", input, output);
            }

            AnthropicLogMessages.Completed(_logger, request.LogId, model, _time.GetElapsedTime(started), input, output, attempts);
            return new ModelCallResult(ModelCallOutcome.Succeeded, text, model, input, output, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Finish(request, model, started, ModelCallOutcome.Cancelled, "cancelled by the caller");
        }
        catch (OperationCanceledException)
        {
            // Either the call's deadline or the SDK's per-attempt timeout (a TaskCanceledException wrapping a TimeoutException).
            var timeout = request.Timeout.ToString("c", CultureInfo.InvariantCulture);
            return Finish(request, model, started, ModelCallOutcome.TimedOut, $"no answer within {timeout} ({attempts} attempt(s))");
        }
        catch (AnthropicApiException ex)
        {
            var detail = ex.ApiMessage ?? ex.Message;
            var type = ex.Type?.Raw() is { Length: > 0 } raw ? $" {raw}" : "";
            return Finish(request, model, started, ModelCallOutcome.Failed, $"HTTP {(int)ex.StatusCode}{type}: {detail} ({attempts} attempt(s))");
        }
        catch (Exception ex) when (ex is AnthropicException or HttpRequestException)
        {
            return Finish(request, model, started, ModelCallOutcome.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        _http.Dispose();
    }

    private static MessageCreateParams Parameters(ModelCallRequest request, string model)
    {
        var parameters = new MessageCreateParams
        {
            Model = model,
            MaxTokens = request.MaxTokens,
            Messages = [new UserMessageParam(request.Prompt)],
        };
        return string.IsNullOrEmpty(request.System) ? parameters : new MessageCreateParams(parameters) { System = request.System };
    }

    private ModelCallResult Finish(ModelCallRequest request, string model, long started, ModelCallOutcome outcome, string error, long input = 0, long output = 0)
    {
        var safe = Scrub(error);
        AnthropicLogMessages.NotCompleted(_logger, request.LogId, model, outcome, _time.GetElapsedTime(started), safe);
        return new ModelCallResult(outcome, "", model, input, output, safe);
    }

    /// <summary>Secret-shaped text and the configured key itself (whatever its shape) are removed; the result is one short line.</summary>
    private string Scrub(string text)
    {
        var scrubbed = SecretScrubber.Scrub(text);
        if (!string.IsNullOrEmpty(_apiKey))
        {
            scrubbed = scrubbed.Replace(_apiKey, SecretScrubber.Redacted, StringComparison.Ordinal);
        }

        scrubbed = scrubbed.ReplaceLineEndings(" ");
        return scrubbed.Length <= MaxErrorChars ? scrubbed : string.Concat(scrubbed.AsSpan(0, MaxErrorChars - 3), "...");
    }
}
