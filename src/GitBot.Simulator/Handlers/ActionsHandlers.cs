using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.Simulator.Http;

namespace GitBot.Simulator.Handlers;

/// <summary>
/// <c>workflow_dispatch</c>: the ref must exist and, for a file name, the workflow file must exist on it (as on
/// GitHub); the dispatch is recorded for tests to inspect.
/// </summary>
internal static class ActionsHandlers
{
    public static void Register(HandlerRegistry registry) => registry.Add("actions/create-workflow-dispatch", Dispatch);

    private static async ValueTask<SimResponse> Dispatch(HandlerContext c)
    {
        var repo = c.Repository;
        var reference = c.String("ref")!;
        var workflow = c.Path("workflow_id");
        if (await c.Runtime.Git.ResolveAsync(repo.BarePath, reference, c.CancellationToken) is null)
        {
            return c.Unprocessable($"No ref found for: {reference}");
        }

        if (!long.TryParse(workflow, System.Globalization.CultureInfo.InvariantCulture, out _)
            && await c.Runtime.Git.StatAsync(repo.BarePath, reference, ".github/workflows/" + workflow, c.CancellationToken) is null)
        {
            return c.NotFound();
        }

        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (c.Field("inputs") is { ValueKind: JsonValueKind.Object } given)
        {
            foreach (var input in given.EnumerateObject())
            {
                inputs[input.Name] = input.Value.ValueKind == JsonValueKind.String ? input.Value.GetString()! : input.Value.GetRawText();
            }
        }

        long runId;
        lock (c.Gate)
        {
            repo.WorkflowDispatches.Add(new SimulatedWorkflowDispatch(repo.FullName, workflow, reference, inputs, c.Runtime.Now));
            runId = c.Runtime.State.NextId();
        }

        return c.Bool("return_run_details") == true
            ? SimResponse.Of(200, new JsonObject
            {
                ["workflow_run_id"] = runId,
                ["run_url"] = $"{c.Runtime.Shapes.ApiBase}repos/{repo.FullName}/actions/runs/{runId}",
                ["html_url"] = $"https://github.com/{repo.FullName}/actions/runs/{runId}",
            })
            : SimResponse.Empty(204);
    }
}
