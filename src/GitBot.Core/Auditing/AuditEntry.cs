namespace GitBot.Core.Auditing;

/// <summary>One line of the audit log: who did what to which subject, and why it matters later.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Actor">A GitHub login, <c>gitbot</c>, or a node name.</param>
/// <param name="Action">A dotted verb, e.g. <c>installation.created</c>, <c>delivery.dispatched</c>.</param>
/// <param name="Subject">What it concerns, e.g. <c>octo/repo#12</c> or a delivery id.</param>
/// <param name="Details">Free text or compact JSON; never a secret.</param>
/// <param name="DeliveryId">The webhook delivery that caused it, when one did.</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Action,
    string Subject,
    string? Details = null,
    string? DeliveryId = null);
