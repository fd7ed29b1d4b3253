using GitBot.Storage.Migrations;

namespace GitBot.Server.Hosting;

/// <summary>
/// Brings the schema up to date when the host starts. Registered before the job engine and the dispatcher, and hosted
/// services start one after another, so nothing touches GitBot's tables before the migrations are applied. A failure
/// stops the start-up: a server without its schema must not accept deliveries.
/// </summary>
internal sealed class DatabaseMigrationService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
