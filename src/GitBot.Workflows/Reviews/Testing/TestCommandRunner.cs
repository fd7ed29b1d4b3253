using System.Collections;
using System.Globalization;
using GitBot.Agents.Sandbox;
using GitBot.Core.Reviews.TestResults;
using GitBot.Core.Text;
using GitBot.Git.Processes;
using GitBot.Git.Repositories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Reviews.Testing;

/// <summary>
/// The tests agent's runner: runs a repository's test command in a worktree at a pull request's head and reads its
/// results. Guarantees: the worktree is exactly the head sha (a fork's head is fetched from <c>refs/pull/{n}/head</c>);
/// the command runs as an argv, never through a shell, under the coding agents' sandbox rules — an environment of
/// allowlisted variables only (no GitHub token, none of GitBot's settings, no database password; see
/// <see cref="AgentEnvironmentPolicy"/>), a fresh HOME and TMPDIR removed afterwards, a wall-clock timeout after which
/// the whole process tree is killed; the worktree and its branch are given back whatever happens; the output kept is
/// capped and scrubbed. A caller's cancellation kills the tree too and surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class TestCommandRunner
{
    /// <summary>Longest timeout accepted (a CancellationTokenSource cannot count much further).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    private const int MaxParsedOutputChars = 8 * 1024 * 1024;

    private readonly MirrorCache _mirrors;
    private readonly PullHeadFetcher _heads;
    private readonly WorktreeManager _worktrees;
    private readonly GitCli _git;
    private readonly ProcessRunner _runner;
    private readonly TestRunOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TestCommandRunner> _logger;

    public TestCommandRunner(MirrorCache mirrors, PullHeadFetcher heads, WorktreeManager worktrees, GitCli git, ProcessRunner runner,
        IOptions<TestRunOptions> options, TimeProvider time, ILogger<TestCommandRunner> logger)
    {
        _mirrors = mirrors;
        _heads = heads;
        _worktrees = worktrees;
        _git = git;
        _runner = runner;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs the command of <paramref name="request"/> and reports how it went; never throws for a failing repository or command.</summary>
    public async Task<TestRunOutcome> RunAsync(TestCommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = SecretScrubber.Scrub(string.Join(' ', request.Command));
        if (request.Command.Count == 0 || string.IsNullOrWhiteSpace(request.Command[0]))
        {
            return NotRun(request, TestRunStatus.NotConfigured, command, "the repository has no test command");
        }

        if (request.Timeout <= TimeSpan.Zero || request.Timeout > MaxTimeout)
        {
            return NotRun(request, TestRunStatus.FailedToStart, command, $"the timeout must be positive and at most {MaxTimeout}; it is {request.Timeout}");
        }

        var cache = await _mirrors.EnsureAsync(request.Repository, request.CloneUrl, request.Credential, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (!cache.Succeeded)
        {
            return NotRun(request, TestRunStatus.FailedToStart, command, $"fetching {request.Repository} failed: {cache.Error}");
        }

        var head = await _heads.EnsureCommitAsync(cache.Value!, request.PullNumber, request.HeadSha, request.Credential, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (!head.Succeeded)
        {
            return NotRun(request, TestRunStatus.FailedToStart, command, $"the head of pull request #{request.PullNumber} is not available: {head.Error}");
        }

        // A branch per run, not per pull request: two runs of one pull request (an old head being cancelled while the
        // new one starts) must not fight over a branch that only one worktree may have checked out.
        var branch = string.Create(CultureInfo.InvariantCulture, $"gitbot-tests/pr-{request.PullNumber}-{Guid.NewGuid():N}");
        var worktree = await _worktrees.CreateAsync(cache.Value!, branch, head.Value!, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (!worktree.Succeeded)
        {
            return NotRun(request, TestRunStatus.FailedToStart, command, $"could not make a worktree at {head.Value}: {worktree.Error}");
        }

        try
        {
            return await RunInWorktreeAsync(request, command, worktree.Value!.Path, cancellationToken);
        }
        finally
        {
            await _worktrees.RemoveAsync(worktree.Value!, CancellationToken.None);
            var deleted = await _git.RunAsync(cache.Value!, ["branch", "--quiet", "-D", branch], null, CancellationToken.None);
            if (!deleted.Succeeded)
            {
                TestRunLogMessages.BranchNotDeleted(_logger, request.LogId, branch, deleted.StandardError.Trim());
            }
        }
    }

    private async Task<TestRunOutcome> RunInWorktreeAsync(TestCommandRequest request, string command, string worktree, CancellationToken cancellationToken)
    {
        if (Executable(request.Command[0], worktree) is not { } executable)
        {
            return NotRun(request, TestRunStatus.FailedToStart, command, $"'{request.Command[0]}' is outside the repository's worktree");
        }

        var directory = RunDirectory.Create(_options.FullSandboxRoot, request.LogId);
        try
        {
            var spec = new ProcessSpec(executable, request.Command.Skip(1).ToList(), worktree, Environment(request, directory), request.Timeout);
            var before = ResultFileScanner.Snapshot(worktree);
            var tail = new OutputTail(_options.OutputTailLines, _options.OutputTailChars);
            TestRunLogMessages.Starting(_logger, request.LogId, request.Repository, request.PullNumber, request.HeadSha, command, request.Timeout);
            var started = _time.GetTimestamp();
            var process = await _runner.RunAsync(spec, tail.AddAsync, tail.AddAsync, cancellationToken);
            var duration = _time.GetElapsedTime(started);
            if (process.End == ProcessEnd.Cancelled || cancellationToken.IsCancellationRequested)
            {
                TestRunLogMessages.Cancelled(_logger, request.LogId);
                throw new OperationCanceledException("the test run was cancelled by its caller", cancellationToken);
            }

            if (process.End == ProcessEnd.FailedToStart)
            {
                return NotRun(request, TestRunStatus.FailedToStart, command, process.StartError ?? "the test command did not start") with { Duration = duration };
            }

            var outcome = await ReadResultsAsync(worktree, before, process, tail, cancellationToken) with { Command = command, Duration = duration };
            if (process.End == ProcessEnd.TimedOut)
            {
                outcome = outcome with
                {
                    Status = TestRunStatus.TimedOut,
                    ExitCode = null,
                    Error = $"timed out after {request.Timeout}; the test command's process tree was killed",
                };
            }
            else if (process.OutputHeldOpen)
            {
                // The run is still reported (its exit code and results stand); the note says why output may be cut short.
                const string Note = "the test command left background processes holding its output; they were killed and the output may be incomplete";
                outcome = outcome with { Error = outcome.Error is null ? Note : outcome.Error + "; " + Note };
            }

            TestRunLogMessages.Finished(_logger, request.LogId, outcome.Status, outcome.ExitCode, duration,
                outcome.Summary?.Passed, outcome.Summary?.Failed, outcome.Summary?.Skipped, outcome.ResultSource);
            return outcome;
        }
        finally
        {
            if (directory.TryRemove() is { } failure)
            {
                TestRunLogMessages.RunDirectoryNotRemoved(_logger, request.LogId, directory.Path, failure);
            }
        }
    }

    private async Task<TestRunOutcome> ReadResultsAsync(string worktree, Dictionary<string, (long Length, DateTime Written)> before,
        ProcessResult process, OutputTail tail, CancellationToken cancellationToken)
    {
        var outcome = new TestRunOutcome(TestRunStatus.Completed, string.Empty, process.ExitCode, null, null, tail.ToString(), TimeSpan.Zero, null);
        var files = await ResultFileReader.ReadAsync(worktree, ResultFileScanner.Written(worktree, before), _options, cancellationToken);
        if (files.Summary is { } summary)
        {
            return outcome with { Summary = summary, ResultSource = string.Join(", ", files.Sources) };
        }

        var output = process.StandardOutput + "\n" + process.StandardError;
        var parsed = RunnerOutputParser.Parse(output.Length <= MaxParsedOutputChars ? output : output[^MaxParsedOutputChars..]);
        if (parsed.Summary is { } fromOutput)
        {
            return outcome with { Summary = fromOutput, ResultSource = "output" };
        }

        var why = files.Problems.Append("output: " + parsed.Error);
        return outcome with { Error = SecretScrubber.Scrub("no test results found (" + string.Join("; ", why) + ")") };
    }

    /// <summary>
    /// The executable to start: a name without a slash is looked up on PATH; a relative path is resolved against the
    /// worktree (not GitBot's own current directory) and must stay inside it.
    /// </summary>
    private static string? Executable(string name, string worktree)
    {
        if (!name.Contains('/', StringComparison.Ordinal) || Path.IsPathRooted(name))
        {
            return name;
        }

        var root = Path.GetFullPath(worktree).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, name));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }

    private Dictionary<string, string> Environment(TestCommandRequest request, RunDirectory directory)
    {
        var source = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            source[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        var granted = AgentEnvironmentPolicy.Build([], request.PassEnvironment ?? [], source);
        if (granted.Refused.Count > 0)
        {
            TestRunLogMessages.Refused(_logger, request.LogId, string.Join(", ", granted.Refused));
        }

        // On top of ProcessRunner's base allowlist (PATH, LANG, ...); these win over anything passed through.
        var environment = new Dictionary<string, string>(granted.Variables, StringComparer.Ordinal)
        {
            ["HOME"] = directory.Home,
            ["TMPDIR"] = directory.Temp,
            ["TMP"] = directory.Temp,
            ["TEMP"] = directory.Temp,
            ["CI"] = "true", // runners then never wait for a terminal (jest's watch mode, interactive prompts)
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",

            // Build servers (MSBuild nodes, the compiler server) outlive `dotnet test` holding its stdout open, and the
            // run would then wait for them; one-shot builds leave nothing running behind the command.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
        };
        return environment;
    }

    private TestRunOutcome NotRun(TestCommandRequest request, TestRunStatus status, string command, string error)
    {
        var scrubbed = SecretScrubber.Scrub(error);
        TestRunLogMessages.NotRun(_logger, request.LogId, status, scrubbed);
        return new TestRunOutcome(status, command, null, null, null, string.Empty, TimeSpan.Zero, scrubbed);
    }
}
