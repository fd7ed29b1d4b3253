namespace GitBot.Storage;

/// <summary>
/// The database GitBot actually uses after configuration is resolved: the provider and a complete connection string
/// (for SQLite an absolute file path). Quartz's persistent job store is configured from this same value so jobs and
/// deliveries live in one database.
/// </summary>
public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString);
