namespace GitBot.GitHub.Clients;

/// <summary>
/// A GitHub user access token (<c>ghu_…</c>) from the sign-in web flow. It is held only for the few calls that read the
/// user's access and then dropped: GitBot never stores it, and <see cref="ToString"/> never prints it.
/// </summary>
public sealed class UserAccessToken(string value)
{
    /// <summary>The secret. Use it only in an <c>Authorization</c> header.</summary>
    public string Value { get; } = value;

    public override string ToString() => "UserAccessToken(redacted)";
}
