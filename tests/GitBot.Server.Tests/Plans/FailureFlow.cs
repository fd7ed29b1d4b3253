using GitBot.Simulator;
using GitBot.Simulator.ModelServer;

namespace GitBot.Server.Tests.Plans;

/// <summary>Shared pieces of the failure-path flow tests: command-role configs, polling and process checks.</summary>
internal static class FailureFlow
{
    /// <summary>A script that answers everything with plain text: command-role tests never reach the model.</summary>
    public static ModelScript NoModel() => new();

    /// <summary>
    /// <c>.github/gitbot.yml</c> whose default role <c>runner</c> runs <paramref name="script"/> under <c>sh -c</c>
    /// with the prompt on stdin, plus the given <c>limits</c> lines (already indented by two spaces).
    /// </summary>
    public static Dictionary<string, string> CommandConfig(string script, params string[] limits)
    {
        var yaml = "default_role: runner\n";
        if (limits.Length > 0)
        {
            yaml += "limits:\n" + string.Concat(limits.Select(l => "  " + l + "\n"));
        }

        yaml += "roles:\n  runner:\n    description: Runs a shell script\n    backend: command\n    prompt_on_stdin: true\n"
            + "    command: [\"sh\", \"-c\", " + Quote(script) + "]\n";
        return new Dictionary<string, string> { [".github/gitbot.yml"] = yaml };
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Polls <paramref name="condition"/> until it holds, or fails the test with <paramref name="what"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "Timed out waiting for: " + what);
            await Task.Delay(100);
        }
    }

    /// <summary>The issue as the simulator holds it.</summary>
    public static SimulatedIssue Issue(FlowHarness flow, int number) => flow.GitHub.GetIssue(FlowHarness.Repo, number)!;

    /// <summary>True when the process is gone or only a zombie (dead, waiting to be reaped).</summary>
    public static bool IsDead(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is "Z" or "X";
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Reads the pid a script wrote, waiting for the file to appear.</summary>
    public static async Task<int> ReadPidAsync(string path)
    {
        await UntilAsync(() => File.Exists(path) && File.ReadAllText(path).Trim().Length > 0, "the agent to write " + path);
        return int.Parse(File.ReadAllText(path).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
