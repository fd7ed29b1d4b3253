using System.Security.Cryptography;
using GitBot.Simulator.Handlers;
using GitBot.Simulator.State;

namespace GitBot.Simulator;

/// <summary>Check runs made by outside CI (possibly another GitHub App) and a person's Re-run click.</summary>
public sealed partial class GitHubSimulator
{
    /// <summary>
    /// Completes the check run named <paramref name="name"/> on <paramref name="headSha"/> (creating it, as an outside
    /// CI would) with <paramref name="conclusion"/> (e.g. <c>success</c>, <c>failure</c>); emits <c>check_run completed</c>.
    /// The run belongs to the simulated App.
    /// </summary>
    public Task<long> CompleteCheckRunAsync(string fullName, string headSha, string name, string conclusion,
        CancellationToken cancellationToken) =>
        CompleteCheckRunAsync(fullName, headSha, name, conclusion, null, cancellationToken);

    /// <summary>
    /// Like <see cref="CompleteCheckRunAsync(string, string, string, string, CancellationToken)"/>, but the run is created by
    /// the GitHub App <paramref name="appSlug"/> (another App, made up on first use with its own id; null = the simulated
    /// App), so its <c>app</c> in the API and in webhooks is that App: a check with GitBot's name from someone else.
    /// </summary>
    public Task<long> CompleteCheckRunAsync(string fullName, string headSha, string name, string conclusion, string? appSlug,
        CancellationToken cancellationToken)
    {
        lock (_runtime.State.Gate)
        {
            var repo = Repo(fullName);
            var app = appSlug is null || appSlug == App.Slug ? App : OtherApp(appSlug);
            var run = repo.CheckRuns.LastOrDefault(r => r.HeadSha == headSha && r.Name == name && r.App.Id == app.Id);
            if (run is null)
            {
                run = new CheckRunState(_runtime.State.NextId(), name, headSha, app, _runtime.Now);
                repo.CheckRuns.Add(run);
            }

            ChecksHandlers.Complete(_runtime, repo, run, conclusion, repo.Owner);
            return Task.FromResult(run.Id);
        }
    }

    /// <summary>
    /// <paramref name="actorLogin"/> clicks Re-run on check run <paramref name="checkRunId"/>: emits <c>check_run rerequested</c>
    /// with the whole run (check suite with its head SHA, pull requests, app). As on GitHub, only the App that created
    /// the run hears it, so a run of another App emits nothing.
    /// </summary>
    public Task RerequestCheckRunAsync(string fullName, long checkRunId, string actorLogin, CancellationToken cancellationToken)
    {
        lock (_runtime.State.Gate)
        {
            var repo = Repo(fullName);
            var run = repo.CheckRuns.FirstOrDefault(r => r.Id == checkRunId)
                      ?? throw new ArgumentException($"{fullName} has no check run {checkRunId}", nameof(checkRunId));
            ChecksHandlers.Rerequest(_runtime, repo, run, _runtime.State.User(actorLogin));
            return Task.CompletedTask;
        }
    }

    /// <summary>Another GitHub App (a CI system), made up with its own id the first time its slug is used. Call under the lock.</summary>
    private SimulatedApp OtherApp(string slug)
    {
        if (!_runtime.State.OtherApps.TryGetValue(slug, out var app))
        {
            var id = RandomNumberGenerator.GetInt32(1_000_000, 9_999_999);
            app = new SimulatedApp(id, slug, slug, string.Empty, string.Empty);
            _runtime.State.OtherApps[slug] = app;
        }

        return app;
    }
}
