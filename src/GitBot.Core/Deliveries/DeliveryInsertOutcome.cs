namespace GitBot.Core.Deliveries;

/// <summary>What happened when a delivery was offered to the store.</summary>
public enum DeliveryInsertOutcome
{
    /// <summary>Committed: it will be dispatched.</summary>
    Stored,

    /// <summary>A delivery with this id was already committed; this copy was dropped.</summary>
    Duplicate,

    /// <summary>The database could not be reached or refused the write; nothing was stored.</summary>
    Unavailable,
}
