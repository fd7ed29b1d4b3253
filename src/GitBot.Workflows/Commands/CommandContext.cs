using GitBot.GitHub.Clients;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Commands;

/// <summary>What a verb works with: the request, the installation's client and the repository's name.</summary>
public sealed record CommandContext(CommandRequest Request, GitHubClient Client, RepositoryName Repo);
