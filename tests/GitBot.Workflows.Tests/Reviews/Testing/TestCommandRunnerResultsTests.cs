using GitBot.Core.Reviews.TestResults;

namespace GitBot.Workflows.Tests.Reviews.Testing;

public sealed class TestCommandRunnerResultsTests
{
    private const string JUnitScript = """
        import os, sys
        os.makedirs("reports", exist_ok=True)
        with open("reports/junit.xml", "w") as f:
            f.write('''<?xml version="1.0" encoding="utf-8"?>
        <testsuites><testsuite name="pytest" tests="3">
          <testcase classname="tests.test_math" name="test_add"/>
          <testcase classname="tests.test_math" name="test_sub"/>
          <testcase classname="tests.test_math" name="test_division"><failure message="assert 0.5 == 2">def test_division(): assert 1 / 2 == 2</failure></testcase>
        </testsuite></testsuites>''')
        # Neither of these is the run's result: a dependency's own report, and a coverage report.
        os.makedirs("node_modules/dep", exist_ok=True)
        with open("node_modules/dep/junit.xml", "w") as f:
            f.write('<testsuite><testcase name="x"><failure message="no"/></testcase></testsuite>')
        with open("coverage.xml", "w") as f:
            f.write('<coverage line-rate="0.5"><packages/></coverage>')
        print("1 failed, 2 passed")
        sys.exit(1)
        """;

    [Fact]
    public async Task A_junit_report_with_a_failing_test_gives_the_counts_and_names_the_test()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var head = await sandbox.PushHeadAsync(new Dictionary<string, string> { ["run_tests.py"] = JUnitScript });

        var outcome = await sandbox.Runner.RunAsync(sandbox.Request(head, ["python3", "run_tests.py"]), CancellationToken.None);

        Assert.Equal(TestRunStatus.Completed, outcome.Status);
        Assert.Null(outcome.Error);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("python3 run_tests.py", outcome.Command);
        Assert.Equal("reports/junit.xml", outcome.ResultSource);
        var summary = Assert.IsType<TestRunSummary>(outcome.Summary);
        Assert.Equal((2, 1, 0), (summary.Passed, summary.Failed, summary.Skipped));
        var failure = Assert.Single(summary.Failures);
        Assert.Equal("tests.test_math.test_division", failure.Name);
        Assert.Equal("assert 0.5 == 2", failure.Message);
        Assert.Contains("1 failed, 2 passed", outcome.OutputTail, StringComparison.Ordinal);
        Assert.Empty(sandbox.LeftoverRunDirectories());
    }

    [Fact]
    public async Task Trx_files_of_two_test_projects_are_summed()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var head = await sandbox.PushHeadAsync(new Dictionary<string, string>
        {
            ["run_tests.sh"] = $"""
                #!/bin/sh
                mkdir -p src/A.Tests/TestResults src/B.Tests/TestResults
                cat > src/A.Tests/TestResults/a.trx <<'TRX'
                {Trx(("A.Tests.Adds", "Passed"), ("A.Tests.Subtracts", "Passed"), ("A.Tests.Divides", "Failed"))}
                TRX
                cat > src/B.Tests/TestResults/b.trx <<'TRX'
                {Trx(("B.Tests.Parses", "Passed"), ("B.Tests.Slow", "NotExecuted"), ("B.Tests.Formats", "Failed"))}
                TRX
                exit 1
                """,
        });

        var outcome = await sandbox.Runner.RunAsync(sandbox.Request(head, ["./run_tests.sh"]), CancellationToken.None);

        Assert.Equal(TestRunStatus.Completed, outcome.Status);
        var summary = Assert.IsType<TestRunSummary>(outcome.Summary);
        Assert.Equal((3, 2, 1), (summary.Passed, summary.Failed, summary.Skipped));
        Assert.Equal(["A.Tests.Divides", "B.Tests.Formats"], summary.Failures.Select(f => f.Name).Order(StringComparer.Ordinal));
        var sources = outcome.ResultSource!.Split(", ");
        Assert.Equal(["src/A.Tests/TestResults/a.trx", "src/B.Tests/TestResults/b.trx"], sources.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_a_result_file_written_by_the_run_the_runners_summary_line_is_read_from_the_output()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var head = await sandbox.PushHeadAsync(new Dictionary<string, string>
        {
            // Committed, and not rewritten by the run: it must not be read as the run's result.
            ["old-results/junit.xml"] = "<testsuite><testcase name=\"stale\"/><testcase name=\"stale2\"/></testsuite>",
            ["run_tests.py"] = """
                import sys
                print("============================= test session starts ==============================")
                print("tests/test_x.py ..F.                                                     [100%]")
                print("FAILED tests/test_x.py::test_y - assert 1 == 2")
                print("========================= 1 failed, 3 passed in 0.12s ==========================")
                sys.exit(1)
                """,
        });

        var outcome = await sandbox.Runner.RunAsync(sandbox.Request(head, ["python3", "run_tests.py"]), CancellationToken.None);

        Assert.Equal(TestRunStatus.Completed, outcome.Status);
        Assert.Equal("output", outcome.ResultSource);
        var summary = Assert.IsType<TestRunSummary>(outcome.Summary);
        Assert.Equal((3, 1, 0), (summary.Passed, summary.Failed, summary.Skipped));
        Assert.Contains(summary.Failures, f => f.Name.Contains("test_y", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_that_leaves_no_results_says_so()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var head = await sandbox.PushHeadAsync(new Dictionary<string, string> { ["run_tests.py"] = "import sys\nprint('nothing to see')\nprint('a warning', file=sys.stderr)\n" });

        var outcome = await sandbox.Runner.RunAsync(sandbox.Request(head, ["python3", "run_tests.py"]), CancellationToken.None);

        Assert.Equal(TestRunStatus.Completed, outcome.Status);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Null(outcome.Summary);
        Assert.Null(outcome.ResultSource);
        Assert.StartsWith("no test results found", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(["a warning", "nothing to see"], outcome.OutputTail.Split('\n').Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_output_tail_keeps_the_last_lines_scrubbed_and_capped()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var token = "ghp_" + new string('x', 36);
        var head = await sandbox.PushHeadAsync(new Dictionary<string, string>
        {
            ["run_tests.py"] = $$"""
                for i in range(5000):
                    print(f"line {i}", flush=True)
                print("leaked {{token}}", flush=True)
                """,
        });

        var outcome = await sandbox.Runner.RunAsync(sandbox.Request(head, ["python3", "run_tests.py"]), CancellationToken.None);

        Assert.StartsWith("[... earlier output omitted]\n", outcome.OutputTail, StringComparison.Ordinal);
        Assert.Contains("line 4999\n", outcome.OutputTail, StringComparison.Ordinal);
        Assert.DoesNotContain("line 4000\n", outcome.OutputTail, StringComparison.Ordinal);
        Assert.DoesNotContain(token, outcome.OutputTail, StringComparison.Ordinal);
        Assert.Contains("leaked [REDACTED]", outcome.OutputTail, StringComparison.Ordinal);
        Assert.True(outcome.OutputTail.Split('\n').Length <= sandbox.RunOptions.OutputTailLines + 1, outcome.OutputTail);
    }

    private static string Trx(params (string Name, string Outcome)[] results)
    {
        var items = string.Join("\n", results.Select(r => r.Outcome == "Failed"
            ? $"""<UnitTestResult testName="{r.Name}" outcome="Failed"><Output><ErrorInfo><Message>Assert.Equal() Failure</Message></ErrorInfo></Output></UnitTestResult>"""
            : $"""<UnitTestResult testName="{r.Name}" outcome="{r.Outcome}" />"""));
        return $"""<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>{items}</Results></TestRun>""";
    }
}
