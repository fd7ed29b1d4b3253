namespace GitBot.Server.Dashboard.Access;

/// <summary>
/// Who is looking at the dashboard. <see cref="Repositories"/> holds "owner/name" and compares case-insensitively
/// (GitHub names do); an admin (<see cref="IsAdmin"/>) sees every repository.
/// </summary>
public sealed record DashboardViewer(string Login, bool IsAdmin, IReadOnlySet<string> Repositories)
{
    /// <summary>The login shown for the admin token.</summary>
    public const string AdminLogin = "admin";

    /// <summary>The admin viewer: sees everything.</summary>
    public static DashboardViewer Admin { get; } = new(AdminLogin, true, new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>A signed-in user who may see <paramref name="repositories"/> ("owner/name").</summary>
    public static DashboardViewer User(string login, IEnumerable<string> repositories) =>
        new(login, false, new HashSet<string>(repositories, StringComparer.OrdinalIgnoreCase));

    /// <summary>True when this viewer may see <paramref name="repository"/> ("owner/name"), its runs and their logs.</summary>
    public bool CanSee(string repository) => IsAdmin || Repositories.Contains(repository);
}
