using GitBot.Core.Reviews.Gate;

namespace GitBot.Core.Tests.Reviews.Gate;

/// <summary>A green pull request to start from; each test changes one thing.</summary>
internal static class GateScenario
{
    public const string Head = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
    public const string OldHead = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
    public const long AppId = 4242;
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static GateInput Green() => new(
        Head,
        Author: "gitbot[bot]",
        LastPusher: "gitbot-agent",
        GatePolicy.Default(AppId, ["gitbot[bot]"], ["gitbot-agent", "gitbot-security"]),
        TouchesWorkflowsOrCodeowners: false,
        [Check(1, "gitbot/security"), Check(2, "gitbot/tests"), Check(3, "gitbot/judge")],
        [],
        [Review(10, "maria", GateReviewState.Approved)],
        new Dictionary<string, RepositoryPermission>(StringComparer.Ordinal) { ["maria"] = RepositoryPermission.Write, ["olaf"] = RepositoryPermission.Admin });

    public static GateCheckRun Check(long id, string name, string conclusion = "success", long appId = AppId, string sha = Head, string status = "completed") =>
        new(id, name, sha, appId, status, status == "completed" ? conclusion : null);

    public static GateReview Review(long id, string login, GateReviewState state, string sha = Head, int minute = 0, string type = "User") =>
        new(id, login, type, state, sha, T0.AddMinutes(minute));

    public static GateInput WithReviews(this GateInput input, params GateReview[] reviews) => input with { Reviews = reviews };

    public static GateInput WithChecks(this GateInput input, params GateCheckRun[] checks) => input with { CheckRuns = checks };

    public static GateInput WithPermission(this GateInput input, string login, RepositoryPermission permission) =>
        input with { Permissions = new Dictionary<string, RepositoryPermission>(input.Permissions, StringComparer.Ordinal) { [login] = permission } };
}
