using GitBot.Git.Processes;

namespace GitBot.Cli.Setup;

/// <summary>
/// Opens a URL in the desktop's browser (<c>xdg-open</c> on Linux, <c>open</c> on macOS) through the process runner.
/// Best effort: the URL is always printed too, and a machine without a desktop simply ignores this.
/// </summary>
internal static class BrowserLauncher
{
    /// <summary>What a desktop launcher needs to reach the session; nothing else of ours is passed on.</summary>
    private static readonly string[] SessionVariables = ["DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS", "BROWSER"];

    /// <summary>
    /// Starts the launcher without waiting for it: it may be the browser itself, which must outlive <c>gitbot setup</c>
    /// and must not be killed when setup ends, so no timeout or cancellation is attached.
    /// </summary>
    public static void Open(ProcessRunner runner, Uri url)
    {
        var launcher = OperatingSystem.IsMacOS() ? "open" : OperatingSystem.IsLinux() ? "xdg-open" : null;
        if (launcher is null)
        {
            return;
        }

        var environment = SessionVariables
            .Select(name => (name, value: Environment.GetEnvironmentVariable(name)))
            .Where(v => !string.IsNullOrEmpty(v.value))
            .ToDictionary(v => v.name, v => v.value!, StringComparer.Ordinal);
        _ = runner.RunAsync(new ProcessSpec(launcher, [url.AbsoluteUri], Environment: environment), null, CancellationToken.None);
    }
}
