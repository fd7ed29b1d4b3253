namespace GitBot.Workflows.Deliveries;

/// <summary>What processing one stored delivery came to.</summary>
public enum DeliveryProcessingOutcome
{
    /// <summary>Every relevant handler ran.</summary>
    Processed,

    /// <summary>No handler acts on this event and action (it may have become irrelevant since it was dispatched).</summary>
    Ignored,

    /// <summary>
    /// The job's delivery is not in the delivery store (or the job carries no delivery id); there is nothing to process.
    /// </summary>
    Missing,

    /// <summary>The stored body could not be parsed as its event; retrying cannot help.</summary>
    Unparseable,
}
