using System.Text.Json;
using GitBot.Core.Plans;

namespace GitBot.Core.Tests.Plans;

public sealed class PlannerOutputParserTests
{
    private const string Valid = """{"tasks":[{"id":"api","title":"Add API","role":"backend","instructions":"Do it","depends_on":[],"files":["src/a.cs"]},{"id":"ui","title":"Page","role":"frontend","instructions":"Draw it","depends_on":["api"]}]}""";

    [Theory]
    [InlineData(Valid)]
    [InlineData("Here is the plan:\n\n```json\n" + Valid + "\n```\n\nGood luck!")]
    [InlineData("```\n" + Valid + "\n```")]
    [InlineData("```json " + Valid + " ```")]
    [InlineData("I considered {a, b} first. Final answer: " + Valid + " — done.")]
    [InlineData("Draft: {\"tasks\": []}\n\nFinal:\n```json\n" + Valid + "\n```")]
    public void The_plan_is_found_in_prose_and_fences(string output)
    {
        var result = PlannerOutputParser.Parse(output);

        Assert.Null(result.Error);
        Assert.NotNull(result.Tasks);
        Assert.Equal(["api", "ui"], result.Tasks.Select(t => t.Id));
        Assert.Equal(["src/a.cs"], result.Tasks[0].Files);
        Assert.Empty(result.Tasks[0].DependsOn);
        Assert.Equal(["api"], result.Tasks[1].DependsOn);
        Assert.Empty(result.Tasks[1].Files);
        Assert.Equal("Draw it", result.Tasks[1].Instructions);
        Assert.Equal("frontend", result.Tasks[1].Role);
    }

    [Fact]
    public void Braces_inside_strings_do_not_confuse_the_search()
    {
        var result = PlannerOutputParser.Parse("""Plan: {"tasks":[{"id":"1","title":"Use {braces} and \"quotes\"","role":"coder","instructions":"}{"}]} end""");

        Assert.Null(result.Error);
        Assert.Equal("Use {braces} and \"quotes\"", Assert.Single(result.Tasks!).Title);
    }

    [Fact]
    public void Null_optional_arrays_are_empty()
    {
        var result = PlannerOutputParser.Parse("""{"tasks":[{"id":"1","title":"t","role":"coder","instructions":"i","depends_on":null,"files":null}]}""");

        Assert.Null(result.Error);
        Assert.Empty(Assert.Single(result.Tasks!).DependsOn);
    }

    [Theory]
    [InlineData("", "the planner's answer is empty; expected a JSON object with a \"tasks\" array")]
    [InlineData("I could not make a plan.", "no JSON object found in the planner's answer; expected a JSON object with a \"tasks\" array")]
    [InlineData("{\"plan\": []}", "the JSON object has no \"tasks\" property")]
    [InlineData("{\"tasks\": {}}", "tasks must be an array of task objects")]
    [InlineData("{\"tasks\": [], \"summary\": \"x\"}", "the JSON object has an unknown property \"summary\"; allowed: tasks")]
    [InlineData("{\"tasks\": [1]}", "tasks[0] must be an object")]
    [InlineData("{\"tasks\":[{\"title\":\"t\",\"role\":\"r\",\"instructions\":\"i\"}]}", "tasks[0].id is required")]
    [InlineData("{\"tasks\":[{\"id\":1,\"title\":\"t\",\"role\":\"r\",\"instructions\":\"i\"}]}", "tasks[0].id must be a string")]
    [InlineData("{\"tasks\":[{\"id\":\"1\",\"title\":\"t\",\"role\":\"r\"}]}", "tasks[0].instructions is required")]
    [InlineData("{\"tasks\":[{\"id\":\"1\",\"title\":null,\"role\":\"r\",\"instructions\":\"i\"}]}", "tasks[0].title must be a string")]
    [InlineData("{\"tasks\":[{\"id\":\"1\",\"title\":\"t\",\"role\":\"r\",\"instructions\":\"i\"},{\"id\":\"2\",\"title\":\"t\",\"role\":\"r\",\"instructions\":\"i\"},{\"id\":\"3\",\"title\":\"t\",\"role\":\"r\",\"instructions\":\"i\",\"depends_on\":\"1\"}]}", "tasks[2].depends_on must be an array of strings")]
    [InlineData("{\"tasks\":[{\"id\":\"1\",\"title\":\"t\",\"role\":\"r\",\"instructions\":\"i\",\"depends_on\":[1]}]}", "tasks[0].depends_on must be an array of strings")]
    [InlineData("{\"tasks\":[{\"id\":\"1\",\"title\":\"t\",\"role\":\"r\",\"instructions\":\"i\",\"files\":[\"a\", null]}]}", "tasks[0].files must be an array of strings")]
    [InlineData("{\"tasks\":[{\"id\":\"1\",\"title\":\"t\",\"role\":\"r\",\"instructions\":\"i\",\"priority\":1}]}", "tasks[0] has an unknown property \"priority\"; allowed: id, title, role, instructions, depends_on, files")]
    [InlineData("{\"tasks\":[{\"id\":\"1\",\"id\":\"2\",\"title\":\"t\",\"role\":\"r\",\"instructions\":\"i\"}]}", "tasks[0] has the property \"id\" more than once")]
    public void Errors_say_exactly_what_is_wrong(string output, string error)
    {
        var result = PlannerOutputParser.Parse(output);

        Assert.Null(result.Tasks);
        Assert.Equal(error, result.Error);
    }

    [Theory]
    [InlineData("```json\n{\"tasks\": [ {\"id\": \"1\", } ]}\n```")]
    [InlineData("{\"tasks\": [ {\"id\": \"1\"")]
    public void Json_that_does_not_parse_is_reported_as_such(string output)
    {
        var result = PlannerOutputParser.Parse(output);

        Assert.Null(result.Tasks);
        Assert.StartsWith("the planner's JSON does not parse: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_is_valid_json_and_names_every_property()
    {
        using var schema = JsonDocument.Parse(PlannerOutputParser.JsonSchema);
        var task = schema.RootElement.GetProperty("properties").GetProperty("tasks").GetProperty("items");

        Assert.Equal(
            ["id", "title", "role", "instructions", "depends_on", "files"],
            task.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "title", "role", "instructions"], task.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(task.GetProperty("additionalProperties").GetBoolean());
    }
}
