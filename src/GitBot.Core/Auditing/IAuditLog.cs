namespace GitBot.Core.Auditing;

/// <summary>Append-only record of what GitBot did and why. Entries are never updated or deleted.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entries first, optionally only those about one subject.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string? subject, int max, CancellationToken cancellationToken);
}
