using System.Xml.Linq;

namespace GitBot.Core.Reviews.TestResults;

/// <summary>
/// Reads a Visual Studio test results file (<c>.trx</c>, namespace
/// <c>http://microsoft.com/schemas/VisualStudio/TeamTest/2010</c>), as written by <c>dotnet test --logger trx</c>.
/// Counts the top-level <c>UnitTestResult</c>s (data-driven inner results are not counted twice); when there are none,
/// falls back to <c>ResultSummary/Counters</c>.
/// </summary>
public static class TrxParser
{
    /// <summary>The TRX XML namespace.</summary>
    public const string Namespace = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private static readonly XNamespace Ns = Namespace;

    /// <summary>Parses the contents of a TRX file. Never throws on bad input.</summary>
    public static TestResultsParse Parse(string xml)
    {
        var document = SafeXml.Load(xml, out var error);
        if (document is null)
        {
            return TestResultsParse.Fail(error!);
        }

        var root = document.Root!;
        if (root.Name != Ns + "TestRun")
        {
            return TestResultsParse.Fail($"not a TRX file: the root element is <{root.Name.LocalName}> in namespace \"{root.Name.NamespaceName}\", expected <TestRun> in \"{Namespace}\"");
        }

        var results = root.Elements(Ns + "Results").Elements(Ns + "UnitTestResult").ToList();
        if (results.Count == 0)
        {
            var counters = root.Element(Ns + "ResultSummary")?.Element(Ns + "Counters");
            return counters is null
                ? new TestResultsParse(new TestRunSummary(0, 0, 0, []), null)
                : new TestResultsParse(FromCounters(counters), null);
        }

        int passed = 0, failed = 0, skipped = 0;
        var failures = new List<TestFailure>();
        foreach (var result in results)
        {
            switch (SafeXml.Attr(result, "outcome"))
            {
                case "Passed" or "PassedButRunAborted" or "Warning":
                    passed++;
                    break;
                case "Failed" or "Error" or "Timeout" or "Aborted":
                    failed++;
                    var output = result.Element(Ns + "Output");
                    var info = output?.Element(Ns + "ErrorInfo");
                    var details = string.Join("\n", new[] { info?.Element(Ns + "StackTrace")?.Value, output?.Element(Ns + "StdOut")?.Value, output?.Element(Ns + "StdErr")?.Value }
                        .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
                    TestResultLimits.Add(failures, SafeXml.Attr(result, "testName") ?? "(unnamed test)", info?.Element(Ns + "Message")?.Value, details);
                    break;
                default:
                    skipped++;
                    break;
            }
        }

        return new TestResultsParse(new TestRunSummary(passed, failed, skipped, failures), null);
    }

    private static TestRunSummary FromCounters(XElement counters)
    {
        var passed = SafeXml.IntAttr(counters, "passed");
        var failed = SafeXml.IntAttr(counters, "failed") + SafeXml.IntAttr(counters, "error") + SafeXml.IntAttr(counters, "timeout") + SafeXml.IntAttr(counters, "aborted");
        var skipped = Math.Max(0, SafeXml.IntAttr(counters, "total") - passed - failed);
        return new TestRunSummary(passed, failed, skipped, []);
    }
}
