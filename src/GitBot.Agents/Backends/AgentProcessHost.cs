using System.Collections;
using System.Globalization;
using System.Text;
using GitBot.Agents.Runs;
using GitBot.Agents.Sandbox;
using GitBot.Core.Text;
using GitBot.Git.Processes;
using Microsoft.Extensions.Logging;

namespace GitBot.Agents.Backends;

/// <summary>
/// What both backends share: the per-run HOME, the allowlisted environment, the run log and the mapping of a
/// process's end to an outcome.
/// </summary>
internal sealed class AgentProcessHost(ProcessRunner runner, AgentOptions options, ILogger logger)
{
    public const int SummaryLimit = 4000;

    /// <summary>Variables a backend gets from GitBot's own configuration: the model key and endpoint, nothing else.</summary>
    private static readonly string[] BackendVariables = ["ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"];

    public AgentOptions Options => options;

    /// <summary>Creates an empty HOME for one run (a fresh directory, never shared between runs).</summary>
    public string CreateHome(string runId)
    {
        var safe = new StringBuilder();
        foreach (var ch in runId)
        {
            safe.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_');
        }

        var home = Path.Combine(Path.GetFullPath(options.HomeRoot), string.Create(CultureInfo.InvariantCulture, $"{safe}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(home);
        return home;
    }

    public void RemoveHome(string runId, string home)
    {
        try
        {
            Directory.Delete(home, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            AgentLogMessages.HomeNotRemoved(logger, runId, home, ex);
        }
    }

    /// <summary>
    /// The agent's environment: the policy's grant (the model key and endpoint from <see cref="AgentOptions"/>, plus the
    /// role's non-secret pass-through names), then <paramref name="fixedVariables"/>, which win (HOME cannot be passed through).
    /// </summary>
    public Dictionary<string, string> BuildEnvironment(AgentRunRequest request, IReadOnlyDictionary<string, string> fixedVariables)
    {
        var source = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            source[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        // The endpoint comes only from GitBot's configuration; the key from it or from this process's own variable.
        source.Remove("ANTHROPIC_BASE_URL");
        if (!string.IsNullOrEmpty(options.AnthropicBaseUrl))
        {
            source["ANTHROPIC_BASE_URL"] = options.AnthropicBaseUrl;
        }

        if (!string.IsNullOrEmpty(options.AnthropicApiKey))
        {
            source["ANTHROPIC_API_KEY"] = options.AnthropicApiKey;
        }

        var granted = AgentEnvironmentPolicy.Build(BackendVariables, request.Role.PassEnvironment, source);
        if (granted.Refused.Count > 0)
        {
            AgentLogMessages.Refused(logger, request.RunId, string.Join(", ", granted.Refused));
        }

        var environment = new Dictionary<string, string>(granted.Variables, StringComparer.Ordinal);
        foreach (var (name, value) in fixedVariables)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>Runs the process, streaming stdout and stderr to the run log (scrubbed) and to <paramref name="onStdout"/>.</summary>
    public async Task<(ProcessResult Process, string StderrTail)> RunAsync(
        AgentRunRequest request,
        ProcessSpec spec,
        Func<string, ValueTask>? onStdout,
        CancellationToken cancellationToken)
    {
        AgentLogMessages.Starting(logger, request.RunId, request.Role.Backend, spec.FileName, request.WorkingDirectory);
        var logPath = Path.IsPathRooted(request.LogPath) ? request.LogPath : Path.Combine(options.LogRoot, request.LogPath);
        var tail = new StderrTail();
        await using var log = AgentRunLog.Open(logPath);
        await log.NoteAsync(string.Create(CultureInfo.InvariantCulture,
            $"run {request.RunId}: {request.Role.Backend} role '{request.Role.Name}' ({spec.FileName}), timeout {request.Timeout}"));
        var result = await runner.RunAsync(
            spec,
            async line =>
            {
                await log.StdoutAsync(line);
                if (onStdout is not null)
                {
                    await onStdout(line);
                }
            },
            async line =>
            {
                await log.StderrAsync(line);
                await tail.AddAsync(line);
            },
            cancellationToken);
        await log.NoteAsync(result.End == ProcessEnd.FailedToStart
            ? "did not start: " + result.StartError
            : string.Create(CultureInfo.InvariantCulture, $"ended: {result.End}, exit code {result.ExitCode}, {result.Duration}"));
        return (result, tail.ToString());
    }

    /// <summary>The outcome of a process that did not exit by itself, or null when it did.</summary>
    public static AgentRunResult? Interrupted(AgentRunRequest request, ProcessResult process, AgentRunResult partial) => process.End switch
    {
        ProcessEnd.FailedToStart => partial with
        {
            Outcome = AgentOutcome.FailedToStart,
            Summary = Limit(process.StartError ?? "the agent did not start"),
            ExitCode = null,
        },
        ProcessEnd.TimedOut => partial with
        {
            Outcome = AgentOutcome.TimedOut,
            Summary = string.Create(CultureInfo.InvariantCulture, $"timed out after {request.Timeout}; the agent's process tree was killed"),
            ExitCode = null,
        },
        ProcessEnd.Cancelled => partial with
        {
            Outcome = AgentOutcome.Cancelled,
            Summary = "cancelled; the agent's process tree was killed",
            ExitCode = null,
        },
        _ => null,
    };

    /// <summary>Scrubbed and cut to <see cref="SummaryLimit"/> characters (the end is kept: that is where errors are).</summary>
    public static string Limit(string text)
    {
        var scrubbed = SecretScrubber.Scrub(text.Trim());
        return scrubbed.Length <= SummaryLimit ? scrubbed : "…" + scrubbed[^(SummaryLimit - 1)..];
    }
}
