using System.Collections.Concurrent;
using System.Globalization;
using GitBot.Git.Processes;

namespace GitBot.Server.Tests.Plans.Support;

/// <summary>
/// A real <c>gitbot worker</c> as a separate OS process (<c>dotnet gitbot.dll worker</c>), configured only through
/// <c>GITBOT_</c> environment variables, started through <see cref="ProcessRunner"/>. <see cref="KillAsync"/> is a
/// crash, not a stop: the whole process tree gets SIGKILL, so no shutdown code of the worker runs.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource _kill = new();
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Task<ProcessResult> _run;

    private WorkerProcess(string nodeName, IReadOnlyDictionary<string, string> settings, string workingDirectory)
    {
        NodeName = nodeName;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in settings)
        {
            environment["GITBOT_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var name in new[] { "DOTNET_ROOT", "DOTNET_CLI_HOME" })
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                environment[name] = value;
            }
        }

        var spec = new ProcessSpec("dotnet", [CliAssembly, "worker"], workingDirectory, environment);
        _run = Task.Run(() => new ProcessRunner(TimeProvider.System).RunAsync(
            spec,
            line => Record("out", line),
            line => Record("err", line),
            _kill.Token));
    }

    public string NodeName { get; }

    /// <summary>What the worker wrote so far, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>True once the process has ended (killed or by itself).</summary>
    public bool HasExited => _run.IsCompleted;

    /// <summary>
    /// The built CLI next to this test run: <c>src/GitBot.Cli/bin/&lt;Configuration&gt;/net10.0/gitbot.dll</c>.
    /// Fails loudly when it is not built (the test project does not reference the CLI, so build it first).
    /// </summary>
    public static string CliAssembly
    {
        get
        {
            var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = baseDirectory.Parent?.Name ?? "Debug";
            for (var directory = baseDirectory; directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "GitBot.sln")))
                {
                    var dll = Path.Combine(directory.FullName, "src", "GitBot.Cli", "bin", configuration, "net10.0", "gitbot.dll");
                    return File.Exists(dll)
                        ? dll
                        : throw new InvalidOperationException($"{dll} is not built; run 'dotnet build src/GitBot.Cli -c {configuration}' first.");
                }
            }

            throw new InvalidOperationException($"GitBot.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>Starts a worker node; <paramref name="settings"/> are configuration keys (<c>Scheduler:NodeName</c>).</summary>
    public static WorkerProcess Start(string nodeName, IReadOnlyDictionary<string, string> settings, string workingDirectory)
    {
        Directory.CreateDirectory(workingDirectory);
        return new WorkerProcess(nodeName, settings, workingDirectory);
    }

    /// <summary>SIGKILL to the worker and every process under it; returns once it is gone.</summary>
    public async Task KillAsync()
    {
        await _kill.CancelAsync();
        await _run;
    }

    /// <summary>True when a process with this id is alive (Linux <c>/proc</c>; a zombie counts as gone).</summary>
    public static bool IsAlive(int pid)
    {
        var status = Path.Combine("/proc", pid.ToString(CultureInfo.InvariantCulture), "status");
        try
        {
            return File.Exists(status) && !File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await KillAsync();
        }

        _kill.Dispose();
    }

    private ValueTask Record(string stream, string line)
    {
        _output.Enqueue($"[{NodeName} {stream}] {line}");
        return ValueTask.CompletedTask;
    }
}
