using GitBot.Simulator.Auth;
using GitBot.Simulator.OpenApi;

namespace GitBot.Simulator.Http;

/// <summary>
/// GitHub's credential rules: <c>/app…</c> operations take the App's JWT (<c>Authorization: Bearer</c>); the rest take an
/// unexpired installation token (<c>token X</c> or <c>Bearer X</c>). Anything else is 401 with GitHub's message.
/// A user token (<c>ghu_…</c>) is accepted only on the signed-in person's routes (<see cref="UserOperations"/>), and those
/// routes take nothing else (403, as GitHub refuses an installation token there).
/// </summary>
internal sealed class Authenticator(AppJwtVerifier jwt, TokenStore tokens, TimeProvider time, OAuth.OAuthStore users)
{
    private static readonly HashSet<string> UserOperations = new(StringComparer.Ordinal)
    {
        "users/get-authenticated", "apps/list-installations-for-authenticated-user", "apps/list-installation-repos-for-authenticated-user",
    };

    public (Credential? Credential, SimResponse? Failure) Authenticate(SimRequest request, ApiOperation operation)
    {
        // The manifest conversion is the one call GitHub takes without credentials: its one-time code is the credential.
        if (operation.OperationId == "apps/create-from-manifest")
        {
            return (new Credential(false, "anonymous", null, null), null);
        }

        var presented = Presented(request.Header("Authorization"));
        if (presented is null)
        {
            return (null, SimResponse.Error(401, "Requires authentication", operation.DocumentationUrl));
        }

        var now = time.GetUtcNow();
        var userRoute = UserOperations.Contains(operation.OperationId);
        if (presented.StartsWith("ghu_", StringComparison.Ordinal))
        {
            return users.LoginOf(presented) is not { } login
                ? (null, SimResponse.Error(401, "Bad credentials", "https://docs.github.com/rest"))
                : userRoute
                    ? (new Credential(false, "user:" + login, null, null), null)
                    : (null, SimResponse.Error(403, "Resource not accessible by integration", operation.DocumentationUrl));
        }

        if (userRoute)
        {
            return (null, SimResponse.Error(403, "Resource not accessible by integration", operation.DocumentationUrl));
        }

        var looksLikeJwt = presented.Count(c => c == '.') == 2;
        if (operation.RequiresAppJwt || (looksLikeJwt && operation.OperationId == "rate-limit/get"))
        {
            return jwt.Check(presented, now) is { } problem
                ? (null, SimResponse.Error(401, problem, operation.DocumentationUrl))
                : (new Credential(true, "app", null, null), null);
        }

        return tokens.Find(presented, now) is { } token
            ? (new Credential(false, "token:" + token.Token, token.InstallationId, token.RepositoryId, token.IsActions), null)
            : (null, SimResponse.Error(401, "Bad credentials", "https://docs.github.com/rest"));
    }

    private static string? Presented(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return null;
        }

        var scheme = header[..space];
        var value = header[(space + 1)..].Trim();
        return scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || scheme.Equals("token", StringComparison.OrdinalIgnoreCase)
            ? value
            : null;
    }
}
