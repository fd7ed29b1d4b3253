using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.Simulator.OpenApi;
using GitBot.Testing;

namespace GitBot.Simulator.Tests;

public sealed class SchemaTests
{
    private static OpenApiSpec Spec => OpenApiSpec.Load(SharedFiles.RestApiJson);

    private static JsonElement Schema(string name) => Spec.Root.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static List<SchemaViolation> Validate(string schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return SchemaValidator.Validate(Spec, Schema(schema), document.RootElement);
    }

    [Fact]
    public void An_empty_object_misses_every_required_field_and_the_filler_supplies_them()
    {
        var missing = Validate("pull-request", "{}");
        Assert.Contains(missing, v => v is { Field: "head", Code: "missing_field" });
        Assert.True(missing.Count >= 30, $"only {missing.Count} violations");

        var filled = new SchemaFiller(Spec, DateTimeOffset.UnixEpoch).Fill(Schema("pull-request"), new JsonObject())!;
        using var document = JsonDocument.Parse(filled.ToJsonString());
        Assert.Empty(SchemaValidator.Validate(Spec, Schema("pull-request"), document.RootElement));
        Assert.Equal("1970-01-01T00:00:00Z", filled["created_at"]!.GetValue<string>());
    }

    [Fact]
    public void The_filler_keeps_what_is_given_and_completes_nested_objects()
    {
        var given = new JsonObject { ["login"] = "alice", ["id"] = 7, ["extra"] = true };
        var filled = new SchemaFiller(Spec, DateTimeOffset.UnixEpoch).Fill(Schema("simple-user"), given)!;

        Assert.Equal("alice", filled["login"]!.GetValue<string>());
        Assert.Equal(7, filled["id"]!.GetValue<int>());
        Assert.True(filled["extra"]!.GetValue<bool>());
        Assert.NotNull(filled["repos_url"]);
    }

    [Theory]
    [InlineData("""{"id":"7","login":"a"}""", "'id' must be of type integer")]
    [InlineData("""{"status":"exploded"}""", "is not a member of")]
    public void Types_and_enums_are_enforced(string json, string expected)
    {
        var schema = json.Contains("status", StringComparison.Ordinal) ? "check-run" : "simple-user";
        var violations = Validate(schema, json);
        Assert.Contains(violations, v => v.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Nullable_fields_accept_null_and_others_do_not()
    {
        Assert.DoesNotContain(Validate("issue-comment", """{"performed_via_github_app":null}"""),
            v => v.Field == "performed_via_github_app");
        Assert.Contains(Validate("issue-comment", """{"id":null}"""), v => v.Field == "id" && v.Code == "invalid");
    }

    [Fact]
    public void Webhook_schemas_are_found_by_event_and_action()
    {
        Assert.NotNull(Spec.WebhookSchema("issue_comment", "created"));
        Assert.NotNull(Spec.WebhookSchema("pull_request_review", "dismissed"));
        Assert.Null(Spec.WebhookSchema("issues", "no-such-action"));
    }
}
