using GitBot.Core.Reviews.TestResults;

namespace GitBot.Core.Tests.Reviews.TestResults;

public sealed class RunnerOutputTests
{
    private const string Dotnet = """
          Determining projects to restore...
          Failed Calc.Tests.Divides [12 ms]
          Error Message:
           Assert.Equal() Failure: Values differ
        Expected: 2
        Actual:   3
          Stack Trace:
             at Calc.Tests.Divides() in /src/CalcTests.cs:line 12
          Passed Calc.Tests.Adds [1 ms]

        Failed!  - Failed:     1, Passed:     2, Skipped:     0, Total:     3, Duration: 5 ms - Calc.Tests.dll (net10.0)
        Passed!  - Failed:     0, Passed:     4, Skipped:     1, Total:     5, Duration: 5 ms - Other.Tests.dll (net10.0)
        """;

    private const string Pytest = """
        ============================= test session starts ==============================
        tests/test_calc.py .F.s                                                   [100%]
        =========================== short test summary info ============================
        FAILED tests/test_calc.py::test_divide - assert 3 == 2
        ============== 1 failed, 2 passed, 1 skipped, 3 warnings in 0.12s ===============
        """;

    private const string Jest = """
         FAIL  src/calc.test.js
          ● calc › divides

            expect(received).toBe(expected)

            Expected: 2
            Received: 3

        Test Suites: 1 failed, 1 total
        Tests:       1 failed, 1 skipped, 2 passed, 4 total
        Snapshots:   0 total
        """;

    private const string Go = """
        === RUN   TestAdd
        --- PASS: TestAdd (0.00s)
        === RUN   TestDivide
        --- FAIL: TestDivide (0.00s)
            calc_test.go:12: expected 2, got 3
        === RUN   TestLater
            calc_test.go:20: not yet
        --- SKIP: TestLater (0.00s)
        FAIL
        FAIL	example.com/calc	0.004s
        """;

    private const string Cargo = """
        running 3 tests
        test tests::adds ... ok
        test tests::divides ... FAILED
        test tests::later ... ignored

        failures:

        ---- tests::divides stdout ----
        thread 'tests::divides' panicked at src/lib.rs:12:9:
        assertion `left == right` failed

        failures:
            tests::divides

        test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s

        running 2 tests
        test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
        """;

    public static TheoryData<string, string, int, int, int, string, string> Outputs() => new()
    {
        { "dotnet", Dotnet, 6, 1, 1, "Calc.Tests.Divides", "Assert.Equal() Failure: Values differ\nExpected: 2\nActual:   3" },
        { "dotnet total", "Test summary: total: 7, failed: 2, succeeded: 4, skipped: 1, duration: 1.2s", 4, 2, 1, "", "" },
        { "pytest", Pytest, 2, 1, 1, "tests/test_calc.py::test_divide", "assert 3 == 2" },
        { "xunit-style banner", "== 3 passed, 1 failed in 0.12s ==", 3, 1, 0, "", "" },
        { "jest", Jest, 2, 1, 1, "calc › divides", "expect(received).toBe(expected)" },
        { "go", Go, 1, 1, 1, "TestDivide", "calc_test.go:12: expected 2, got 3" },
        { "cargo", Cargo, 3, 1, 1, "tests::divides", "thread 'tests::divides' panicked at src/lib.rs:12:9:" },
        { "ansi colours", "\u001b[31m===== \u001b[1m2 failed\u001b[0m, 5 passed in 1.00s =====\u001b[0m", 5, 2, 0, "", "" },
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Summary_lines_and_failures_are_read(string runner, string output, int passed, int failed, int skipped, string firstFailure, string message)
    {
        var result = RunnerOutputParser.Parse(output);

        Assert.True(result.Error is null, runner + ": " + result.Error);
        var summary = result.Summary!;
        Assert.Equal((passed, failed, skipped), (summary.Passed, summary.Failed, summary.Skipped));
        if (firstFailure.Length == 0)
        {
            Assert.Empty(summary.Failures);
            return;
        }

        Assert.Equal(firstFailure, summary.Failures[0].Name);
        Assert.Equal(message, summary.Failures[0].Message);
        Assert.Single(summary.Failures);
    }

    [Fact]
    public void Failure_output_is_the_block_under_the_failure()
    {
        var failure = RunnerOutputParser.Parse(Dotnet).Summary!.Failures[0];

        Assert.Contains("at Calc.Tests.Divides() in /src/CalcTests.cs:line 12", failure.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Passed Calc.Tests.Adds", failure.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Build succeeded.\n    0 Warning(s)\n")]
    [InlineData("=== this is a banner without counts ===")]
    public void Output_without_a_summary_is_a_value_saying_why(string output)
    {
        var result = RunnerOutputParser.Parse(output);

        Assert.Null(result.Summary);
        Assert.Equal("no test summary line found in the runner's output (dotnet test, pytest, jest, cargo test or go test)", result.Error);
    }

    [Fact]
    public void Failures_named_twice_are_listed_once()
    {
        var result = RunnerOutputParser.Parse(Jest + "\nSummary of all failing tests\n ● calc › divides\n\n    expect(received)\nTests:       1 failed, 2 passed, 3 total\n");

        Assert.Equal(["calc › divides"], result.Summary!.Failures.Select(f => f.Name));
    }
}
