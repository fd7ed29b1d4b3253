namespace GitBot.Simulator;

/// <summary>One git smart-HTTP request the simulator answered (clone, fetch or push), for test assertions.</summary>
/// <param name="Method"><c>GET</c> (ref advertisement) or <c>POST</c> (the pack exchange).</param>
/// <param name="Path">The request path, e.g. <c>/octo-org/widgets.git/git-receive-pack</c>.</param>
/// <param name="Service"><c>git-upload-pack</c> (clone, fetch) or <c>git-receive-pack</c> (push); null when unknown.</param>
/// <param name="Login">Who authenticated: the App's bot login for an installation token; null when authentication failed.</param>
/// <param name="InstallationId">The installation of the token used; null when authentication failed.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="UpdatedRefs">For a push, the refs it changed (<c>refs/heads/…</c>); empty otherwise.</param>
public sealed record SimulatedGitRequest(
    string Method,
    string Path,
    string? Service,
    string? Login,
    long? InstallationId,
    int Status,
    IReadOnlyList<string> UpdatedRefs);
