using System.Text.Json.Nodes;
using GitBot.Simulator.GitHttp;
using GitBot.Simulator.Handlers;
using GitBot.Simulator.State;

namespace GitBot.Simulator;

/// <summary>What a person does on github.com: each call changes state and emits the webhook GitHub would send.</summary>
public sealed partial class GitHubSimulator
{
    /// <summary>Installs the App on an account; emits <c>installation created</c>.</summary>
    public SimulatedInstallation AddInstallation(string accountLogin)
    {
        lock (_runtime.State.Gate)
        {
            var account = _runtime.State.User(accountLogin);
            var installation = new InstallationState(_runtime.State.NextId(), account, _runtime.Now);
            _runtime.State.Installations[installation.Id] = installation;
            _runtime.Events.Publish("installation", "created", null, installation.Id, account, new JsonObject
            {
                ["installation"] = _runtime.Shapes.Installation(installation),
                ["repositories"] = new JsonArray(),
            });
            return new SimulatedInstallation(installation.Id, account.Login);
        }
    }

    /// <summary>
    /// Creates <paramref name="fullName"/> (<c>owner/name</c>) as a real bare git repository with one commit on
    /// <c>main</c> (a README) and adds it to the installation; emits <c>installation_repositories added</c>.
    /// </summary>
    public async Task<SimulatedRepository> AddRepositoryAsync(SimulatedInstallation installation, string fullName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var parts = fullName.Split('/');
        if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"'{fullName}' is not owner/name", nameof(fullName));
        }

        var bare = Path.Combine(_runtime.DataDirectory, parts[0], parts[1] + ".git");
        await _runtime.Git.CreateAsync(bare, $"# {parts[1]}\n\nA repository on the GitHub simulator.\n", cancellationToken);
        lock (_runtime.State.Gate)
        {
            var owner = _runtime.State.User(parts[0]);
            var repo = new RepositoryState(_runtime.State.NextId(), owner, parts[1], installation.Id, bare, isPrivate: true, _runtime.Now);
            _runtime.State.Repositories.Add(repo.FullName, repo);
            var state = _runtime.State.Installations[installation.Id];
            state.RepositoryIds.Add(repo.Id);
            _runtime.Events.Publish("installation_repositories", "added", null, installation.Id, state.Account, new JsonObject
            {
                ["installation"] = _runtime.Shapes.Installation(state),
                ["repository_selection"] = "selected",
                ["repositories_added"] = new JsonArray(new JsonObject
                {
                    ["id"] = repo.Id,
                    ["node_id"] = Shapes.ObjectShapes.NodeId("Repository", repo.Id),
                    ["name"] = repo.Name,
                    ["full_name"] = repo.FullName,
                    ["private"] = repo.Private,
                }),
                ["repositories_removed"] = new JsonArray(),
                ["requester"] = null,
            });
            return new SimulatedRepository(repo.Id, repo.FullName, installation.Id, repo.DefaultBranch, bare,
                _runtime.Shapes.CloneUrl(repo));
        }
    }

    /// <summary>Sets a collaborator's role: <c>admin</c>, <c>maintain</c>, <c>write</c>, <c>triage</c> or <c>read</c> (<c>none</c> removes).</summary>
    public void SetPermission(string fullName, string login, string permission)
    {
        if (permission is not ("admin" or "maintain" or "write" or "triage" or "read" or "none"))
        {
            throw new ArgumentException($"'{permission}' is not a GitHub repository role", nameof(permission));
        }

        lock (_runtime.State.Gate)
        {
            var repo = Repo(fullName);
            _runtime.State.User(login);
            if (permission == "none")
            {
                repo.Permissions.Remove(login);
            }
            else
            {
                repo.Permissions[login] = permission;
            }
        }
    }

    /// <summary>Opens an issue; emits <c>issues opened</c>, then <c>issues labeled</c> for each label. Returns its number.</summary>
    public Task<int> OpenIssueAsync(string fullName, string title, string? body, string authorLogin,
        IReadOnlyList<string>? labels, CancellationToken cancellationToken)
    {
        lock (_runtime.State.Gate)
        {
            var repo = Repo(fullName);
            var author = _runtime.State.User(authorLogin);
            var issue = new IssueState(_runtime.State.NextId(), repo.NextNumber++, author, title, body, _runtime.Now);
            repo.Issues[issue.Number] = issue;
            _runtime.Events.Publish("issues", "opened", repo, repo.InstallationId, author,
                new JsonObject { ["issue"] = _runtime.Shapes.Issue(repo, issue) });
            foreach (var label in labels ?? [])
            {
                LabelsHandlers.Apply(_runtime, repo, issue, label, author);
            }

            return Task.FromResult(issue.Number);
        }
    }

    /// <summary>Adds a label to an issue or pull request; emits <c>labeled</c> (nothing if it was already there).</summary>
    public Task AddLabelAsync(string fullName, int number, string label, string actorLogin, CancellationToken cancellationToken)
    {
        lock (_runtime.State.Gate)
        {
            var repo = Repo(fullName);
            LabelsHandlers.Apply(_runtime, repo, Issue(repo, number), label, _runtime.State.User(actorLogin));
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Removes a label from an issue or pull request; emits <c>unlabeled</c> (nothing if it was not there).
    /// </summary>
    public Task RemoveLabelAsync(string fullName, int number, string label, string actorLogin, CancellationToken cancellationToken)
    {
        lock (_runtime.State.Gate)
        {
            var repo = Repo(fullName);
            LabelsHandlers.Unapply(_runtime, repo, Issue(repo, number), label, _runtime.State.User(actorLogin));
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Registers <paramref name="login"/> as a bot account (another App, a CI bot): what it does afterwards carries
    /// <c>sender.type: "Bot"</c>. Logins ending in <c>[bot]</c>, such as the App's own <see cref="SimulatedApp.BotLogin"/>,
    /// are bots without registering.
    /// </summary>
    public void AddBotUser(string login)
    {
        lock (_runtime.State.Gate)
        {
            _runtime.State.Bot(login);
        }
    }

    /// <summary>Comments on an issue or pull request; emits <c>issue_comment created</c>.</summary>
    public Task<SimulatedComment> CommentAsync(string fullName, int number, string body, string actorLogin,
        CancellationToken cancellationToken)
    {
        lock (_runtime.State.Gate)
        {
            var repo = Repo(fullName);
            var comment = IssuesHandlers.AddComment(_runtime, repo, Issue(repo, number), body, _runtime.State.User(actorLogin));
            return Task.FromResult(new SimulatedComment(comment.Id, comment.User.Login, comment.Body, []));
        }
    }

    /// <summary>
    /// Commits <paramref name="files"/> (path → text) as <paramref name="authorLogin"/> on <paramref name="branch"/>
    /// (created from the default branch when new) straight into the bare repository; returns the new head. Emits nothing,
    /// like any push straight into the bare repository: call <see cref="NotifyPushAsync"/> for what GitHub would send.
    /// </summary>
    public Task<string> CommitFilesAsync(string fullName, string branch, IReadOnlyDictionary<string, string> files, string message,
        string authorLogin, CancellationToken cancellationToken)
    {
        var repo = LockedRepo(fullName);
        return _runtime.Git.CommitFilesAsync(repo.BarePath, branch, "refs/heads/" + repo.DefaultBranch, files, message, authorLogin, cancellationToken);
    }

    /// <summary>
    /// Tells the simulator a branch was pushed straight into <see cref="SimulatedRepository.BareRepositoryPath"/> (which it
    /// cannot observe; pushes over HTTP to <see cref="SimulatedRepository.CloneUrl"/> need no call): open pull requests
    /// with that head move to the new commit and emit <c>pull_request synchronize</c>.
    /// </summary>
    public async Task NotifyPushAsync(string fullName, string branch, string pusherLogin, CancellationToken cancellationToken)
    {
        var repo = LockedRepo(fullName);
        UserState pusher;
        lock (_runtime.State.Gate)
        {
            pusher = _runtime.State.User(pusherLogin);
        }

        await PushEvents.SyncPullsAsync(_runtime, repo, branch, pusher, cancellationToken);
    }

    private RepositoryState LockedRepo(string fullName)
    {
        lock (_runtime.State.Gate)
        {
            return Repo(fullName);
        }
    }

    private RepositoryState Repo(string fullName) =>
        _runtime.State.Repositories.GetValueOrDefault(fullName)
        ?? throw new ArgumentException($"the simulator has no repository '{fullName}'", nameof(fullName));

    private static IssueState Issue(RepositoryState repo, int number) =>
        repo.Issues.GetValueOrDefault(number) ?? throw new ArgumentException($"{repo.FullName} has no #{number}", nameof(number));
}
