using System.Text;

namespace GitBot.Git.Repositories;

/// <summary>
/// A token that authenticates one git process over HTTPS (an App installation token). Guarantee: it reaches git only
/// through that process's environment (<c>http.extraHeader</c> via <c>GIT_CONFIG_*</c>), never an argument, a remote URL,
/// a config file or text GitBot prints; <see cref="ToString"/> never shows it.
/// </summary>
public sealed record GitCredential(string Token)
{
    /// <summary>The value of the <c>http.extraHeader</c> git sends: HTTP Basic with GitHub's <c>x-access-token</c> user.</summary>
    internal string AuthorizationHeader =>
        "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + Token));

    /// <summary>Removes the token, and the header carrying it, from <paramref name="text"/>.</summary>
    internal string Redact(string text)
    {
        if (string.IsNullOrEmpty(text) || Token.Length == 0)
        {
            return text;
        }

        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + Token));
        return text.Replace(encoded, Core.Text.SecretScrubber.Redacted, StringComparison.Ordinal)
            .Replace(Token, Core.Text.SecretScrubber.Redacted, StringComparison.Ordinal);
    }

    public override string ToString() => "GitCredential { Token = " + Core.Text.SecretScrubber.Redacted + " }";
}
