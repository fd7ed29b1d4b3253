namespace GitBot.Core.Reviews.Gate;

/// <summary>Everything the gate looks at for one pull request, as fetched from GitHub just before evaluating.</summary>
/// <param name="HeadSha">The PR's current head commit; only checks and approvals on it count.</param>
/// <param name="Author">The PR author's login.</param>
/// <param name="LastPusher">Who pushed the head (null when unknown); they cannot approve their own push.</param>
/// <param name="Policy">Requirements and GitBot's identities.</param>
/// <param name="TouchesWorkflowsOrCodeowners">True when the diff changes <c>.github/workflows/</c> or a CODEOWNERS file: at least one human approval is then required whatever the config says.</param>
/// <param name="CheckRuns">Check runs on the head (others are ignored, so passing more is harmless).</param>
/// <param name="Statuses">Commit statuses on the head.</param>
/// <param name="Reviews">All reviews of the PR, any commit, any order.</param>
/// <param name="Permissions">Each reviewer's repository permission by login (case-insensitive lookup is done by the gate); missing means none.</param>
public sealed record GateInput(
    string HeadSha,
    string Author,
    string? LastPusher,
    GatePolicy Policy,
    bool TouchesWorkflowsOrCodeowners,
    IReadOnlyList<GateCheckRun> CheckRuns,
    IReadOnlyList<GateCommitStatus> Statuses,
    IReadOnlyList<GateReview> Reviews,
    IReadOnlyDictionary<string, RepositoryPermission> Permissions);
