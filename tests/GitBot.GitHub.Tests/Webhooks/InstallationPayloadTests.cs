using GitBot.GitHub.Webhooks.Models;
using GitBot.GitHub.Webhooks.Payloads;

namespace GitBot.GitHub.Tests.Webhooks;

/// <summary><c>installation</c> and <c>installation_repositories</c>: what keeps the installation store in step.</summary>
public sealed class InstallationPayloadTests
{
    public static TheoryData<string, int> InstallationExamples => WebhookExamples.Cases(InstallationEvent.EventName);

    public static TheoryData<string, int> InstallationRepositoriesExamples =>
        WebhookExamples.Cases(InstallationRepositoriesEvent.EventName);

    [Theory]
    [MemberData(nameof(InstallationExamples))]
    public void Installation_example_exposes_account_and_repositories(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var e = WebhookExamples.Parse<InstallationEvent>(eventName, index);

        AssertInstallation(root, e.Installation);
        Expect.User(root, "requester", e.Requester);
        AssertRepositories(Expect.At(root, "repositories"), e.Repositories);
    }

    [Theory]
    [MemberData(nameof(InstallationRepositoriesExamples))]
    public void Installation_repositories_example_exposes_added_and_removed(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var e = WebhookExamples.Parse<InstallationRepositoriesEvent>(eventName, index);

        AssertInstallation(root, e.Installation);
        Expect.String(root, "repository_selection", e.RepositorySelection);
        AssertRepositories(Expect.At(root, "repositories_added"), e.RepositoriesAdded);
        AssertRepositories(Expect.At(root, "repositories_removed"), e.RepositoriesRemoved);
        var changed = Expect.Present(root, "action").GetString() == "added" ? e.RepositoriesAdded : e.RepositoriesRemoved;
        Assert.NotEmpty(changed);
    }

    private static void AssertInstallation(System.Text.Json.JsonElement root, InstallationRef? installation)
    {
        Assert.NotNull(installation);
        Assert.True(installation.Id > 0);
        Expect.Long(root, "installation.id", installation.Id);
        Expect.User(root, "installation.account", installation.Account);
        Assert.NotNull(installation.Account);
        Assert.NotEmpty(installation.Account.Login);
        Expect.Long(root, "installation.app_id", installation.AppId);
        Expect.String(root, "installation.target_type", installation.TargetType);
        Expect.String(root, "installation.repository_selection", installation.RepositorySelection);
    }

    private static void AssertRepositories(System.Text.Json.JsonElement? expected, IReadOnlyList<InstallationRepository> actual)
    {
        var rows = expected?.EnumerateArray().ToArray() ?? [];
        Assert.Equal(rows.Length, actual.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.True(actual[i].Id > 0);
            Assert.Equal(rows[i].GetProperty("id").GetInt64(), actual[i].Id);
            Assert.Equal(rows[i].GetProperty("name").GetString(), actual[i].Name);
            Assert.Equal(rows[i].GetProperty("full_name").GetString(), actual[i].FullName);
            Assert.Equal(rows[i].GetProperty("private").GetBoolean(), actual[i].Private);
        }
    }
}
