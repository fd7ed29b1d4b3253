using GitBot.GitHub.Auth;
using GitBot.GitHub.Http;

namespace GitBot.GitHub.Clients;

/// <summary>
/// The REST API as one installation (or the configured token) sees it, one area per property. Cheap to create; get
/// one from <see cref="GitHubClientFactory"/>.
/// </summary>
public sealed class GitHubClient
{
    public GitHubClient(GitHubConnection connection, IGitHubCredentials credentials)
    {
        Credentials = credentials;
        Issues = new IssuesClient(connection, credentials);
        PullRequests = new PullRequestsClient(connection, credentials);
        Reviews = new ReviewsClient(connection, credentials);
        Checks = new ChecksClient(connection, credentials);
        Statuses = new StatusesClient(connection, credentials);
        Collaborators = new CollaboratorsClient(connection, credentials);
        Contents = new ContentsClient(connection, credentials);
        Actions = new ActionsClient(connection, credentials);
        Installation = new InstallationClient(connection, credentials);
    }

    public IGitHubCredentials Credentials { get; }

    public IssuesClient Issues { get; }

    public PullRequestsClient PullRequests { get; }

    public ReviewsClient Reviews { get; }

    public ChecksClient Checks { get; }

    public StatusesClient Statuses { get; }

    public CollaboratorsClient Collaborators { get; }

    public ContentsClient Contents { get; }

    public ActionsClient Actions { get; }

    public InstallationClient Installation { get; }
}
