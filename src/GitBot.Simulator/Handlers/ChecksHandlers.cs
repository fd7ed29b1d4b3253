using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.Simulator.Http;
using GitBot.Simulator.Shapes;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Handlers;

/// <summary>Check runs: create, update, get, list for a ref. Completing a run emits <c>check_run completed</c>.</summary>
internal static class ChecksHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("checks/create", Create);
        registry.Add("checks/update", Update);
        registry.Add("checks/get", Get);
        registry.Add("checks/list-for-ref", ListForRef);
        registry.Add("checks/list-annotations", ListAnnotations);
    }

    /// <summary>Marks a run completed and emits <c>check_run completed</c>. Call under the lock.</summary>
    internal static void Complete(SimulatorRuntime runtime, RepositoryState repo, CheckRunState run, string conclusion, UserState sender)
    {
        run.Status = "completed";
        run.Conclusion = conclusion;
        run.CompletedAt ??= runtime.Now;
        runtime.Events.Publish("check_run", "completed", repo, repo.InstallationId, sender, new JsonObject
        {
            ["check_run"] = runtime.Shapes.CheckRunForWebhook(repo, run, runtime.AppOwner),
        });
    }

    private static async ValueTask<SimResponse> Create(HandlerContext c)
    {
        var headSha = c.String("head_sha")!;
        if (await c.Runtime.Git.ResolveAsync(c.Repository.BarePath, headSha, c.CancellationToken) is not { } sha || sha != headSha)
        {
            return c.Unprocessable($"No commit found for SHA: {headSha}");
        }

        lock (c.Gate)
        {
            // GitHub attributes a check run to the App whose token created it; a GITHUB_TOKEN's is github-actions.
            var creator = c.Credential.IsActions ? SimulatedApp.GitHubActions : c.Runtime.App;
            var run = new CheckRunState(c.Runtime.State.NextId(), c.String("name")!, headSha, creator, c.Runtime.Now);
            if (Apply(c, run) is { } error)
            {
                return SimResponse.Of(422, error);
            }

            c.Repository.CheckRuns.Add(run);
            return c.Ok(c.Runtime.Shapes.CheckRun(c.Repository, run, c.Runtime.AppOwner));
        }
    }

    private static ValueTask<SimResponse> Update(HandlerContext c)
    {
        lock (c.Gate)
        {
            var run = c.Repository.CheckRuns.FirstOrDefault(r => r.Id == c.PathLong("check_run_id"));
            if (run is null)
            {
                return ValueTask.FromResult(c.NotFound());
            }

            return ValueTask.FromResult(Apply(c, run) is { } error
                ? SimResponse.Of(422, error)
                : c.Ok(c.Runtime.Shapes.CheckRun(c.Repository, run, c.Runtime.AppOwner)));
        }
    }

    /// <summary>Applies the body's fields; returns an error body when the combination is invalid (nothing is changed then).</summary>
    private static JsonObject? Apply(HandlerContext c, CheckRunState run)
    {
        var status = c.String("status");
        var conclusion = c.String("conclusion");
        if (status == "completed" && conclusion is null && run.Conclusion is null)
        {
            return new JsonObject
            {
                ["message"] = "Invalid request.\n\n\"conclusion\" is required when \"status\" is \"completed\".",
                ["documentation_url"] = c.Match.Operation.DocumentationUrl,
                ["status"] = "422",
            };
        }

        run.Name = c.String("name") ?? run.Name;
        run.DetailsUrl = c.String("details_url") ?? run.DetailsUrl;
        run.ExternalId = c.String("external_id") ?? run.ExternalId;
        if (c.Field("output") is { ValueKind: JsonValueKind.Object } output)
        {
            // Title, summary and text are replaced; annotations accumulate across requests, as on GitHub.
            var sent = JsonNode.Parse(output.GetRawText())!.AsObject();
            if (sent["annotations"] is JsonArray annotations)
            {
                run.Annotations.AddRange(annotations.OfType<JsonObject>().Select(a => a.DeepClone().AsObject()));
                sent.Remove("annotations");
            }

            run.Output = sent;
        }

        if (conclusion is not null)
        {
            Complete(c.Runtime, c.Repository, run, conclusion, c.Actor);
        }
        else if (status is not null)
        {
            run.Status = status;
        }

        return null;
    }

    private static ValueTask<SimResponse> Get(HandlerContext c)
    {
        lock (c.Gate)
        {
            var run = c.Repository.CheckRuns.FirstOrDefault(r => r.Id == c.PathLong("check_run_id"));
            return ValueTask.FromResult(run is null ? c.NotFound() : c.Ok(c.Runtime.Shapes.CheckRun(c.Repository, run, c.Runtime.AppOwner)));
        }
    }

    /// <summary>Emits <c>check_run rerequested</c>, as GitHub does (only to the App that created the run) when someone clicks Re-run. Call under the lock.</summary>
    internal static void Rerequest(SimulatorRuntime runtime, RepositoryState repo, CheckRunState run, UserState sender)
    {
        if (run.App.Id != runtime.App.Id)
        {
            return;
        }

        runtime.Events.Publish("check_run", "rerequested", repo, repo.InstallationId, sender, new JsonObject
        {
            ["check_run"] = runtime.Shapes.CheckRunForWebhook(repo, run, runtime.AppOwner),
        });
    }

    private static ValueTask<SimResponse> ListAnnotations(HandlerContext c)
    {
        lock (c.Gate)
        {
            var run = c.Repository.CheckRuns.FirstOrDefault(r => r.Id == c.PathLong("check_run_id"));
            return ValueTask.FromResult(run is null
                ? c.NotFound()
                : c.Page([.. run.Annotations.Select(a => (JsonNode)ObjectShapes.Annotation(c.Repository, run, a))]));
        }
    }

    private static async ValueTask<SimResponse> ListForRef(HandlerContext c)
    {
        var sha = await c.Runtime.Git.ResolveAsync(c.Repository.BarePath, c.Path("ref"), c.CancellationToken);
        if (sha is null)
        {
            return c.Unprocessable($"No commit found for SHA: {c.Path("ref")}");
        }

        var name = c.Query("check_name");
        var status = c.Query("status");
        var appId = c.Query("app_id");
        lock (c.Gate)
        {
            var runs = c.Repository.CheckRuns
                .Where(r => r.HeadSha == sha && (name is null || r.Name == name) && (status is null || r.Status == status))
                .Where(r => appId is null || r.App.Id.ToString(CultureInfo.InvariantCulture) == appId)
                .OrderByDescending(r => r.Id)
                .Select(r => (JsonNode)c.Runtime.Shapes.CheckRun(c.Repository, r, c.Runtime.AppOwner)).ToList();
            return c.Paged(runs, page => new JsonObject
            {
                ["total_count"] = runs.Count,
                ["check_runs"] = new JsonArray([.. page.Select(p => p.DeepClone())]),
            });
        }
    }
}
