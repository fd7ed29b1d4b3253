using System.Text;
using System.Text.Json;
using GitBot.GitHub.Webhooks;
using GitBot.Testing;

namespace GitBot.GitHub.Tests.Webhooks;

/// <summary>
/// GitHub's published example payloads (<c>shared/github/webhook-examples.json</c>), read in place. Each example
/// is kept as its raw JSON text so the parser sees exactly the bytes GitHub's documentation shows.
/// </summary>
internal static class WebhookExamples
{
    /// <summary>The events GitBot parses into typed records.</summary>
    public static readonly string[] SupportedEvents =
    [
        "issues", "issue_comment", "pull_request", "pull_request_review", "pull_request_review_comment",
        "check_run", "check_suite", "installation", "installation_repositories", "push", "workflow_run", "ping",
    ];

    private static readonly Lazy<Dictionary<string, string[]>> ByEvent = new(Load);

    public static IReadOnlyCollection<string> AllEvents => ByEvent.Value.Keys;

    public static int Count(string eventName) => ByEvent.Value[eventName].Length;

    public static string Text(string eventName, int index) => ByEvent.Value[eventName][index];

    public static byte[] Utf8(string eventName, int index) => Encoding.UTF8.GetBytes(Text(eventName, index));

    /// <summary>An independent view of the example for expectations: plain <see cref="JsonDocument"/>, no records.</summary>
    public static JsonDocument Document(string eventName, int index) => JsonDocument.Parse(Text(eventName, index));

    /// <summary>Parses the example as its event and asserts it came out as <typeparamref name="T"/>.</summary>
    public static T Parse<T>(string eventName, int index)
        where T : WebhookEvent
    {
        var result = WebhookPayloadParser.Parse(eventName, Utf8(eventName, index));
        Assert.True(result.IsParsed, result.Error);
        return Assert.IsType<T>(result.Event);
    }

    /// <summary>One (event, index) row per example of the given events, so each example is its own test case.</summary>
    public static TheoryData<string, int> Cases(params string[] eventNames)
    {
        var data = new TheoryData<string, int>();
        foreach (var name in eventNames)
        {
            var count = Count(name);
            if (count == 0)
            {
                throw new InvalidOperationException($"webhook-examples.json has no examples of {name}");
            }

            for (var i = 0; i < count; i++)
            {
                data.Add(name, i);
            }
        }

        return data;
    }

    private static Dictionary<string, string[]> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedFiles.WebhookExamplesJson));
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var definition in document.RootElement.EnumerateArray())
        {
            var name = definition.GetProperty("name").GetString()!;
            result[name] = definition.GetProperty("examples").EnumerateArray().Select(e => e.GetRawText()).ToArray();
        }

        return result;
    }
}
