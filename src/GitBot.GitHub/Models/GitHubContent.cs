namespace GitBot.GitHub.Models;

/// <summary>A file from the contents API; <see cref="Content"/> is base64 as GitHub sends it.</summary>
public sealed record GitHubContent(string Type, string Name, string Path, string Sha, long Size, string? Encoding, string? Content, string? HtmlUrl = null)
{
    /// <summary>The file's bytes, or null when GitHub did not inline them (files over 1 MB, directories).</summary>
    public byte[]? DecodeBytes() =>
        Encoding == "base64" && Content is not null ? Convert.FromBase64String(Content.Replace("\n", string.Empty, StringComparison.Ordinal)) : null;

    /// <summary>The file as UTF-8 text, or null (see <see cref="DecodeBytes"/>).</summary>
    public string? DecodeText() => DecodeBytes() is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;
}
