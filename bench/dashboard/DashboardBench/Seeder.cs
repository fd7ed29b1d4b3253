using System.Globalization;
using Dapper;
using Npgsql;

namespace DashboardBench;

/// <summary>
/// Fills a migrated GitBot database with a busy deployment's history: <c>repos</c> repositories, <c>issues</c> issues
/// each with one plan of four tasks (A → B, A → C, B+C → D) in mixed states, <c>runs</c> agent runs spread over the
/// issues and the last 30 days, and three review runs per pull request. Rows are written in one transaction per table
/// with multi-row inserts.
/// </summary>
internal static class Seeder
{
    private static readonly string[] Roles = ["planner", "backend", "frontend", "tests", "security", "judge"];
    private static readonly string[] Outcomes = ["Succeeded", "Succeeded", "Succeeded", "Failed", "TimedOut", "MaxTurnsExceeded"];

    public static async Task<(string Repository, int Issue, long PlanId)[]> SeedAsync(string connectionString, int repos, int issues, int runs, long nowMs)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var random = new Random(7);
        var plans = new List<(string Repository, int Issue, long PlanId)>();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            for (var i = 0; i < issues; i++)
            {
                var repo = $"octo/repo-{i % repos:D2}";
                var number = 1 + (i / repos);
                var finished = i % 4 != 0;
                var state = finished ? (i % 7 == 0 ? "Failed" : "Succeeded") : "Running";
                var created = nowMs - (long)(random.NextDouble() * 30 * 86_400_000);
                var id = await connection.ExecuteScalarAsync<long>(
                    "INSERT INTO plans (installation_id, repository, issue_number, issue_title, state, version, trigger_label, requested_by, " +
                    "default_branch, clone_url, config_snapshot, pull_request_number, active_key, created_at, updated_at) VALUES " +
                    "(1, @repo, @number, @title, @state, 5, 'agent', 'alice', 'main', @clone, '', @pull, @active, @created, @created) RETURNING id",
                    new
                    {
                        repo,
                        number,
                        title = $"Issue {number} of {repo}: make the widget do the thing",
                        state,
                        clone = $"https://github.com/{repo}.git",
                        pull = finished ? number + 10_000 : (int?)null,
                        active = finished ? null : $"{repo}#{number}",
                        created,
                    },
                    tx);
                plans.Add((repo, number, id));
                var taskStates = finished
                    ? new[] { "Succeeded", "Succeeded", "Succeeded", state == "Failed" ? "Failed" : "Succeeded" }
                    : new[] { "Succeeded", "Running", "Ready", "Pending" };
                var tasks = new (string Id, string Depends)[] { ("A", "[]"), ("B", "[\"A\"]"), ("C", "[\"A\"]"), ("D", "[\"B\",\"C\"]") };
                for (var t = 0; t < tasks.Length; t++)
                {
                    await connection.ExecuteAsync(
                        "INSERT INTO plan_tasks (plan_id, task_id, ordinal, title, role, instructions, depends_on, files, state, attempt, started_at, " +
                        "finished_at, cost_usd, node) VALUES (@id, @task, @t, @title, 'backend', 'Do it.', @deps, '[]', @state, 1, @created, @fin, 0.42, 'node-a')",
                        new { id, task = tasks[t].Id, t, title = $"Task {tasks[t].Id}", deps = tasks[t].Depends, state = taskStates[t], created, fin = taskStates[t] is "Succeeded" or "Failed" ? created + 60_000 : (long?)null },
                        tx);
                }
            }

            await tx.CommitAsync();
        }

        await using (var tx = await connection.BeginTransactionAsync())
        {
            const int Batch = 500;
            for (var start = 0; start < runs; start += Batch)
            {
                var values = new List<string>();
                for (var r = start; r < Math.Min(runs, start + Batch); r++)
                {
                    var (repo, issue, planId) = plans[r % plans.Count];
                    var started = nowMs - (long)(random.NextDouble() * 30 * 86_400_000);
                    var role = Roles[r % Roles.Length];
                    var kind = role == "planner" ? "Planner" : role is "security" or "judge" ? "Review" : "Task";
                    var outcome = Outcomes[random.Next(Outcomes.Length)];
                    var cost = (random.Next(1, 400) / 100m).ToString(CultureInfo.InvariantCulture);
                    values.Add(string.Create(CultureInfo.InvariantCulture,
                        $"('{repo}', {issue}, NULL, {planId}, '{"ABCD"[r % 4]}', 1, '{kind}', '{role}', 'claude-code', 'node-{r % 3}', NULL, '{outcome}', 0, {random.Next(1, 40)}, {random.Next(1000, 90000)}, {random.Next(100, 9000)}, {cost}, 'the agent said it is done', {started}, {started + random.Next(5_000, 900_000)})"));
                }

                await connection.ExecuteAsync(
                    "INSERT INTO agent_runs (repository, issue_number, pull_number, plan_id, task_id, attempt, kind, role, backend, node, log_path, state, " +
                    "exit_code, turns, input_tokens, output_tokens, cost_usd, exit_reason, started_at, finished_at) VALUES " + string.Join(",", values),
                    transaction: tx);
            }

            foreach (var (repo, issue, _) in plans.Where((_, i) => i % 4 != 0))
            {
                foreach (var agent in new[] { "Security", "Tests", "Judge" })
                {
                    await connection.ExecuteAsync(
                        "INSERT INTO review_runs (installation_id, repository, pull_number, head_sha, agent, attempt, state, conclusion, title, created_at, updated_at) " +
                        "VALUES (1, @repo, @pull, @sha, @agent, 1, 'Completed', 'success', 'No findings', @now, @now)",
                        new { repo, pull = issue + 10_000, sha = new string('a', 40), agent, now = nowMs },
                        tx);
                }
            }

            await tx.CommitAsync();
        }

        await connection.ExecuteAsync("ANALYZE plans, plan_tasks, agent_runs, review_runs");
        return [.. plans];
    }
}
