using System.Xml;
using GitBot.Core.Reviews.TestResults;

namespace GitBot.Workflows.Reviews.Testing;

/// <summary>What the result files of one run held: their summed counts (null when none was read), where from, and the problems met.</summary>
internal sealed record ResultFiles(TestRunSummary? Summary, IReadOnlyList<string> Sources, IReadOnlyList<string> Problems);

/// <summary>
/// Reads the result files a run wrote (newest first) and sums them: several test projects write several TRX files.
/// A <c>*.xml</c> counts only when its root element is <c>testsuites</c> or <c>testsuite</c> (coverage reports and other
/// XML are passed over after reading their first element). Bounded by <see cref="TestRunOptions.MaxResultFiles"/> files
/// read and <see cref="TestRunOptions.MaxResultBytes"/> bytes.
/// </summary>
internal static class ResultFileReader
{
    private static readonly XmlReaderSettings PeekSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    public static async Task<ResultFiles> ReadAsync(string root, IReadOnlyList<FileInfo> written, TestRunOptions options, CancellationToken cancellationToken)
    {
        int passed = 0, failed = 0, skipped = 0;
        var failures = new List<TestFailure>();
        var sources = new List<string>();
        var problems = new List<string>();
        var budget = options.MaxResultBytes;
        foreach (var file in written)
        {
            if (sources.Count >= options.MaxResultFiles)
            {
                problems.Add($"more than {options.MaxResultFiles} result files; the oldest were not read");
                break;
            }

            var relative = ResultFileScanner.Relative(root, file);
            var trx = file.Name.EndsWith(".trx", StringComparison.OrdinalIgnoreCase);
            if (!trx && !IsJUnit(file))
            {
                continue;
            }

            if (file.Length > budget)
            {
                problems.Add($"{relative}: {file.Length} bytes is over the {options.MaxResultBytes}-byte limit on result files");
                continue;
            }

            string text;
            try
            {
                text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{relative}: could not be read ({ex.Message})");
                continue;
            }

            budget -= file.Length;
            var parse = trx ? TrxParser.Parse(text) : JUnitXmlParser.Parse(text);
            if (parse.Summary is not { } summary)
            {
                problems.Add($"{relative}: {parse.Error}");
                continue;
            }

            passed += summary.Passed;
            failed += summary.Failed;
            skipped += summary.Skipped;
            failures.AddRange(summary.Failures.Take(TestResultLimits.MaxFailures - failures.Count));
            sources.Add(relative);
        }

        var total = sources.Count == 0 ? null : new TestRunSummary(passed, failed, skipped, failures);
        return new ResultFiles(total, sources, problems);
    }

    /// <summary>True when the file's root element is JUnit's; reads only up to that element.</summary>
    private static bool IsJUnit(FileInfo file)
    {
        try
        {
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096);
            using var reader = XmlReader.Create(stream, PeekSettings);
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName is "testsuites" or "testsuite";
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
