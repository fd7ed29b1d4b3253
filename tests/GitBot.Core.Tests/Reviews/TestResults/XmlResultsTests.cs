using GitBot.Core.Reviews.TestResults;

namespace GitBot.Core.Tests.Reviews.TestResults;

public sealed class XmlResultsTests
{
    private const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="1" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult testName="Calc.Adds" outcome="Passed" />
            <UnitTestResult testName="Calc.Divides" outcome="Failed">
              <Output>
                <StdOut>dividing 1 by 0</StdOut>
                <ErrorInfo><Message>Assert.Equal() Failure: expected 2, actual 3</Message><StackTrace>at Calc.Divides() in CalcTests.cs:line 12</StackTrace></ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult testName="Calc.Later" outcome="NotExecuted" />
            <UnitTestResult testName="Calc.Rows" outcome="Passed">
              <InnerResults><UnitTestResult testName="Calc.Rows(1)" outcome="Passed" /></InnerResults>
            </UnitTestResult>
          </Results>
          <ResultSummary outcome="Failed"><Counters total="99" passed="99" failed="0" /></ResultSummary>
        </TestRun>
        """;

    [Fact]
    public void Trx_results_are_counted_and_failures_carry_message_and_output()
    {
        var result = TrxParser.Parse(Trx);

        Assert.Null(result.Error);
        var summary = result.Summary!;
        Assert.Equal((2, 1, 1), (summary.Passed, summary.Failed, summary.Skipped));
        var failure = Assert.Single(summary.Failures);
        Assert.Equal("Calc.Divides", failure.Name);
        Assert.Equal("Assert.Equal() Failure: expected 2, actual 3", failure.Message);
        Assert.Equal("at Calc.Divides() in CalcTests.cs:line 12\ndividing 1 by 0", failure.Output);
    }

    [Fact]
    public void Trx_without_results_falls_back_to_the_counters()
    {
        var result = TrxParser.Parse("""<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><ResultSummary><Counters total="5" passed="3" failed="1" error="0" /></ResultSummary></TestRun>""");

        Assert.Equal((3, 1, 1), (result.Summary!.Passed, result.Summary.Failed, result.Summary.Skipped));
    }

    public static TheoryData<string, string, string> Malformed() => new()
    {
        { "trx", "<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\"><Results>", "the XML does not parse" },
        { "trx", "<TestRun><Results/></TestRun>", "not a TRX file: the root element is <TestRun> in namespace \"\"" },
        { "trx", "", "the XML does not parse" },
        { "junit", "<testsuites><testsuite><testcase name='a'></testsuite>", "the XML does not parse" },
        { "junit", "<html><body/></html>", "not a JUnit XML file: the root element is <html>" },
        { "junit", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite><testcase name=\"&e;\"/></testsuite>", "the XML does not parse" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_xml_is_a_value_saying_why(string format, string xml, string error)
    {
        var result = format == "trx" ? TrxParser.Parse(xml) : JUnitXmlParser.Parse(xml);

        Assert.Null(result.Summary);
        Assert.StartsWith(error, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_nested_suites_are_all_counted()
    {
        var result = JUnitXmlParser.Parse("""
            <testsuites>
              <testsuite name="outer">
                <testcase classname="pkg.A" name="ok" />
                <testsuite name="inner">
                  <testcase classname="pkg.B" name="breaks"><failure message="expected 1 got 2" type="AssertionError">Traceback line</failure><system-out>printed</system-out></testcase>
                  <testcase classname="pkg.B" name="crashes"><error message="boom" /></testcase>
                  <testcase classname="pkg.B" name="later"><skipped /></testcase>
                </testsuite>
              </testsuite>
            </testsuites>
            """);

        Assert.Null(result.Error);
        var summary = result.Summary!;
        Assert.Equal((1, 2, 1), (summary.Passed, summary.Failed, summary.Skipped));
        Assert.Equal(["pkg.B.breaks", "pkg.B.crashes"], summary.Failures.Select(f => f.Name));
        Assert.Equal("expected 1 got 2", summary.Failures[0].Message);
        Assert.Equal("Traceback line\nprinted", summary.Failures[0].Output);
        Assert.Equal("boom", summary.Failures[1].Message);
    }

    [Fact]
    public void A_single_testsuite_root_is_read()
    {
        var result = JUnitXmlParser.Parse("""<testsuite><testcase name="t1"/><testcase name="t2"><failure>x</failure></testcase></testsuite>""");

        Assert.Equal((1, 1, 0), (result.Summary!.Passed, result.Summary.Failed, result.Summary.Skipped));
        Assert.Equal("t2", result.Summary.Failures[0].Name);
    }

    [Fact]
    public void Failures_are_capped_in_number_and_size_and_scrubbed()
    {
        var cases = string.Concat(Enumerable.Range(0, 25).Select(i =>
            $"<testcase name=\"t{i}\"><failure message=\"m{i}\">{new string('x', 10_000)} ghp_abcdefghijklmnopqrstuvwxyz0123456789</failure></testcase>"));
        var secretFirst = "<testcase name=\"s\"><failure message=\"token ghp_abcdefghijklmnopqrstuvwxyz0123456789\">AKIAABCDEFGHIJKLMNOP</failure></testcase>";

        var result = JUnitXmlParser.Parse($"<testsuite>{secretFirst}{cases}</testsuite>");

        var summary = result.Summary!;
        Assert.Equal(26, summary.Failed);
        Assert.Equal(TestResultLimits.MaxFailures, summary.Failures.Count);
        Assert.Equal("token [REDACTED]", summary.Failures[0].Message);
        Assert.Equal("[REDACTED]", summary.Failures[0].Output);
        Assert.All(summary.Failures.Skip(1), f => Assert.Equal(TestResultLimits.MaxOutputChars + "\n[... truncated]".Length, f.Output!.Length));
    }
}
