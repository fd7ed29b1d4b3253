using System.Net;
using System.Net.Sockets;

namespace GitBot.Bench;

/// <summary>Loopback ports for the servers a bench driver starts.</summary>
internal static class BenchPorts
{
    /// <summary>A port that was free a moment ago (the OS picked it for a listener that is closed again).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
