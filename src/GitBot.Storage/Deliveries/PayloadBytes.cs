using System.Runtime.InteropServices;

namespace GitBot.Storage.Deliveries;

internal static class PayloadBytes
{
    /// <summary>The payload as a byte array for the drivers, without a copy when it already is exactly one.</summary>
    public static byte[] AsArray(ReadOnlyMemory<byte> payload) =>
        MemoryMarshal.TryGetArray(payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : payload.ToArray();
}
