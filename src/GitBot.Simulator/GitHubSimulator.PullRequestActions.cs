using System.Text.Json.Nodes;
using GitBot.Simulator.Git;
using GitBot.Simulator.GitHttp;
using GitBot.Simulator.Handlers;
using GitBot.Simulator.State;

namespace GitBot.Simulator;

/// <summary>What a person does to a pull request on github.com: open it, mark it ready, push to it, review it.</summary>
public sealed partial class GitHubSimulator
{
    /// <summary>Opens a pull request from branch <paramref name="head"/> (which must exist in the bare repo); emits <c>pull_request opened</c>.</summary>
    public Task<int> OpenPullRequestAsync(string fullName, string head, string @base, string title, string? body,
        string authorLogin, CancellationToken cancellationToken) =>
        OpenPullRequestAsync(fullName, head, @base, title, body, authorLogin, draft: false, cancellationToken);

    /// <summary>
    /// Opens a pull request (a draft when <paramref name="draft"/>) from branch <paramref name="head"/>; writes its
    /// <c>refs/pull/{n}/head</c>, then emits <c>pull_request opened</c>. Returns its number.
    /// </summary>
    public async Task<int> OpenPullRequestAsync(string fullName, string head, string @base, string title, string? body,
        string authorLogin, bool draft, CancellationToken cancellationToken)
    {
        var repo = LockedRepo(fullName);
        var headSha = await _runtime.Git.ResolveAsync(repo.BarePath, "refs/heads/" + head, cancellationToken)
                      ?? throw new ArgumentException($"branch '{head}' does not exist in {fullName}", nameof(head));
        var baseSha = await _runtime.Git.ResolveAsync(repo.BarePath, "refs/heads/" + @base, cancellationToken)
                      ?? throw new ArgumentException($"branch '{@base}' does not exist in {fullName}", nameof(@base));
        IssueState issue;
        lock (_runtime.State.Gate)
        {
            issue = PullsHandlers.Open(_runtime, repo, _runtime.State.User(authorLogin), title, body, head, headSha, @base, baseSha, draft);
        }

        await PullsHandlers.WritePullRefAsync(_runtime, repo, issue.Number, headSha, cancellationToken);
        lock (_runtime.State.Gate)
        {
            PullsHandlers.PublishOpened(_runtime, repo, issue);
            return issue.Number;
        }
    }

    /// <summary>
    /// Marks a draft pull request ready for review as <paramref name="actorLogin"/>; emits <c>pull_request ready_for_review</c>
    /// (nothing when it is not a draft, as GitHub).
    /// </summary>
    public Task MarkReadyForReviewAsync(string fullName, int number, string actorLogin, CancellationToken cancellationToken)
    {
        lock (_runtime.State.Gate)
        {
            var repo = Repo(fullName);
            var issue = Issue(repo, number);
            var pull = issue.Pull ?? throw new ArgumentException($"#{number} is not a pull request", nameof(number));
            if (!pull.Draft)
            {
                return Task.CompletedTask;
            }

            pull.Draft = false;
            issue.UpdatedAt = _runtime.Now;
            _runtime.Events.Publish("pull_request", "ready_for_review", repo, repo.InstallationId, _runtime.State.User(actorLogin),
                new JsonObject
                {
                    ["number"] = issue.Number,
                    ["pull_request"] = _runtime.Shapes.PullRequest(repo, issue),
                });
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// A person pushing a commit: commits <paramref name="files"/> on <paramref name="branch"/> as
    /// <paramref name="pusherLogin"/> (like <see cref="CommitFilesAsync"/>), then emits what GitHub sends for a push: <c>push</c>
    /// (pusher and sender = that person) and <c>pull_request synchronize</c> for open pull requests on the branch. Returns the commit.
    /// </summary>
    public async Task<string> PushCommitAsync(string fullName, string branch, IReadOnlyDictionary<string, string> files, string message,
        string pusherLogin, CancellationToken cancellationToken)
    {
        var repo = LockedRepo(fullName);
        UserState pusher;
        lock (_runtime.State.Gate)
        {
            pusher = _runtime.State.User(pusherLogin);
        }

        var before = await _runtime.Git.RefsAsync(repo.BarePath, cancellationToken);
        var commit = await _runtime.Git.CommitFilesAsync(repo.BarePath, branch, "refs/heads/" + repo.DefaultBranch, files, message,
            pusherLogin, cancellationToken);
        var after = new Dictionary<string, string>(before, StringComparer.Ordinal) { ["refs/heads/" + branch] = commit };
        await PushEvents.EmitAsync(_runtime, repo, pusher, before, after, cancellationToken);
        return commit;
    }

    /// <summary>
    /// Submits a review as <paramref name="reviewerLogin"/>: <paramref name="reviewEvent"/> is <c>APPROVE</c>,
    /// <c>REQUEST_CHANGES</c> or <c>COMMENT</c>, on the current head. Emits <c>pull_request_review submitted</c>.
    /// </summary>
    public Task<long> SubmitReviewAsync(string fullName, int number, string reviewerLogin, string reviewEvent, string? body,
        CancellationToken cancellationToken) =>
        SubmitReviewAsync(fullName, number, reviewerLogin, reviewEvent, body, [], cancellationToken);

    /// <summary>
    /// Submits a review with inline <paramref name="comments"/> on the current head, each anchored like the API anchors
    /// them (the line must be in the pull request's diff on its side); emits <c>pull_request_review submitted</c>.
    /// A comment off the diff throws <see cref="ArgumentException"/> with GitHub's message, and nothing is recorded.
    /// </summary>
    public async Task<long> SubmitReviewAsync(string fullName, int number, string reviewerLogin, string reviewEvent, string? body,
        IReadOnlyList<SimulatedReviewCommentInput> comments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var state = reviewEvent switch
        {
            "APPROVE" => "APPROVED",
            "REQUEST_CHANGES" => "CHANGES_REQUESTED",
            "COMMENT" => "COMMENTED",
            _ => throw new ArgumentException($"'{reviewEvent}' is not APPROVE, REQUEST_CHANGES or COMMENT", nameof(reviewEvent)),
        };
        RepositoryState repo;
        IssueState issue;
        string head;
        lock (_runtime.State.Gate)
        {
            repo = Repo(fullName);
            issue = Issue(repo, number);
            head = (issue.Pull ?? throw new ArgumentException($"#{number} is not a pull request", nameof(number))).HeadSha;
        }

        IReadOnlyList<AnchoredComment> anchored = [];
        if (comments.Count > 0)
        {
            var diff = await PullDiffs.LoadAsync(_runtime, repo, issue, head, cancellationToken);
            var (placed, error) = ReviewAnchors.Anchor(UnifiedDiffReader.Read(diff),
                [.. comments.Select(c => new ReviewCommentInput(c.Path, c.Line, c.Side, c.StartLine, null, null, c.Body))]);
            anchored = error is null ? placed : throw new ArgumentException(error, nameof(comments));
        }

        lock (_runtime.State.Gate)
        {
            return ReviewsHandlers.Submit(_runtime, repo, issue, _runtime.State.User(reviewerLogin), state, body, head, anchored).Id;
        }
    }
}
