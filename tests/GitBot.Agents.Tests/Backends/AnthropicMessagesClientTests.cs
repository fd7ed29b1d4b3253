using GitBot.Agents.Backends;
using GitBot.Agents.Models;
using GitBot.Simulator.ModelServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitBot.Agents.Tests.Backends;

/// <summary>The <c>anthropic</c> backend against the real scripted model server on loopback.</summary>
public sealed class AnthropicMessagesClientTests
{
    // Not shaped like any known token, so only the client's own key removal (not the generic scrubber) can hide it.
    private const string PlainKey = "plain-test-credential-0451";

    [Fact]
    public async Task The_answer_text_and_usage_come_back_and_the_system_prompt_model_and_key_are_sent()
    {
        var script = new ModelScript(ModelScript.When("review this diff", ModelStep.Text("{\"findings\": []}")));
        await using var server = await ScriptedModelServer.StartAsync(script, CancellationToken.None);
        using var client = Client(server, AgentTestSupport.ApiKey);

        var result = await client.CompleteAsync(
            Request("Please review this diff:\n+a", model: "claude-sonnet-4-5", system: "You are GitBot's security reviewer."), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(ModelCallOutcome.Succeeded, result.Outcome);
        Assert.Equal("{\"findings\": []}", result.Text);
        Assert.Equal("claude-sonnet-4-5", result.Model);
        Assert.True(result.InputTokens > 0 && result.OutputTokens > 0, $"{result.InputTokens}/{result.OutputTokens}");
        Assert.Null(result.Error);
        var sent = Assert.Single(server.Requests, r => r.IsMessages);
        Assert.Equal("claude-sonnet-4-5", sent.Model);
        Assert.Equal("You are GitBot's security reviewer.", sent.SystemText);
        Assert.Equal("Please review this diff:\n+a", sent.FirstUserText);
        Assert.False(sent.Streaming);
        Assert.Equal("review this diff", sent.Rule);
        Assert.Contains(AgentTestSupport.ApiKey, KeyHeader(sent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_model_in_the_request_the_node_default_is_used_and_no_system_prompt_is_sent()
    {
        await using var server = await ScriptedModelServer.StartAsync(new ModelScript(), CancellationToken.None);
        using var client = Client(server, AgentTestSupport.ApiKey, defaultModel: "claude-haiku-4-5");

        var result = await client.CompleteAsync(Request("Anything.", model: null), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("OK.", result.Text);
        Assert.Equal("claude-haiku-4-5", result.Model);
        var sent = Assert.Single(server.Requests, r => r.IsMessages);
        Assert.Equal("claude-haiku-4-5", sent.Model);
        Assert.Equal("", sent.SystemText);
    }

    [Fact]
    public async Task A_client_error_fails_at_once_with_the_status_and_the_api_message()
    {
        var script = new ModelScript(ModelScript.When("bad request", ModelStep.Error(400, "invalid_request_error", "max_tokens: too large")));
        await using var server = await ScriptedModelServer.StartAsync(script, CancellationToken.None);
        using var client = Client(server, AgentTestSupport.ApiKey);

        var result = await client.CompleteAsync(Request("This is a bad request."), CancellationToken.None);

        Assert.Equal(ModelCallOutcome.Failed, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Equal("", result.Text);
        Assert.Contains("HTTP 400", result.Error, StringComparison.Ordinal);
        Assert.Contains("max_tokens: too large", result.Error, StringComparison.Ordinal);
        Assert.Single(server.Requests, r => r.IsMessages);
    }

    [Fact]
    public async Task An_answer_without_text_fails()
    {
        var script = new ModelScript(ModelScript.When("say nothing", ModelStep.Text("")));
        await using var server = await ScriptedModelServer.StartAsync(script, CancellationToken.None);
        using var client = Client(server, AgentTestSupport.ApiKey);

        var result = await client.CompleteAsync(Request("Please say nothing."), CancellationToken.None);

        Assert.Equal(ModelCallOutcome.Failed, result.Outcome);
        Assert.Contains("the model returned no text (stop reason: end_turn)", result.Error, StringComparison.Ordinal);
        Assert.True(result.InputTokens > 0, "usage of the empty answer is still reported");
    }

    [Theory]
    [InlineData(529, "overloaded_error", "Overloaded")]
    [InlineData(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit")]
    [InlineData(500, "api_error", "Internal server error")]
    public async Task Transient_errors_are_retried_a_bounded_number_of_times_then_fail(int status, string type, string message)
    {
        var script = new ModelScript(ModelScript.When("busy", ModelStep.Error(status, type, message)));
        await using var server = await ScriptedModelServer.StartAsync(script, CancellationToken.None);
        using var client = Client(server, AgentTestSupport.ApiKey);

        var result = await client.CompleteAsync(Request("The model is busy."), CancellationToken.None);

        Assert.Equal(ModelCallOutcome.Failed, result.Outcome);
        Assert.Contains($"HTTP {status}", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("3 attempt(s)", result.Error, StringComparison.Ordinal);
        Assert.Equal(1 + AnthropicRetry.MaxRetries, server.Requests.Count(r => r.IsMessages));
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_times_out()
    {
        var script = new ModelScript(ModelScript.When("slow", ModelStep.Delay(TimeSpan.FromSeconds(30))));
        await using var server = await ScriptedModelServer.StartAsync(script, CancellationToken.None);
        using var client = Client(server, AgentTestSupport.ApiKey);

        var result = await client.CompleteAsync(Request("Answer slowly.", timeout: TimeSpan.FromMilliseconds(500)), CancellationToken.None);

        Assert.Equal(ModelCallOutcome.TimedOut, result.Outcome);
        Assert.Contains("no answer within", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Text);
    }

    [Fact]
    public async Task The_callers_cancellation_is_cancelled_not_timed_out()
    {
        var script = new ModelScript(ModelScript.When("slow", ModelStep.Delay(TimeSpan.FromSeconds(30))));
        await using var server = await ScriptedModelServer.StartAsync(script, CancellationToken.None);
        using var client = Client(server, AgentTestSupport.ApiKey);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var result = await client.CompleteAsync(Request("Answer slowly.", timeout: TimeSpan.FromMinutes(5)), cancel.Token);

        Assert.Equal(ModelCallOutcome.Cancelled, result.Outcome);
    }

    [Theory]
    [InlineData(PlainKey)]
    [InlineData(AgentTestSupport.ApiKey)]
    public async Task The_key_never_appears_in_the_error_even_when_the_server_echoes_it(string key)
    {
        var script = new ModelScript(ModelScript.When("echo", ModelStep.Error(401, "authentication_error", $"invalid x-api-key: {key}")));
        await using var server = await ScriptedModelServer.StartAsync(script, CancellationToken.None);
        using var client = Client(server, key);

        var result = await client.CompleteAsync(Request("Please echo."), CancellationToken.None);

        Assert.Equal(ModelCallOutcome.Failed, result.Outcome);
        Assert.Contains("HTTP 401", result.Error, StringComparison.Ordinal);
        Assert.Contains("invalid x-api-key", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.Error, StringComparison.Ordinal);
        Assert.Contains(key, KeyHeader(Assert.Single(server.Requests, r => r.IsMessages)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_nothing_is_sent_and_the_outcome_says_how_to_configure_one()
    {
        await using var server = await ScriptedModelServer.StartAsync(new ModelScript(), CancellationToken.None);
        using var client = Client(server, key: null);

        var result = await client.CompleteAsync(Request("Anything."), CancellationToken.None);

        Assert.Equal(ModelCallOutcome.NotConfigured, result.Outcome);
        Assert.Contains("Agents:AnthropicApiKey", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_process_environment_key_is_used_when_the_options_have_none()
    {
        await using var server = await ScriptedModelServer.StartAsync(new ModelScript(), CancellationToken.None);
        using var client = Client(server, key: null, environment: name => name == "ANTHROPIC_API_KEY" ? PlainKey : null);

        var result = await client.CompleteAsync(Request("Anything."), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(PlainKey, KeyHeader(Assert.Single(server.Requests, r => r.IsMessages)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_model_nothing_is_sent()
    {
        await using var server = await ScriptedModelServer.StartAsync(new ModelScript(), CancellationToken.None);
        using var client = Client(server, AgentTestSupport.ApiKey, defaultModel: null);

        var result = await client.CompleteAsync(Request("Anything.", model: null), CancellationToken.None);

        Assert.Equal(ModelCallOutcome.NotConfigured, result.Outcome);
        Assert.Contains("reviews.model", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void AddGitBotAgents_registers_one_client_bound_to_the_Agents_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agents:AnthropicApiKey"] = PlainKey,
            ["Agents:DefaultModel"] = "claude-sonnet-4-5",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddGitBotAgents(configuration).BuildServiceProvider();

        var first = provider.GetRequiredService<AnthropicMessagesClient>();

        Assert.Same(first, provider.GetRequiredService<AnthropicMessagesClient>());
    }

    private static ModelCallRequest Request(string prompt, string? model = "claude-sonnet-4-5", string? system = null, TimeSpan? timeout = null) =>
        new($"test/{Guid.NewGuid():N}", model, system, prompt, 1024, timeout ?? TimeSpan.FromMinutes(1));

    private static AnthropicMessagesClient Client(
        ScriptedModelServer server, string? key, string? defaultModel = "claude-sonnet-4-5", Func<string, string?>? environment = null) =>
        new(Microsoft.Extensions.Options.Options.Create(new AgentOptions
        {
            AnthropicBaseUrl = server.BaseUrl.ToString(),
            AnthropicApiKey = key,
            DefaultModel = defaultModel,
        }), TimeProvider.System, NullLogger.Instance, TimeSpan.FromMilliseconds(10), environment ?? (_ => null));

    /// <summary>The credential header the SDK sent (<c>x-api-key</c>, or <c>authorization</c> as a bearer token).</summary>
    private static string KeyHeader(ModelRequestRecord request) =>
        request.Headers.TryGetValue("x-api-key", out var key) ? key : request.Headers.GetValueOrDefault("authorization", "");
}
