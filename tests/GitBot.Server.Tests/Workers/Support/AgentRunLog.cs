using System.Globalization;

namespace GitBot.Server.Tests.Workers.Support;

/// <summary>
/// A log outside every worktree that the tests' <c>command</c> agents append to: <c>start|end &lt;task&gt; &lt;cwd&gt;
/// &lt;pid&gt;</c>. The task id is read from the worktree's branch (<c>gitbot/N-tasks/&lt;id&gt;</c>) and the node from the
/// working directory (each node has its own <c>Git:WorkRoot</c> under a directory named after it).
/// </summary>
internal sealed class AgentRunLog(string path)
{
    public string Path { get; } = path;

    /// <summary>
    /// A POSIX shell agent that logs its start, sleeps <paramref name="seconds"/>, writes <c>work-&lt;task&gt;.txt</c> and
    /// logs its end. No double quotes, so it fits in a YAML double-quoted string.
    /// </summary>
    public string Agent(int seconds) =>
        "cat >/dev/null; b=$(git rev-parse --abbrev-ref HEAD); t=${b##*/}; " +
        $"echo start $t $(pwd) $$ >> {Path}; sleep {seconds.ToString(CultureInfo.InvariantCulture)}; " +
        $"echo $t > work-$t.txt; echo end $t $(pwd) $$ >> {Path}";

    public IReadOnlyList<AgentRun> Read(IReadOnlyList<string> nodes) =>
        !File.Exists(Path)
            ? []
            : [.. File.ReadAllLines(Path).Select(l => l.Split(' ')).Where(p => p.Length == 4)
                .Select(p => new AgentRun(p[0], p[1], nodes.FirstOrDefault(n => p[2].Contains($"/{n}/", StringComparison.Ordinal)) ?? p[2],
                    int.Parse(p[3], CultureInfo.InvariantCulture)))];
}

/// <summary>One line of <see cref="AgentRunLog"/>.</summary>
internal sealed record AgentRun(string Kind, string Task, string Node, int Pid);
