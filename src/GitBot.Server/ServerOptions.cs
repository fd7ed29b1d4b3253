namespace GitBot.Server;

/// <summary>
/// Configuration section <c>Server</c>. The listening addresses are ASP.NET Core's own root key <c>Urls</c>
/// (e.g. <c>http://0.0.0.0:8080</c>; default <c>http://localhost:5000</c>).
/// </summary>
public sealed class ServerOptions
{
    public const string SectionName = "Server";

    /// <summary>The URL GitHub reaches GitBot at (e.g. <c>https://gitbot.example.com</c>), used on the setup page; defaults to the request's own host.</summary>
    public string? PublicUrl { get; set; }
}
