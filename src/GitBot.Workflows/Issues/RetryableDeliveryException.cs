namespace GitBot.Workflows.Issues;

/// <summary>
/// Thrown by a handler when a delivery could not be acted on for a reason that passes (GitHub unavailable, rate
/// limited past the wait): the delivery job's retry policy runs it again later, so the trigger is not lost.
/// </summary>
public sealed class RetryableDeliveryException : Exception
{
    public RetryableDeliveryException()
    {
    }

    public RetryableDeliveryException(string message)
        : base(message)
    {
    }

    public RetryableDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
