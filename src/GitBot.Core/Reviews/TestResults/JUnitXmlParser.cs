using System.Xml.Linq;

namespace GitBot.Core.Reviews.TestResults;

/// <summary>
/// Reads JUnit-style XML (<c>&lt;testsuites&gt;</c> or a single <c>&lt;testsuite&gt;</c>, suites nested to any
/// depth), as written by pytest, jest-junit, go-junit-report, Maven Surefire and others. A <c>testcase</c> with a
/// <c>failure</c> or <c>error</c> child failed, with <c>skipped</c> was skipped, otherwise passed.
/// </summary>
public static class JUnitXmlParser
{
    /// <summary>Parses the contents of a JUnit XML file. Never throws on bad input.</summary>
    public static TestResultsParse Parse(string xml)
    {
        var document = SafeXml.Load(xml, out var error);
        if (document is null)
        {
            return TestResultsParse.Fail(error!);
        }

        var root = document.Root!;
        if (root.Name.LocalName is not ("testsuites" or "testsuite"))
        {
            return TestResultsParse.Fail($"not a JUnit XML file: the root element is <{root.Name.LocalName}>, expected <testsuites> or <testsuite>");
        }

        int passed = 0, failed = 0, skipped = 0;
        var failures = new List<TestFailure>();
        foreach (var testCase in root.DescendantsAndSelf().Where(e => e.Name.LocalName == "testcase"))
        {
            var problem = testCase.Elements().FirstOrDefault(e => e.Name.LocalName is "failure" or "error");
            if (problem is not null)
            {
                failed++;
                var output = string.Join("\n", new[] { problem.Value, Child(testCase, "system-out"), Child(testCase, "system-err") }
                    .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
                var message = SafeXml.Attr(problem, "message") ?? SafeXml.Attr(problem, "type") ?? string.Empty;
                TestResultLimits.Add(failures, Name(testCase), message, output);
            }
            else if (testCase.Elements().Any(e => e.Name.LocalName == "skipped"))
            {
                skipped++;
            }
            else
            {
                passed++;
            }
        }

        return new TestResultsParse(new TestRunSummary(passed, failed, skipped, failures), null);
    }

    private static string Name(XElement testCase)
    {
        var name = SafeXml.Attr(testCase, "name") ?? "(unnamed test)";
        var className = SafeXml.Attr(testCase, "classname");
        return string.IsNullOrEmpty(className) || name.StartsWith(className, StringComparison.Ordinal) ? name : className + "." + name;
    }

    private static string? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
}
