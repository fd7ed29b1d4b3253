using System.Globalization;
using System.Text.Json;
using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Tests.Webhooks;

/// <summary>
/// Compares a parsed record field with the same field read straight from the example JSON by path
/// (<c>issue.user.login</c>). A field the example lacks or sends as null must come out null.
/// </summary>
internal static class Expect
{
    public static JsonElement? At(JsonElement root, string path)
    {
        var current = root;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    public static JsonElement Present(JsonElement root, string path) =>
        At(root, path) ?? throw new Xunit.Sdk.XunitException($"example has no {path}");

    public static void String(JsonElement root, string path, string? actual)
    {
        var expected = At(root, path);
        Assert.Equal(expected?.GetString(), actual);
    }

    public static void Long(JsonElement root, string path, long? actual)
    {
        var expected = At(root, path);
        Assert.Equal(expected?.GetInt64(), actual);
    }

    public static void Bool(JsonElement root, string path, bool? actual)
    {
        var expected = At(root, path);
        Assert.Equal(expected?.GetBoolean(), actual);
    }

    public static void Date(JsonElement root, string path, DateTimeOffset? actual)
    {
        var expected = At(root, path);
        Assert.Equal(
            expected is null ? null : DateTimeOffset.Parse(expected.Value.GetString()!, CultureInfo.InvariantCulture),
            actual);
    }

    public static void User(JsonElement root, string path, User? actual)
    {
        if (At(root, path) is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.NotEmpty(actual.Login);
        Assert.True(actual.Id > 0, $"{path}.id");
        String(root, path + ".login", actual.Login);
        Long(root, path + ".id", actual.Id);
        String(root, path + ".type", actual.Type);
        Assert.Equal(actual.Type == "Bot", actual.IsBot);
    }

    public static void Labels(JsonElement root, string path, IReadOnlyList<Label> actual)
    {
        var expected = At(root, path)?.EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToArray() ?? [];
        Assert.Equal(expected, actual.Select(l => l.Name));
    }

    public static void Repository(JsonElement root, string path, Repository? actual)
    {
        if (At(root, path) is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.True(actual.Id > 0, $"{path}.id");
        Assert.Contains('/', actual.FullName);
        Long(root, path + ".id", actual.Id);
        String(root, path + ".name", actual.Name);
        String(root, path + ".full_name", actual.FullName);
        String(root, path + ".owner.login", actual.Owner?.Login);
        Assert.Equal(actual.FullName.Split('/')[0], actual.OwnerLogin);
        String(root, path + ".default_branch", actual.DefaultBranch);
        Assert.NotEmpty(actual.DefaultBranch);
        Bool(root, path + ".private", actual.Private);
        Bool(root, path + ".fork", actual.Fork);
        String(root, path + ".clone_url", actual.CloneUrl);
        Assert.Matches("^https?://.+\\.git$", actual.CloneUrl);
    }

    /// <summary>A 40-hex-digit commit id.</summary>
    public static void Sha(string? actual)
    {
        Assert.NotNull(actual);
        Assert.Matches("^[0-9a-f]{40}$", actual);
    }
}
