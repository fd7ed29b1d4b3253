namespace GitBot.Architecture.Tests;

/// <summary>
/// Dependencies point inward to Core (see README, "Invariants"). Checked on the compiled assemblies, so only references
/// the code really uses count.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["GitBot.Core"] = [],
        ["GitBot.GitHub"] = ["GitBot.Core"],
        ["GitBot.Git"] = ["GitBot.Core"],
        ["GitBot.Agents"] = ["GitBot.Core", "GitBot.Git"],
        ["GitBot.Storage"] = ["GitBot.Core"],
        ["GitBot.Workflows"] = ["GitBot.Core", "GitBot.GitHub", "GitBot.Git", "GitBot.Agents", "GitBot.Storage"],
        ["GitBot.Server"] = ["GitBot.Core", "GitBot.GitHub", "GitBot.Git", "GitBot.Storage", "GitBot.Workflows"],
        // `gitbot demo` runs the whole flow offline: it starts the simulator (GitHub and the model on loopback) itself.
        ["GitBot.Cli"] = ["GitBot.Core", "GitBot.GitHub", "GitBot.Git", "GitBot.Agents", "GitBot.Storage", "GitBot.Workflows", "GitBot.Server", "GitBot.Simulator"],
        // The simulator stands in for github.com: it shares no GitBot logic, only the process runner to drive git.
        ["GitBot.Simulator"] = ["GitBot.Git"],
    };

    public static TheoryData<string> ProjectNames() => new(AssemblyInspector.Projects.Keys);

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void References_only_allowed_projects(string project)
    {
        var unexpected = AssemblyInspector.GitBotReferences(project).Except(Allowed[project]).ToList();

        Assert.True(unexpected.Count == 0, $"{project} must not reference {string.Join(", ", unexpected)}");
    }

    [Fact]
    public void Core_is_pure_it_references_nothing_but_the_base_library()
    {
        var foreign = AssemblyInspector.ReferencedAssemblies("GitBot.Core")
            .Where(a => !a.StartsWith("System.", StringComparison.Ordinal) && a is not "netstandard" and not "mscorlib")
            .ToList();
        var io = AssemblyInspector.ReferencedTypes("GitBot.Core")
            .Where(t => t.StartsWith("System.Net.", StringComparison.Ordinal)
                || t.StartsWith("System.Data.", StringComparison.Ordinal)
                || t.StartsWith("System.Diagnostics.Process", StringComparison.Ordinal)
                || t is "System.IO.File" or "System.IO.Directory" or "System.IO.FileStream")
            .ToList();

        Assert.True(foreign.Count == 0, "Core references " + string.Join(", ", foreign));
        Assert.True(io.Count == 0, "Core does I/O through " + string.Join(", ", io));
    }

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void Only_Storage_touches_SQL(string project)
    {
        string[] sql = ["Dapper", "Npgsql", "Microsoft.Data.Sqlite", "SQLitePCLRaw.core"];
        var used = AssemblyInspector.ReferencedAssemblies(project).Intersect(sql).ToList();

        Assert.True(project == "GitBot.Storage" || used.Count == 0, $"{project} references {string.Join(", ", used)}");
    }

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void Only_Server_touches_AspNetCore(string project)
    {
        var used = AssemblyInspector.ReferencedAssemblies(project)
            .Where(a => a.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .ToList();

        Assert.True(project == "GitBot.Server" || used.Count == 0, $"{project} references {string.Join(", ", used)}");
    }

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void Only_the_process_runner_assembly_refers_to_Process(string project)
    {
        var usesProcess = AssemblyInspector.ReferencedTypes(project)
            .Contains("System.Diagnostics.Process", StringComparer.Ordinal);

        Assert.True(project == "GitBot.Git" || !usesProcess, $"{project} uses System.Diagnostics.Process directly");
    }
}
