using System.Text.RegularExpressions;

namespace GitBot.Architecture.Tests;

/// <summary>House rules that the compiler cannot see: layout of files, the clock, who starts processes.</summary>
public sealed partial class HouseStyleTests
{
    private const int MaxLines = 300;

    [Fact]
    public void Every_source_file_has_a_file_scoped_namespace_matching_its_folder()
    {
        var wrong = new List<string>();
        foreach (var (project, path, lines) in SourceRules.SourceFiles())
        {
            if (path == "Program.cs")
            {
                continue;
            }

            var folder = Path.GetDirectoryName(path)!.Replace(Path.DirectorySeparatorChar, '.');
            var expected = folder.Length == 0 ? project : $"{project}.{folder}";
            var declared = lines.Select(l => NamespaceLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
            if (declared != expected)
            {
                wrong.Add($"{project}/{path}: namespace {declared ?? "(none)"}, expected {expected};");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Every_source_file_declares_at_most_one_public_top_level_type()
    {
        var crowded = SourceRules.SourceFiles()
            .Select(f => (f.Project, f.RelativePath, Count: f.Lines.Count(l => PublicTopLevelType().IsMatch(l))))
            .Where(f => f.Count > 1)
            .Select(f => $"{f.Project}/{f.RelativePath}: {f.Count} public types")
            .ToList();

        Assert.True(crowded.Count == 0, string.Join('\n', crowded));
    }

    [Fact]
    public void Source_files_stay_small()
    {
        var large = SourceRules.SourceFiles()
            .Where(f => f.Lines.Length > MaxLines)
            .Select(f => $"{f.Project}/{f.RelativePath}: {f.Lines.Length} lines")
            .ToList();

        Assert.True(large.Count == 0, $"files over {MaxLines} lines:\n" + string.Join('\n', large));
    }

    [Fact]
    public void Time_comes_from_an_injected_TimeProvider_never_the_static_clock()
    {
        var offenders = SourceRules.SourceFiles()
            .SelectMany(f => f.Lines.Select((l, i) => (f, l, i)))
            .Where(x => StaticClock().IsMatch(x.l))
            .Select(x => $"{x.f.Project}/{x.f.RelativePath}:{x.i + 1}")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join('\n', offenders));
    }

    [Fact]
    public void Only_the_process_runner_starts_processes()
    {
        var offenders = SourceRules.SourceFiles()
            .Where(f => !(f.Project == "GitBot.Git" && f.RelativePath == Path.Combine("Processes", "ProcessRunner.cs")))
            .SelectMany(f => f.Lines.Select((l, i) => (f, l, i)))
            .Where(x => ProcessStart().IsMatch(x.l))
            .Select(x => $"{x.f.Project}/{x.f.RelativePath}:{x.i + 1}")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join('\n', offenders));
    }

    [Fact]
    public void No_stubs_or_todo_markers_in_src()
    {
        var offenders = SourceRules.SourceFiles()
            .SelectMany(f => f.Lines.Select((l, i) => (f, l, i)))
            .Where(x => Stub().IsMatch(x.l))
            .Select(x => $"{x.f.Project}/{x.f.RelativePath}:{x.i + 1}")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join('\n', offenders));
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;")]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^public\s+(?:(?:sealed|static|abstract|partial|readonly|record|ref)\s+)*(?:class|record|struct|interface|enum)\b")]
    private static partial Regex PublicTopLevelType();

    [GeneratedRegex(@"\bDate(?:Time|TimeOffset)\.(?:Now|UtcNow|Today)\b")]
    private static partial Regex StaticClock();

    [GeneratedRegex(@"\bProcess\.Start\(|new\s+(?:System\.Diagnostics\.)?Process\s*[({]|new\s+ProcessStartInfo\b")]
    private static partial Regex ProcessStart();

    [GeneratedRegex(@"NotImplementedException|\bTODO\b|\bFIXME\b|\bHACK\b")]
    private static partial Regex Stub();
}
