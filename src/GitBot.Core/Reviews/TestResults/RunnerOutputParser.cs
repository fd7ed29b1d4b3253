using System.Globalization;
using System.Text.RegularExpressions;

namespace GitBot.Core.Reviews.TestResults;

/// <summary>
/// Reads a test runner's console output when there is no results file: the counts from its summary line(s), the
/// failures from the lines that name them. Knows <c>dotnet test</c> (per-project <c>Failed!  - Failed: 1, Passed: 2,
/// Skipped: 0, Total: 3</c> lines, summed, or the <c>Test summary: total: ...</c> line), pytest
/// (<c>== 3 passed, 1 failed in 0.12s ==</c>), jest (<c>Tests: 1 failed, 2 passed, 3 total</c>), cargo
/// (<c>test result: FAILED. 2 passed; 1 failed; 0 ignored</c>, summed over test binaries) and go test
/// (<c>--- FAIL: TestX</c> lines, counted). ANSI colour codes are ignored. The last summary wins where a runner prints one.
/// </summary>
public static partial class RunnerOutputParser
{
    /// <summary>Parses runner output. Never throws on bad input.</summary>
    public static TestResultsParse Parse(string output)
    {
        var lines = Ansi().Replace(output ?? string.Empty, string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var counts = DotnetTotal(lines) ?? Sum(lines, DotnetProject()) ?? Pytest(lines) ?? Jest(lines) ?? Sum(lines, Cargo()) ?? Go(lines);
        if (counts is null)
        {
            return TestResultsParse.Fail("no test summary line found in the runner's output (dotnet test, pytest, jest, cargo test or go test)");
        }

        var (passed, failed, skipped) = counts.Value;
        var failures = RunnerFailures.Read(lines);
        return new TestResultsParse(new TestRunSummary(passed, Math.Max(failed, failures.Count), skipped, failures), null);
    }

    private static (int, int, int)? DotnetTotal(string[] lines)
    {
        var match = lines.Select(l => DotnetSummary().Match(l)).LastOrDefault(m => m.Success);
        return match is null ? null : (Int(match.Groups["p"]), Int(match.Groups["f"]), Int(match.Groups["s"]));
    }

    private static (int, int, int)? Sum(string[] lines, Regex pattern)
    {
        (int, int, int)? total = null;
        foreach (var match in lines.Select(l => pattern.Match(l)).Where(m => m.Success))
        {
            var (p, f, s) = total ?? (0, 0, 0);
            total = (p + Int(match.Groups["p"]), f + Int(match.Groups["f"]), s + Int(match.Groups["s"]));
        }

        return total;
    }

    private static (int, int, int)? Pytest(string[] lines)
    {
        var match = lines.Select(l => PytestSummary().Match(l)).LastOrDefault(m => m.Success && CountWord().IsMatch(m.Groups[1].Value));
        return match is null ? null : Words(match.Groups[1].Value, ["passed", "xpassed"], ["failed", "error", "errors"], ["skipped", "xfailed", "deselected"]);
    }

    private static (int, int, int)? Jest(string[] lines)
    {
        var match = lines.Select(l => JestSummary().Match(l)).LastOrDefault(m => m.Success);
        return match is null ? null : Words(match.Groups[1].Value, ["passed"], ["failed"], ["skipped", "todo"]);
    }

    private static (int, int, int)? Go(string[] lines)
    {
        int passed = 0, failed = 0, skipped = 0;
        var packageLine = false;
        foreach (var line in lines)
        {
            var match = GoResult().Match(line);
            if (match.Success)
            {
                _ = match.Groups[1].Value switch { "PASS" => passed++, "FAIL" => failed++, _ => skipped++ };
            }

            packageLine |= GoPackage().IsMatch(line);
        }

        return passed + failed + skipped > 0 || packageLine ? (passed, failed, skipped) : null;
    }

    private static (int, int, int) Words(string text, string[] pass, string[] fail, string[] skip)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (Match m in CountWord().Matches(text))
        {
            var word = m.Groups[2].Value;
            var n = Int(m.Groups[1]);
            if (pass.Contains(word, StringComparer.Ordinal))
            {
                passed += n;
            }
            else if (fail.Contains(word, StringComparer.Ordinal))
            {
                failed += n;
            }
            else if (skip.Contains(word, StringComparer.Ordinal))
            {
                skipped += n;
            }
        }

        return (passed, failed, skipped);
    }

    private static int Int(Group group) =>
        int.TryParse(group.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"^\s*Test summary:\s*total:\s*(?<t>\d+),\s*failed:\s*(?<f>\d+),\s*succeeded:\s*(?<p>\d+),\s*skipped:\s*(?<s>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex DotnetSummary();

    [GeneratedRegex(@"^\s*(?:Failed|Passed)!\s*-\s*Failed:\s*(?<f>\d+),\s*Passed:\s*(?<p>\d+),\s*Skipped:\s*(?<s>\d+)")]
    private static partial Regex DotnetProject();

    [GeneratedRegex(@"^=+ (.+?) in [\d.]+m?s\b.*=+\s*$")]
    private static partial Regex PytestSummary();

    [GeneratedRegex(@"^\s*Tests:\s+(.*\d+ total)")]
    private static partial Regex JestSummary();

    [GeneratedRegex(@"(\d+) ([a-z]+)")]
    private static partial Regex CountWord();

    [GeneratedRegex(@"^test result: (?:ok|FAILED)\. (?<p>\d+) passed; (?<f>\d+) failed; (?<s>\d+) ignored")]
    private static partial Regex Cargo();

    [GeneratedRegex(@"^\s*--- (PASS|FAIL|SKIP): \S+")]
    private static partial Regex GoResult();

    [GeneratedRegex(@"^(?:ok|FAIL)\s+\S+\s+(?:[\d.]+s|\(cached\)|\[)")]
    private static partial Regex GoPackage();
}
