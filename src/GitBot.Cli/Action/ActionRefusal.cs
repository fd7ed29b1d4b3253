using GitBot.GitHub.Clients;
using GitBot.GitHub.Results;

namespace GitBot.Cli.Action;

/// <summary>
/// The checks <c>gitbot run-event</c> makes before the engine sees an event, on top of the engine's own (which ask
/// the API for the sender's permission on every trigger and command). Guarantees: <c>pull_request_target</c> is never
/// processed (it runs with the base repository's secrets on behalf of a fork); an event about a pull request whose
/// head is in another repository (a fork, or a deleted one) starts nothing, whether it is a pull request event, a
/// review, or a comment on that pull request; a label event from a user without write permission starts nothing.
/// </summary>
internal static class ActionRefusal
{
    /// <summary>Null when the event may go to the engine; otherwise why not, in words for the job log. Token problems are errors.</summary>
    public static async Task<(string? Refusal, string? Error)> CheckAsync(ActionSettings settings, ActionEvent evt, GitHubClient client, CancellationToken cancellationToken)
    {
        if (string.Equals(evt.Name, "pull_request_target", StringComparison.Ordinal))
        {
            return ("GitBot does not run on pull_request_target events: they carry the base repository's secrets for a fork's pull request. Use pull_request.", null);
        }

        var owner = settings.Repository.Split('/')[0];
        var name = settings.Repository.Split('/')[1];
        if (evt.PullRequestNumber is { } pr && !SameRepository(evt.HeadRepository, settings.Repository))
        {
            return ($"pull request #{pr} comes from {evt.HeadRepository ?? "a deleted fork"}, not {settings.Repository}: GitBot runs no agents for forks.", null);
        }

        if (evt.IsPullRequestComment && evt.IssueNumber is { } number)
        {
            var pull = await client.PullRequests.GetAsync(owner, name, number, cancellationToken);
            if (!pull.TryGetValue(out var found))
            {
                return (null, TokenError(pull.Error!, $"reading pull request #{number}"));
            }

            if (!SameRepository(found.Head.Repo?.FullName, settings.Repository))
            {
                return ($"pull request #{number} comes from {found.Head.Repo?.FullName ?? "a deleted fork"}, not {settings.Repository}: GitBot runs no agents for forks.", null);
            }
        }

        if (evt.SenderLogin is not { } sender || evt.SenderIsBot)
        {
            return (null, null);
        }

        var permission = await client.Collaborators.GetPermissionAsync(owner, name, sender, cancellationToken);
        var isLabel = string.Equals(evt.Name, "issues", StringComparison.Ordinal);
        if (!permission.TryGetValue(out var value))
        {
            // A refused token is GitBot unable to run; any other failure means no permission known (fail closed for
            // labels; commands ask again themselves and reply).
            return permission.Error!.Kind == GitHubErrorKind.Unauthorized
                ? (null, TokenError(permission.Error, $"asking the permission of {sender}"))
                : (isLabel ? $"the permission of {sender} on {settings.Repository} could not be asked ({permission.Error}); no agents start." : null, null);
        }

        if (isLabel && !value.CanWrite)
        {
            return ($"{sender} has {value.Permission} permission on {settings.Repository}; only users with write, maintain or admin permission start agents.", null);
        }

        return (null, null);
    }

    private static bool SameRepository(string? head, string repository) =>
        head is not null && string.Equals(head, repository, StringComparison.OrdinalIgnoreCase);

    private static string TokenError(GitHubError error, string doing) => error.Kind switch
    {
        GitHubErrorKind.Unauthorized => $"the GitHub token was refused while {doing} (401): pass a valid github-token (default ${{{{ github.token }}}}).",
        GitHubErrorKind.Forbidden => $"the GitHub token may not do this ({doing}, 403): grant the permissions listed in action/README.md.",
        _ => $"GitHub could not be asked ({doing}): {error}",
    };
}
