namespace GitBot.Storage;

/// <summary>The database engines GitBot stores its state in.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file in the data directory: the single-process default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: required when several nodes share one queue.</summary>
    Postgres,
}
