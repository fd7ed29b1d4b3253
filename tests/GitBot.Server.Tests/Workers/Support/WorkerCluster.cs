using System.Globalization;
using GitBot.Git.Processes;
using GitBot.Server.Tests.Plans;
using GitBot.Server.Tests.Plans.Support;

namespace GitBot.Server.Tests.Workers.Support;

/// <summary>
/// Small pieces shared by the worker tests: a worker node's settings on a <see cref="FlowHarness"/>'s PostgreSQL (as
/// in WorkerCrashTests), SIGTERM to a <see cref="WorkerProcess"/> (found by its working directory, since the helper
/// does not expose its pid), and waiting on a condition with the workers' output in the failure message.
/// </summary>
internal static class WorkerCluster
{
    public const string CheckinInterval = "00:00:01";
    public const string CheckinMisfireThreshold = "00:00:02";

    /// <summary>The server's settings for a serve node that queues agent tasks but runs none.</summary>
    public static Dictionary<string, string?> QueueOnlyServer() => new()
    {
        ["Scheduler:AgentSlots"] = "0",
        ["Scheduler:NodeName"] = "server",
        ["Scheduler:ClusterCheckinInterval"] = CheckinInterval,
        ["Scheduler:ClusterCheckinMisfireThreshold"] = CheckinMisfireThreshold,
    };

    public static string WorkingDirectory(FlowHarness flow, string node) => Path.Combine(flow.WorkDirectory, node);

    public static WorkerProcess Start(FlowHarness flow, string node, int slots, IReadOnlyDictionary<string, string>? extra = null)
    {
        var root = WorkingDirectory(flow, node);
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "postgres",
            ["Database:ConnectionString"] = flow.Server.PostgresDatabase!.ConnectionString,
            ["DataDirectory"] = Path.Combine(root, "data"),
            ["GitHub:ApiUrl"] = flow.GitHub.ApiUrl.ToString(),
            ["GitHub:AppId"] = flow.GitHub.App.Id.ToString(CultureInfo.InvariantCulture),
            ["GitHub:PrivateKey"] = flow.GitHub.App.PrivateKeyPem,
            ["GitHub:WebhookSecret"] = flow.GitHub.App.WebhookSecret,
            ["Redelivery:Enabled"] = "false",
            ["Agents:LogRoot"] = Path.Combine(root, "logs"),
            ["Agents:HomeRoot"] = Path.Combine(root, "agent-home"),
            ["Git:WorkRoot"] = Path.Combine(root, "git"),
            ["Scheduler:AgentSlots"] = slots.ToString(CultureInfo.InvariantCulture),
            ["Scheduler:NodeName"] = node,
            ["Scheduler:ClusterCheckinInterval"] = CheckinInterval,
            ["Scheduler:ClusterCheckinMisfireThreshold"] = CheckinMisfireThreshold,
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return WorkerProcess.Start(node, settings, root);
    }

    /// <summary>Sends SIGTERM (a graceful stop: Kubernetes, systemd, docker stop) to the worker started in <paramref name="workingDirectory"/>.</summary>
    public static async Task TerminateAsync(string workingDirectory)
    {
        var pid = FindWorkerPid(workingDirectory);
        Assert.True(pid is not null, $"no gitbot worker process runs in {workingDirectory}");
        await SignalAsync("-TERM", pid!.Value);
    }

    public static async Task SignalAsync(string signal, int pid)
    {
        var result = await new ProcessRunner(TimeProvider.System).RunAsync(
            new ProcessSpec("kill", [signal, pid.ToString(CultureInfo.InvariantCulture)]), CancellationToken.None);
        Assert.True(result.Succeeded || !WorkerProcess.IsAlive(pid), $"kill {signal} {pid} failed: {result.StandardError}");
    }

    public static async Task WaitForAsync(Func<bool> condition, string what, TimeSpan timeout, params WorkerProcess?[] workers)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline,
                $"timed out waiting for {what}\n{string.Join('\n', workers.Where(w => w is not null).Select(w => w!.Output))}");
            await Task.Delay(100);
        }
    }

    private static int? FindWorkerPid(string workingDirectory)
    {
        var wanted = Path.GetFullPath(workingDirectory).TrimEnd('/');
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (!cmdline.Any(a => a.EndsWith("gitbot.dll", StringComparison.Ordinal)) || !cmdline.Contains("worker"))
                {
                    continue;
                }

                var cwd = new FileInfo(Path.Combine(directory, "cwd")).ResolveLinkTarget(returnFinalTarget: false)?.FullName;
                if (cwd is not null && cwd.TrimEnd('/') == wanted)
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }

        return null;
    }
}
