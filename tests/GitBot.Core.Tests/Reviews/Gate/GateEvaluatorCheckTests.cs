using GitBot.Core.Reviews.Gate;
using static GitBot.Core.Tests.Reviews.Gate.GateScenario;

namespace GitBot.Core.Tests.Reviews.Gate;

public sealed class GateEvaluatorCheckTests
{
    [Fact]
    public void The_baseline_is_green()
    {
        var decision = GateEvaluator.Evaluate(Green());

        Assert.True(decision.Green);
        Assert.Equal(GateConclusion.Success, decision.Conclusion);
        Assert.Empty(decision.Missing);
        Assert.Equal("Ready to merge 1a2b3c4", decision.Title);
    }

    public static TheoryData<string, GateCheckRun[], GateConclusion, string> CheckCases() => new()
    {
        { "missing", [Check(1, "gitbot/security"), Check(3, "gitbot/judge")], GateConclusion.Pending, "gitbot/tests has not reported on 1a2b3c4" },
        { "failed", [Check(1, "gitbot/security"), Check(2, "gitbot/tests", "failure"), Check(3, "gitbot/judge")], GateConclusion.Failure, "gitbot/tests failed" },
        { "running", [Check(1, "gitbot/security"), Check(2, "gitbot/tests", status: "in_progress"), Check(3, "gitbot/judge")], GateConclusion.Pending, "gitbot/tests is still running on 1a2b3c4" },
        { "neutral", [Check(1, "gitbot/security"), Check(2, "gitbot/tests", "neutral"), Check(3, "gitbot/judge")], GateConclusion.Failure, "gitbot/tests ended neutral, not success" },
        { "older head", [Check(1, "gitbot/security"), Check(2, "gitbot/tests", sha: OldHead), Check(3, "gitbot/judge")], GateConclusion.Pending, "gitbot/tests has not reported on 1a2b3c4" },
        { "other app", [Check(1, "gitbot/security"), Check(2, "gitbot/tests", appId: 99), Check(3, "gitbot/judge")], GateConclusion.Pending, "gitbot/tests has not reported on 1a2b3c4" },
        { "newer run failed", [Check(1, "gitbot/security"), Check(2, "gitbot/tests"), Check(5, "gitbot/tests", "failure"), Check(3, "gitbot/judge")], GateConclusion.Failure, "gitbot/tests failed" },
    };

    [Theory]
    [MemberData(nameof(CheckCases))]
    public void Each_required_check_must_succeed_on_the_head_from_GitBots_app(string because, GateCheckRun[] checks, GateConclusion conclusion, string missing)
    {
        var decision = GateEvaluator.Evaluate(Green().WithChecks(checks));

        Assert.False(decision.Green, because);
        Assert.Equal(conclusion, decision.Conclusion);
        Assert.Equal([missing], decision.Missing);
        Assert.Contains(missing, decision.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_successful_run_replaces_an_older_failed_one()
    {
        var decision = GateEvaluator.Evaluate(Green().WithChecks(
            Check(1, "gitbot/security"), Check(2, "gitbot/tests", "failure"), Check(7, "gitbot/tests"), Check(3, "gitbot/judge")));

        Assert.True(decision.Green);
    }

    [Fact]
    public void A_failed_same_named_run_from_another_app_does_not_turn_a_green_gate_red()
    {
        var input = Green();
        var decision = GateEvaluator.Evaluate(input.WithChecks([.. input.CheckRuns, Check(9, "gitbot/tests", "failure", appId: 77)]));

        Assert.True(decision.Green);
        Assert.Contains("a check run named gitbot/tests from another GitHub App was ignored", decision.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_same_named_commit_status_never_satisfies_a_check()
    {
        var input = Green().WithChecks(Check(1, "gitbot/security"), Check(3, "gitbot/judge")) with
        {
            Statuses = [new GateCommitStatus("gitbot/tests", "success", "mallory")],
        };

        var decision = GateEvaluator.Evaluate(input);

        Assert.False(decision.Green);
        Assert.Equal(["gitbot/tests has not reported on 1a2b3c4"], decision.Missing);
        Assert.Contains("a commit status named gitbot/tests from mallory was ignored", decision.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_required_checks_replace_the_defaults()
    {
        var input = Green();
        input = input with { Policy = input.Policy with { RequiredChecks = ["gitbot/tests", "gitbot/lint"] } };

        var decision = GateEvaluator.Evaluate(input);

        Assert.Equal(["gitbot/lint has not reported on 1a2b3c4"], decision.Missing);
    }

    [Fact]
    public void Every_missing_thing_is_listed()
    {
        var decision = GateEvaluator.Evaluate(Green().WithChecks(Check(2, "gitbot/tests", "failure")).WithReviews());

        Assert.Equal(GateConclusion.Failure, decision.Conclusion);
        Assert.Equal(
            [
                "gitbot/security has not reported on 1a2b3c4",
                "gitbot/tests failed",
                "gitbot/judge has not reported on 1a2b3c4",
                "needs 1 more approval from a person with write access on 1a2b3c4",
            ],
            decision.Missing);
    }
}
