namespace GitBot.Core.Deliveries;

/// <summary>
/// The headers of a stored delivery not yet handed to the job engine: everything the dispatcher decides on, without
/// the payload. Listing headers keeps a dispatch round from reading a few megabytes of bodies only to look at the
/// event and action; the job that processes a delivery loads the body itself with <see cref="IDeliveryStore.GetAsync"/>.
/// </summary>
/// <param name="DeliveryId">GitHub's <c>X-GitHub-Delivery</c> GUID; unique, the dedupe key.</param>
/// <param name="Event">GitHub's <c>X-GitHub-Event</c> name (e.g. <c>issues</c>).</param>
/// <param name="Action">The payload's top-level <c>action</c>, when it has one.</param>
/// <param name="InstallationId">The payload's <c>installation.id</c>, when present.</param>
/// <param name="RepositoryFullName">The payload's <c>repository.full_name</c>, when present.</param>
/// <param name="ReceivedAt">When GitBot accepted it.</param>
public sealed record PendingDelivery(
    string DeliveryId,
    string Event,
    string? Action,
    long? InstallationId,
    string? RepositoryFullName,
    DateTimeOffset ReceivedAt);
