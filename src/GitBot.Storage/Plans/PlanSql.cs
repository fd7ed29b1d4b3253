using System.Globalization;

namespace GitBot.Storage.Plans;

/// <summary>
/// The plan store's statements. Identical on both providers except the exact decimal <c>cost_usd</c>: PostgreSQL keeps
/// it as <c>numeric</c> and it travels as text both ways, SQLite keeps the invariant decimal text as it is.
/// </summary>
internal sealed class PlanSql
{
    public const string SelectPlans =
        "SELECT id AS Id, installation_id AS InstallationId, repository AS Repository, issue_number AS IssueNumber, " +
        "issue_title AS IssueTitle, state AS State, version AS Version, trigger_label AS TriggerLabel, " +
        "requested_by AS RequestedBy, default_branch AS DefaultBranch, clone_url AS CloneUrl, " +
        "config_snapshot AS ConfigSnapshot, plan_comment_id AS PlanCommentId, pull_request_number AS PullRequestNumber, " +
        "reason AS Reason, created_at AS CreatedAt, updated_at AS UpdatedAt FROM plans ";

    public const string WhereId = "WHERE id = @id";

    public const string WhereActive = "WHERE active_key = @key";

    public const string WhereLatest = "WHERE repository = @repository AND issue_number = @issueNumber ORDER BY id DESC LIMIT 1";

    public const string WhereUnfinished = "WHERE active_key IS NOT NULL ORDER BY id";

    // ON CONFLICT on the unique active_key: a concurrent create that got there first makes this insert nothing
    // (PostgreSQL waits for that transaction to end, then skips), so no exception is part of the normal path.
    public const string InsertPlan =
        "INSERT INTO plans (installation_id, repository, issue_number, issue_title, state, version, trigger_label, " +
        "requested_by, default_branch, clone_url, config_snapshot, active_key, created_at, updated_at) " +
        "VALUES (@InstallationId, @Repository, @IssueNumber, @IssueTitle, @State, 1, @TriggerLabel, @RequestedBy, " +
        "@DefaultBranch, @CloneUrl, @ConfigSnapshot, @ActiveKey, @Now, @Now) " +
        "ON CONFLICT (active_key) DO NOTHING RETURNING id";

    // The version check is the whole concurrency control: a writer whose snapshot is stale updates no row.
    // Repository, issue number and creation time identify the plan and are never rewritten.
    public const string UpdatePlan =
        "UPDATE plans SET installation_id = @InstallationId, issue_title = @IssueTitle, state = @State, " +
        "version = version + 1, trigger_label = @TriggerLabel, requested_by = @RequestedBy, " +
        "default_branch = @DefaultBranch, clone_url = @CloneUrl, config_snapshot = @ConfigSnapshot, " +
        "plan_comment_id = @PlanCommentId, pull_request_number = @PullRequestNumber, reason = @Reason, " +
        "active_key = @ActiveKey, updated_at = @UpdatedAt WHERE id = @Id AND version = @ExpectedVersion";

    public const string InsertAudit =
        "INSERT INTO audit_log (at, actor, action, subject, details, delivery_id) VALUES (@At, @Actor, @Action, @Subject, @Details, @DeliveryId)";

    public PlanSql(bool postgres)
    {
        var costIn = postgres ? "CAST(@CostUsd AS numeric)" : "@CostUsd";
        var costOut = postgres ? "CAST(cost_usd AS text)" : "cost_usd";
        SelectTasks =
            "SELECT plan_id AS PlanId, task_id AS TaskId, ordinal AS Ordinal, title AS Title, role AS Role, " +
            "instructions AS Instructions, depends_on AS DependsOn, files AS Files, state AS State, attempt AS Attempt, " +
            $"started_at AS StartedAt, finished_at AS FinishedAt, {costOut} AS CostUsd, commit_sha AS CommitSha, " +
            "reason AS Reason, log_path AS LogPath, node AS Node FROM plan_tasks ";
        UpsertTask =
            "INSERT INTO plan_tasks (plan_id, task_id, ordinal, title, role, instructions, depends_on, files, state, " +
            "attempt, started_at, finished_at, cost_usd, commit_sha, reason, log_path, node) " +
            "VALUES (@PlanId, @TaskId, @Ordinal, @Title, @Role, @Instructions, @DependsOn, @Files, @State, @Attempt, " +
            $"@StartedAt, @FinishedAt, {costIn}, @CommitSha, @Reason, @LogPath, @Node) " +
            "ON CONFLICT (plan_id, task_id) DO UPDATE SET ordinal = excluded.ordinal, title = excluded.title, " +
            "role = excluded.role, instructions = excluded.instructions, depends_on = excluded.depends_on, " +
            "files = excluded.files, state = excluded.state, attempt = excluded.attempt, " +
            "started_at = excluded.started_at, finished_at = excluded.finished_at, cost_usd = excluded.cost_usd, " +
            "commit_sha = excluded.commit_sha, reason = excluded.reason, log_path = excluded.log_path, node = excluded.node";
    }

    /// <summary>Tasks, to be followed by a filter on <c>plan_id</c> and <c>ORDER BY plan_id, ordinal</c>.</summary>
    public string SelectTasks { get; }

    public string UpsertTask { get; }

    /// <summary>
    /// The value of <c>active_key</c> while a plan is unfinished. Repository names cannot contain <c>#</c>, so the key
    /// is unambiguous. Repositories are compared exactly as given (GitHub sends the canonical <c>full_name</c>).
    /// </summary>
    public static string ActiveKey(string repository, int issueNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{repository}#{issueNumber}");
}
