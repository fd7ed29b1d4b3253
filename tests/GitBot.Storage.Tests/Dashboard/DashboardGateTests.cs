using GitBot.Core.Dashboard;
using GitBot.Core.Plans;
using GitBot.Core.Reviews.Gate;
using GitBot.Core.Reviews.Reports;
using GitBot.Core.Reviews.Runs;
using GitBot.Storage.Dashboard;
using GitBot.Storage.Reviews;
using static GitBot.Storage.Tests.Plans.PlanTestData;

namespace GitBot.Storage.Tests.Dashboard;

/// <summary>The issue page's gate: the stored <c>gitbot/gate</c> decision for the current head, else the derived one.</summary>
public sealed class DashboardGateTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task The_stored_gate_wins_over_the_derived_one_and_moves_the_fingerprint(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (plans, time) = NewStore(db);
        var reviews = new SqlReviewRunStore(db.Connections, time);
        var gates = new SqlGateRecordStore(db.Connections, time);
        var plan = (await plans.CreateAsync(NewPlan(), None)).Plan;
        var current = (await plans.GetAsync(plan.Id, None))!.Plan;
        Assert.True(await plans.ApplyAsync(new PlanChange(current.Version, current with { PullRequestNumber = 40, State = PlanState.Running }, [], []), None));
        var security = await reviews.RequestAsync(new NewReviewRun(1, Repository, 40, "head1", ReviewAgentKind.Security), false, None);
        await reviews.CompleteAsync(security.Run.Id, security.Run.Attempt, null, "success", "No findings", None);
        var queries = new SqlDashboardQueries(db.Connections, plans);

        // Only the review checks: every one passed, so the derived gate is green, and nothing is stored.
        var derived = await queries.GetIssueAsync(Repository, Issue, 10, None);
        Assert.Equal(GateStatus.Success, derived.Gate);
        Assert.Null(derived.StoredGate);
        var before = await queries.GetFingerprintAsync(Repository, Issue, None);
        Assert.Equal(0, before.GateUpdatedAt);

        // The real gate still waits for an approval.
        time.Now = T0.AddSeconds(1);
        await gates.UpsertAsync(Repository, 40, "head1", GateConclusion.Pending, "1 more approval", None);
        var stored = await queries.GetIssueAsync(Repository, Issue, 10, None);
        Assert.Equal(GateStatus.Pending, stored.Gate);
        Assert.Equal(("head1", "1 more approval"), (stored.StoredGate!.HeadSha, stored.StoredGate.Summary));
        var afterWrite = await queries.GetFingerprintAsync(Repository, Issue, None);
        Assert.NotEqual(before, afterWrite);
        Assert.Equal(Ms(T0.AddSeconds(1)).ToUnixTimeMilliseconds(), afterWrite.GateUpdatedAt);

        // A rewrite with the same clock still moves the fingerprint.
        await gates.UpsertAsync(Repository, 40, "head1", GateConclusion.Failure, "changes requested by alice", None);
        Assert.NotEqual(afterWrite, await queries.GetFingerprintAsync(Repository, Issue, None));
        Assert.Equal(GateStatus.Failure, (await queries.GetIssueAsync(Repository, Issue, 10, None)).Gate);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_stored_gate_for_an_older_head_falls_back_to_the_derived_gate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (plans, time) = NewStore(db);
        var reviews = new SqlReviewRunStore(db.Connections, time);
        var gates = new SqlGateRecordStore(db.Connections, time);
        var plan = (await plans.CreateAsync(NewPlan(), None)).Plan;
        var current = (await plans.GetAsync(plan.Id, None))!.Plan;
        Assert.True(await plans.ApplyAsync(new PlanChange(current.Version, current with { PullRequestNumber = 40, State = PlanState.Running }, [], []), None));
        await gates.UpsertAsync(Repository, 40, "head1", GateConclusion.Success, "All requirements met", None);

        // A new head was pushed and reviewed after the gate was written; the gate has not been recomputed yet.
        time.Now = T0.AddMinutes(1);
        var tests = await reviews.RequestAsync(new NewReviewRun(1, Repository, 40, "head2", ReviewAgentKind.Tests), false, None);
        await reviews.CompleteAsync(tests.Run.Id, tests.Run.Attempt, null, "failure", "2 tests failed", None);
        var queries = new SqlDashboardQueries(db.Connections, plans);

        var detail = await queries.GetIssueAsync(Repository, Issue, 10, None);
        Assert.Null(detail.StoredGate);
        Assert.Equal(GateStatus.Failure, detail.Gate);
    }
}
