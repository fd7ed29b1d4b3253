using System.Net;
using System.Text.Json.Nodes;
using GitBot.Simulator.ModelServer;

namespace GitBot.Simulator.Tests.ModelServer;

public sealed class ScriptedModelServerTests
{
    private static readonly ModelScript Script = new(
        ModelScript.When("write the file",
            ModelStep.WriteFile("notes/a.txt", "alpha\n"),
            ModelStep.Bash("echo hi > bash.txt"),
            ModelStep.Text("All done.")),
        ModelScript.When("absolute", ModelStep.Edit("{cwd}/b.txt", "old", "new")),
        ModelScript.When("fail please", ModelStep.Error(400, "invalid_request_error", "scripted failure")))
    {
        Fallback = [ModelStep.Text("fallback answer")],
    };

    [Fact]
    public async Task Streamed_tool_use_arrives_as_server_sent_events_in_the_api_order()
    {
        await using var server = await ScriptedModelServer.StartAsync(Script, CancellationToken.None);

        using var response = await ModelHttp.PostAsync(server.BaseUrl, ModelHttp.Body("please write the file", 0, stream: true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = ModelHttp.ParseSse(await response.Content.ReadAsStringAsync());

        Assert.Equal(
            ["message_start", "ping", "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"],
            events.Select(e => e.Name));
        var message = events[0].Data["message"]!;
        Assert.Equal("assistant", (string?)message["role"]);
        Assert.Equal("claude-sonnet-4-5", (string?)message["model"]);
        Assert.True((int)message["usage"]!["input_tokens"]! > 0);
        var block = events[2].Data["content_block"]!;
        Assert.Equal("tool_use", (string?)block["type"]);
        Assert.Equal("Write", (string?)block["name"]);
        Assert.StartsWith("toolu_", (string?)block["id"], StringComparison.Ordinal);

        var json = string.Concat(events.Where(e => e.Name == "content_block_delta").Select(e => (string?)e.Data["delta"]!["partial_json"]));
        var input = JsonNode.Parse(json)!;
        Assert.Equal(ModelHttp.Cwd + "/notes/a.txt", (string?)input["file_path"]);
        Assert.Equal("alpha\n", (string?)input["content"]);
        Assert.Equal("tool_use", (string?)events[6].Data["delta"]!["stop_reason"]);
        Assert.True((int)events[6].Data["usage"]!["output_tokens"]! > 0);
    }

    [Fact]
    public async Task Steps_follow_the_number_of_assistant_turns_and_end_with_text()
    {
        await using var server = await ScriptedModelServer.StartAsync(Script, CancellationToken.None);

        using var second = await ModelHttp.PostAsync(server.BaseUrl, ModelHttp.Body("please write the file", 1, stream: false));
        var bash = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Equal("message", (string?)bash["type"]);
        Assert.Equal("tool_use", (string?)bash["stop_reason"]);
        Assert.Equal("Bash", (string?)bash["content"]![0]!["name"]);
        Assert.Equal("echo hi > bash.txt", (string?)bash["content"]![0]!["input"]!["command"]);

        using var third = await ModelHttp.PostAsync(server.BaseUrl, ModelHttp.Body("please write the file", 2, stream: false));
        var text = JsonNode.Parse(await third.Content.ReadAsStringAsync())!;
        Assert.Equal("end_turn", (string?)text["stop_reason"]);
        Assert.Equal("All done.", (string?)text["content"]![0]!["text"]);
        Assert.True((int)text["usage"]!["input_tokens"]! > 0);
        Assert.True((int)text["usage"]!["output_tokens"]! > 0);

        using var past = await ModelHttp.PostAsync(server.BaseUrl, ModelHttp.Body("please write the file", 7, stream: false));
        Assert.Equal("Done.", (string?)JsonNode.Parse(await past.Content.ReadAsStringAsync())!["content"]![0]!["text"]);
    }

    [Fact]
    public async Task Placeholders_resolve_and_tool_steps_without_tools_answer_text()
    {
        await using var server = await ScriptedModelServer.StartAsync(Script, CancellationToken.None);

        using var edit = await ModelHttp.PostAsync(server.BaseUrl, ModelHttp.Body("absolute", 0, stream: false));
        var input = JsonNode.Parse(await edit.Content.ReadAsStringAsync())!["content"]![0]!["input"]!;
        Assert.Equal(ModelHttp.Cwd + "/b.txt", (string?)input["file_path"]);
        Assert.Equal("old", (string?)input["old_string"]);
        Assert.Equal("new", (string?)input["new_string"]);

        using var noTools = await ModelHttp.PostAsync(server.BaseUrl, ModelHttp.Body("absolute", 0, stream: false, tools: false));
        var reply = JsonNode.Parse(await noTools.Content.ReadAsStringAsync())!;
        Assert.Equal("text", (string?)reply["content"]![0]!["type"]);
        Assert.Equal("end_turn", (string?)reply["stop_reason"]);
    }

    [Fact]
    public async Task Unmatched_conversations_get_the_fallback_and_reminders_never_match()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            new ModelScript(ModelScript.When("reminder-only-word", ModelStep.Text("matched a reminder"))), CancellationToken.None);

        using var response = await ModelHttp.PostAsync(server.BaseUrl, ModelHttp.Body("something else", 0, stream: false));

        Assert.Equal("OK.", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["content"]![0]!["text"]);
        var record = Assert.Single(server.Requests);
        Assert.Null(record.Rule);
        Assert.Equal("something else", record.FirstUserText);
        Assert.Equal(ModelHttp.Cwd, record.WorkingDirectory);
        Assert.True(record.HasApiKey);
        Assert.False(record.HasAuthorization);
        Assert.Equal("sk-test-key", record.Headers["x-api-key"]);
    }

    [Fact]
    public async Task Error_steps_answer_in_the_api_error_shape_and_forbid_retries()
    {
        await using var server = await ScriptedModelServer.StartAsync(Script, CancellationToken.None);

        using var response = await ModelHttp.PostAsync(server.BaseUrl, ModelHttp.Body("fail please", 0, stream: true));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("false", response.Headers.GetValues("x-should-retry").Single());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("error", (string?)body["type"]);
        Assert.Equal("invalid_request_error", (string?)body["error"]!["type"]);
        Assert.Equal("scripted failure", (string?)body["error"]!["message"]);
    }

    [Fact]
    public async Task Start_up_probes_and_token_counts_are_answered_and_recorded()
    {
        await using var server = await ScriptedModelServer.StartAsync(Script, CancellationToken.None);

        using var head = await ModelHttp.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, server.BaseUrl));
        using var count = await ModelHttp.PostAsync(server.BaseUrl, ModelHttp.Body("x", 0, stream: false), "v1/messages/count_tokens");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True((int)JsonNode.Parse(await count.Content.ReadAsStringAsync())!["input_tokens"]! > 0);
        Assert.Equal(["HEAD /", "POST /v1/messages/count_tokens"], server.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(server.Requests, r => Assert.False(r.IsMessages));
    }
}
