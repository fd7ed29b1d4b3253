using System.Security.Cryptography;

namespace GitBot.GitHub.Auth;

/// <summary>Loads the App's RSA key from PEM text: PKCS#1 (<c>RSA PRIVATE KEY</c>, what GitHub hands out) or PKCS#8.</summary>
public static class GitHubPrivateKeyLoader
{
    /// <summary>Parses PEM text; a malformed key is a configuration error and comes back as a message, not an exception.</summary>
    public static bool TryLoad(string pem, out RSA? key, out string? problem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            key = rsa;
            problem = null;
            return true;
        }
        catch (ArgumentException e)
        {
            rsa.Dispose();
            key = null;
            problem = "the GitHub App private key is not a PEM RSA key (expected '-----BEGIN RSA PRIVATE KEY-----' or " +
                      $"'-----BEGIN PRIVATE KEY-----'): {e.Message}";
            return false;
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            key = null;
            problem = $"the GitHub App private key could not be read: {e.Message}";
            return false;
        }
    }

    /// <summary>Reads the key from <see cref="GitHubOptions.PrivateKey"/> or the file at <see cref="GitHubOptions.PrivateKeyPath"/>.</summary>
    public static bool TryLoad(GitHubOptions options, out RSA? key, out string? problem)
    {
        string pem;
        if (!string.IsNullOrWhiteSpace(options.PrivateKey))
        {
            // Environment variables often carry the key with literal "\n" sequences instead of line breaks.
            pem = options.PrivateKey.Contains("\\n", StringComparison.Ordinal) && !options.PrivateKey.Contains('\n', StringComparison.Ordinal)
                ? options.PrivateKey.Replace("\\n", "\n", StringComparison.Ordinal)
                : options.PrivateKey;
        }
        else if (!string.IsNullOrWhiteSpace(options.PrivateKeyPath))
        {
            try
            {
                pem = File.ReadAllText(options.PrivateKeyPath);
            }
            catch (IOException e)
            {
                key = null;
                problem = $"GitHub:PrivateKeyPath '{options.PrivateKeyPath}' could not be read: {e.Message}";
                return false;
            }
            catch (UnauthorizedAccessException e)
            {
                key = null;
                problem = $"GitHub:PrivateKeyPath '{options.PrivateKeyPath}' could not be read: {e.Message}";
                return false;
            }
        }
        else
        {
            key = null;
            problem = "neither GitHub:PrivateKeyPath nor GitHub:PrivateKey is set.";
            return false;
        }

        return TryLoad(pem, out key, out problem);
    }
}
