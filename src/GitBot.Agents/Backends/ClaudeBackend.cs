using GitBot.Agents.Runs;
using GitBot.Git.Processes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Agents.Backends;

/// <summary>
/// Runs the Claude Code CLI headless (<c>-p --output-format stream-json --verbose</c>) with the role's tools, model and
/// prompt, the run's turn and budget limits, an empty per-run HOME holding only GitBot's settings and the allowlisted
/// environment (the model key and endpoint from <see cref="AgentOptions"/>). The stream is parsed for tool calls, the
/// final result, turns, usage and <c>total_cost_usd</c>.
/// </summary>
public sealed class ClaudeBackend : IAgentBackend
{
    public const string BackendName = "claude";

    private readonly AgentProcessHost _host;
    private readonly ILogger<ClaudeBackend> _logger;

    public ClaudeBackend(ProcessRunner runner, IOptions<AgentOptions> options, ILogger<ClaudeBackend> logger)
    {
        _host = new AgentProcessHost(runner, options.Value, logger);
        _logger = logger;
    }

    public string Name => BackendName;

    public async Task<AgentRunResult> RunAsync(AgentRunRequest request, CancellationToken cancellationToken)
    {
        var home = _host.CreateHome(request.RunId);
        try
        {
            var configDirectory = ClaudeRunHome.Prepare(home);
            var environment = _host.BuildEnvironment(request, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["HOME"] = home,
                ["CLAUDE_CONFIG_DIR"] = configDirectory,
                ["DISABLE_AUTOUPDATER"] = "1",
                ["DISABLE_TELEMETRY"] = "1",
                ["DISABLE_ERROR_REPORTING"] = "1",
                ["DISABLE_BUG_COMMAND"] = "1",
                ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
            });
            var spec = new ProcessSpec(_host.Options.ClaudeExecutable, ClaudeArguments.Build(request, _host.Options),
                request.WorkingDirectory, environment, request.Timeout, request.Prompt);

            var parser = new ClaudeStreamParser();
            var (process, stderrTail) = await _host.RunAsync(request, spec, line =>
            {
                foreach (var tool in parser.Feed(line))
                {
                    AgentLogMessages.ToolCall(_logger, request.RunId, tool);
                }

                return ValueTask.CompletedTask;
            }, cancellationToken);

            var result = Map(request, process, stderrTail, parser);
            AgentLogMessages.Finished(_logger, request.RunId, result.Outcome, result.Duration, result.Turns, result.CostUsd);
            return result;
        }
        finally
        {
            _host.RemoveHome(request.RunId, home);
        }
    }

    private static AgentRunResult Map(AgentRunRequest request, ProcessResult process, string stderrTail, ClaudeStreamParser parser)
    {
        var partial = new AgentRunResult(
            AgentOutcome.Failed,
            string.Empty,
            parser.CostUsd,
            parser.InputTokens,
            parser.OutputTokens,
            parser.Turns > 0 ? parser.Turns : parser.AssistantMessages,
            process.ExitCode,
            process.Duration,
            [.. parser.ToolCalls]);
        if (AgentProcessHost.Interrupted(request, process, partial) is { } interrupted)
        {
            return interrupted;
        }

        var errors = string.Join('\n', parser.Errors);
        return parser.ResultSubtype switch
        {
            "success" when !parser.ResultIsError && process.ExitCode == 0 =>
                partial with { Outcome = AgentOutcome.Succeeded, Summary = AgentProcessHost.Limit(parser.ResultText ?? parser.LastAssistantText ?? string.Empty) },
            "error_max_turns" =>
                partial with { Outcome = AgentOutcome.MaxTurnsExceeded, Summary = AgentProcessHost.Limit($"reached the turn limit ({request.MaxTurns}) before finishing. {errors}") },
            "error_max_budget_usd" =>
                partial with { Outcome = AgentOutcome.BudgetExceeded, Summary = AgentProcessHost.Limit($"reached the budget (${request.BudgetUsd}) before finishing. {errors}") },
            null =>
                partial with { Summary = AgentProcessHost.Limit($"exited with code {process.ExitCode} without a result. {stderrTail}") },
            _ =>
                partial with { Summary = AgentProcessHost.Limit($"{parser.ResultSubtype} (exit code {process.ExitCode}): {parser.ResultText} {errors} {stderrTail}") },
        };
    }
}
