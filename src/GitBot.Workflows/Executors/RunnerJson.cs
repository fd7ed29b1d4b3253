using System.Text.Json;

namespace GitBot.Workflows.Executors;

/// <summary>The JSON of the runner API (snake_case), shared by the server's endpoints and <c>gitbot run-task</c>.</summary>
public static class RunnerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };
}
