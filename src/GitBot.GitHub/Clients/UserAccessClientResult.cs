namespace GitBot.GitHub.Clients;

/// <summary>
/// Who a user token belongs to and every repository ("owner/name") they can access through the App's installations
/// (case-insensitive set).
/// </summary>
public sealed record UserAccess(string Login, IReadOnlySet<string> Repositories);
