using System.Text.RegularExpressions;

namespace GitBot.Core.Reviews.TestResults;

/// <summary>Finds the failed tests named in runner output, each with the lines that follow it as its output.</summary>
internal static partial class RunnerFailures
{
    public static List<TestFailure> Read(string[] lines)
    {
        var failures = new List<TestFailure>();
        for (var i = 0; i < lines.Length && failures.Count < TestResultLimits.MaxFailures; i++)
        {
            var line = lines[i];
            Match m;
            if ((m = DotnetFailed().Match(line)).Success)
            {
                var block = Block(lines, i + 1, l => DotnetTestLine().IsMatch(l) || DotnetEnd().IsMatch(l));
                var message = block.SkipWhile(l => !l.Trim().Equals("Error Message:", StringComparison.Ordinal)).Skip(1)
                    .TakeWhile(l => !l.Trim().Equals("Stack Trace:", StringComparison.Ordinal)).Select(l => l.Trim());
                TestResultLimits.Add(failures, m.Groups[1].Value, string.Join("\n", message), string.Join("\n", block));
            }
            else if ((m = PytestFailed().Match(line)).Success)
            {
                TestResultLimits.Add(failures, m.Groups[1].Value, m.Groups[2].Value, null);
            }
            else if ((m = JestFailed().Match(line)).Success)
            {
                var block = Block(lines, i + 1, l => JestFailed().IsMatch(l) || l.StartsWith("Test Suites:", StringComparison.Ordinal));
                TestResultLimits.Add(failures, m.Groups[1].Value.Trim(), block.FirstOrDefault(l => l.Trim().Length > 0)?.Trim(), string.Join("\n", block));
            }
            else if ((m = GoFailed().Match(line)).Success)
            {
                var indent = line.Length - line.TrimStart().Length;
                var block = Block(lines, i + 1, l => l.Trim().Length > 0 && l.Length - l.TrimStart().Length <= indent);
                TestResultLimits.Add(failures, m.Groups[1].Value, block.FirstOrDefault(l => l.Trim().Length > 0)?.Trim(), string.Join("\n", block));
            }
            else if ((m = CargoFailed().Match(line)).Success)
            {
                var block = Block(lines, i + 1, l => l.StartsWith("---- ", StringComparison.Ordinal) || l.StartsWith("failures:", StringComparison.Ordinal) || l.StartsWith("test result:", StringComparison.Ordinal));
                var message = block.FirstOrDefault(l => l.Contains("panicked at", StringComparison.Ordinal)) ?? block.FirstOrDefault(l => l.Trim().Length > 0);
                TestResultLimits.Add(failures, m.Groups[1].Value, message?.Trim(), string.Join("\n", block));
            }
        }

        return failures;
    }

    /// <summary>The lines from <paramref name="start"/> up to (not including) the first that ends the block, trailing blanks dropped.</summary>
    private static List<string> Block(string[] lines, int start, Func<string, bool> ends)
    {
        var block = new List<string>();
        for (var i = start; i < lines.Length && !ends(lines[i]) && block.Count < 200; i++)
        {
            block.Add(lines[i]);
        }

        while (block.Count > 0 && block[^1].Trim().Length == 0)
        {
            block.RemoveAt(block.Count - 1);
        }

        return block;
    }

    [GeneratedRegex(@"^\s*Failed (\S.*?) \[[^\]]*\]\s*$")]
    private static partial Regex DotnetFailed();

    [GeneratedRegex(@"^\s*(?:Failed|Passed|Skipped) \S.*? \[[^\]]*\]\s*$|^\s*(?:Failed|Passed)!\s*-")]
    private static partial Regex DotnetTestLine();

    [GeneratedRegex(@"^\s*(?:Total tests:|Test Run Failed|Test summary:)")]
    private static partial Regex DotnetEnd();

    [GeneratedRegex(@"^(?:FAILED|ERROR) (\S+)(?: - (.*))?$")]
    private static partial Regex PytestFailed();

    [GeneratedRegex(@"^\s*● (.+)$")]
    private static partial Regex JestFailed();

    [GeneratedRegex(@"^\s*--- FAIL: (\S+)")]
    private static partial Regex GoFailed();

    [GeneratedRegex(@"^---- (\S+) stdout ----\s*$")]
    private static partial Regex CargoFailed();
}
