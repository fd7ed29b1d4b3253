using GitBot.Storage;
using GitBot.Storage.Connections;
using GitBot.Storage.Migrations;
using Microsoft.Extensions.Configuration;

namespace GitBot.Cli.Doctor;

/// <summary>Reaches the configured database and compares its schema with this build's, changing nothing.</summary>
public sealed class DatabaseCheck : IDoctorCheck
{
    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        ResolvedDatabase database;
        try
        {
            database = DatabaseOptions.FromConfiguration(configuration).Resolve();
        }
        catch (InvalidOperationException ex)
        {
            return [DoctorFinding.Error("database", ex.Message, "set Database:Provider to sqlite or postgres, and Database:ConnectionString for postgres")];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [DoctorFinding.Error("database", $"the SQLite file cannot be created: {ex.Message}", "set DataDirectory to a directory this user can write")];
        }

        await using var connections = new DatabaseConnectionFactory(database);
        var status = await new SchemaInspector(connections).InspectAsync(cancellationToken);
        var name = database.Provider.ToString().ToLowerInvariant();
        if (!status.Reachable)
        {
            return [DoctorFinding.Error("database", $"{name}: cannot connect: {status.Error}",
                database.Provider == DatabaseProvider.Postgres
                    ? "check Database:ConnectionString (host, port, user, password) and that PostgreSQL is running"
                    : "check that DataDirectory is writable")];
        }

        return status.Pending == 0
            ? [DoctorFinding.Ok("database", $"{name}: schema version {status.AppliedVersion} (current)")]
            : [DoctorFinding.Ok("database", $"{name}: reachable; {status.Pending} migration(s) will be applied when GitBot starts")];
    }
}
