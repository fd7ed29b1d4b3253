using System.Collections.Concurrent;
using GitBot.Git.Processes;

namespace RecoveryBench;

/// <summary>
/// A <c>gitbot worker</c> process (<c>dotnet gitbot.dll worker</c>, configured by <c>GITBOT_</c> variables) started
/// through <see cref="ProcessRunner"/>; <see cref="KillAsync"/> is SIGKILL to its process tree, a crash.
/// </summary>
internal sealed class WorkerNode
{
    private readonly CancellationTokenSource _kill = new();
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Task<ProcessResult> _run;

    public WorkerNode(string cli, string name, string root, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        Directory.CreateDirectory(root);
        var environment = settings.ToDictionary(s => "GITBOT_" + s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value, StringComparer.Ordinal);
        foreach (var variable in new[] { "DOTNET_ROOT", "DOTNET_CLI_HOME" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                environment[variable] = value;
            }
        }

        var spec = new ProcessSpec("dotnet", [cli, "worker"], root, environment);
        _run = Task.Run(() => new ProcessRunner(TimeProvider.System).RunAsync(spec, Record, Record, _kill.Token));
    }

    public string Name { get; }

    public string Output => string.Join('\n', _output);

    public async Task KillAsync()
    {
        await _kill.CancelAsync();
        await _run;
    }

    private ValueTask Record(string line)
    {
        _output.Enqueue(line);
        return ValueTask.CompletedTask;
    }
}
