namespace GitBot.Storage.Migrations;

/// <summary>What <see cref="SchemaInspector"/> found: reachability, the applied and the expected schema version.</summary>
public sealed record SchemaStatus(bool Reachable, int AppliedVersion, int LatestVersion, string? Error)
{
    /// <summary>Migrations this build would apply at start-up.</summary>
    public int Pending => Math.Max(0, LatestVersion - AppliedVersion);
}
