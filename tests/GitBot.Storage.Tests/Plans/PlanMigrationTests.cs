using Dapper;
using GitBot.Core.Plans;
using GitBot.Storage.Migrations;
using static GitBot.Storage.Tests.Plans.PlanTestData;

namespace GitBot.Storage.Tests.Plans;

public sealed class PlanMigrationTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task The_plan_tables_are_added_to_an_existing_version_1_database_keeping_its_rows(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        var scripts = MigrationScript.Load(db.Database.Provider);
        await using (var connection = await db.Connections.OpenAsync(CancellationToken.None))
        {
            // What a v1 deployment has: the first script applied and recorded, and some data.
            await connection.ExecuteAsync(
                "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)");
            await connection.ExecuteAsync(scripts.Single(s => s.Version == 1).Sql);
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, '0001_initial', 0)");
            await connection.ExecuteAsync(
                "INSERT INTO audit_log (at, actor, action, subject) VALUES (1, 'gitbot', 'installation.created', 'octo')");
        }

        var applied = await db.NewMigrator().MigrateAsync(CancellationToken.None);

        Assert.Equal(scripts.Count(s => s.Version > 1), applied);
        Assert.Contains(scripts, s => s.Version == 2 && s.Name == "0002_plans");
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM audit_log"));
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM plans"));
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM plan_tasks"));
        var (store, _) = NewStore(db);
        var plan = (await store.CreateAsync(NewPlan(), CancellationToken.None)).Plan;
        Assert.True(await store.ApplyAsync(new PlanChange(1, plan, [NewTask(plan.Id, "a", 0)], []), CancellationToken.None));
        Assert.Equal(2, await db.ScalarAsync("SELECT COUNT(*) FROM audit_log"));
    }
}
