using System.Globalization;
using GitBot.Agents.Runs;
using GitBot.Git.Processes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Agents.Backends;

/// <summary>
/// Runs any CLI agent from the role's argument vector (<c>{prompt}</c> inside an argument is replaced by the prompt;
/// never a shell), or with the prompt on stdin when the role says so. Success is exit code 0; the summary is the tail
/// of stdout. The process gets its own empty HOME and the allowlisted environment.
/// </summary>
public sealed class CommandBackend : IAgentBackend
{
    public const string BackendName = "command";
    private const string PromptPlaceholder = "{prompt}";

    private readonly AgentProcessHost _host;
    private readonly ILogger<CommandBackend> _logger;

    public CommandBackend(ProcessRunner runner, IOptions<AgentOptions> options, ILogger<CommandBackend> logger)
    {
        _host = new AgentProcessHost(runner, options.Value, logger);
        _logger = logger;
    }

    public string Name => BackendName;

    public async Task<AgentRunResult> RunAsync(AgentRunRequest request, CancellationToken cancellationToken)
    {
        var command = request.Role.Command;
        var empty = new AgentRunResult(AgentOutcome.FailedToStart, string.Empty, 0, 0, 0, 0, null, TimeSpan.Zero, []);
        if (command.Count == 0 || string.IsNullOrWhiteSpace(command[0]))
        {
            return empty with { Summary = $"role '{request.Role.Name}' uses the command backend but names no command" };
        }

        var arguments = command.Skip(1)
            .Select(a => request.Role.PromptOnStdin ? a : a.Replace(PromptPlaceholder, request.Prompt, StringComparison.Ordinal))
            .ToList();
        var home = _host.CreateHome(request.RunId);
        try
        {
            var environment = _host.BuildEnvironment(request, new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = home });
            var spec = new ProcessSpec(command[0], arguments, request.WorkingDirectory, environment, request.Timeout,
                request.Role.PromptOnStdin ? request.Prompt : null);
            var stdout = new StderrTail();
            var (process, stderrTail) = await _host.RunAsync(request, spec, stdout.AddAsync, cancellationToken);

            var partial = empty with { Duration = process.Duration, ExitCode = process.ExitCode };
            var result = AgentProcessHost.Interrupted(request, process, partial)
                ?? (process.ExitCode == 0
                    ? partial with { Outcome = AgentOutcome.Succeeded, Summary = AgentProcessHost.Limit(stdout.ToString()) }
                    : partial with
                    {
                        Outcome = AgentOutcome.Failed,
                        Summary = AgentProcessHost.Limit(string.Create(CultureInfo.InvariantCulture,
                            $"exited with code {process.ExitCode}: {(stderrTail.Length > 0 ? stderrTail : stdout.ToString())}")),
                    });
            AgentLogMessages.Finished(_logger, request.RunId, result.Outcome, result.Duration, result.Turns, result.CostUsd);
            return result;
        }
        finally
        {
            _host.RemoveHome(request.RunId, home);
        }
    }
}
