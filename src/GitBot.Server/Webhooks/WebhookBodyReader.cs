using Microsoft.AspNetCore.Http.Features;

namespace GitBot.Server.Webhooks;

/// <summary>
/// Reads a webhook body into one exactly sized array with a hard cap. Guarantees: a declared
/// <c>Content-Length</c> over the cap is refused before a byte is read; a body without one (chunked) is counted while
/// reading and refused as soon as it passes the cap, so no more than cap + one chunk is ever buffered.
/// </summary>
internal static class WebhookBodyReader
{
    /// <summary>GitHub caps webhook payloads at 25 MB.</summary>
    public const int MaxBodyBytes = 25 * 1024 * 1024;

    private const int ChunkSize = 16 * 1024;

    public static async Task<WebhookBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > MaxBodyBytes)
            {
                return WebhookBody.Failed(WebhookBodyProblem.TooLarge);
            }

            var bytes = GC.AllocateUninitializedArray<byte>((int)declared);
            var read = await request.Body.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken);
            return read == bytes.Length ? WebhookBody.Read(bytes) : WebhookBody.Failed(WebhookBodyProblem.Truncated);
        }

        // Kestrel's own limit is a backstop one byte above ours, so our count decides (and answers 413 itself).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + n > MaxBodyBytes)
            {
                return WebhookBody.Failed(WebhookBodyProblem.TooLarge);
            }

            buffer.Write(chunk, 0, n);
        }

        return WebhookBody.Read(buffer.ToArray());
    }
}
