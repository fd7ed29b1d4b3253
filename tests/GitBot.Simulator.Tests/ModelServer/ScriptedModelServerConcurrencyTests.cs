using System.Text.Json.Nodes;
using GitBot.Simulator.ModelServer;

namespace GitBot.Simulator.Tests.ModelServer;

public sealed class ScriptedModelServerConcurrencyTests
{
    [Fact]
    public async Task Concurrent_conversations_each_get_their_own_step()
    {
        string[] tasks = ["task A", "task B", "task C"];
        var script = new ModelScript(tasks.Select(t => ModelScript.When(t,
            ModelStep.WriteFile($"{t[^1]}.txt", t),
            ModelStep.Bash($"echo {t}"),
            ModelStep.Text($"{t} done"))).ToArray());
        await using var server = await ScriptedModelServer.StartAsync(script, CancellationToken.None);

        // Every (conversation, turn) pair four times over, all at once and shuffled.
        var calls = Enumerable.Range(0, 4)
            .SelectMany(_ => tasks.SelectMany(t => Enumerable.Range(0, 3).Select(turn => (Task: t, Turn: turn))))
            .OrderBy(c => HashCode.Combine(c.Task, c.Turn, Random.Shared.Next()))
            .ToList();
        var answers = await Task.WhenAll(calls.Select(async c =>
        {
            using var response = await ModelHttp.PostAsync(server.BaseUrl, ModelHttp.Body($"please do {c.Task}", c.Turn, stream: true));
            var events = ModelHttp.ParseSse(await response.Content.ReadAsStringAsync());
            var block = events.Single(e => e.Name == "content_block_start").Data["content_block"]!;
            var deltas = string.Concat(events.Where(e => e.Name == "content_block_delta")
                .Select(e => (string?)e.Data["delta"]!["partial_json"] ?? (string?)e.Data["delta"]!["text"]));
            return (c.Task, c.Turn, Type: (string?)block["name"] ?? "text", Payload: deltas);
        }));

        foreach (var answer in answers)
        {
            switch (answer.Turn)
            {
                case 0:
                    Assert.Equal("Write", answer.Type);
                    Assert.Equal($"{ModelHttp.Cwd}/{answer.Task[^1]}.txt", (string?)JsonNode.Parse(answer.Payload)!["file_path"]);
                    break;
                case 1:
                    Assert.Equal("Bash", answer.Type);
                    Assert.Equal($"echo {answer.Task}", (string?)JsonNode.Parse(answer.Payload)!["command"]);
                    break;
                default:
                    Assert.Equal("text", answer.Type);
                    Assert.Equal($"{answer.Task} done", answer.Payload);
                    break;
            }
        }

        Assert.Equal(calls.Count, server.Requests.Count);
    }
}
