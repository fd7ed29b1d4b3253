using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitBot.Simulator.Http;

/// <summary>A response before it is written: status, headers and a JSON (or raw) body.</summary>
internal sealed class SimResponse
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private SimResponse(int status, JsonNode? json, string? raw)
    {
        Status = status;
        Json = json;
        RawBody = raw;
    }

    public int Status { get; set; }

    public JsonNode? Json { get; }

    public string? RawBody { get; private set; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body's media type: JSON unless a handler answers in another representation (a diff).</summary>
    public string ContentType { get; init; } = "application/json; charset=utf-8";

    public static SimResponse Of(int status, JsonNode? json) => new(status, json, null);

    public static SimResponse Raw(int status, string? body) => new(status, null, body);

    public static SimResponse Empty(int status) => new(status, null, null);

    /// <summary>A non-JSON answer, such as a pull request's diff, with its media type.</summary>
    public static SimResponse Media(int status, string body, string contentType) => new(status, null, body) { ContentType = contentType };

    /// <summary>GitHub's error body: <c>{"message":…,"documentation_url":…,"status":"…"}</c>.</summary>
    public static SimResponse Error(int status, string message, string documentationUrl = "https://docs.github.com/rest") =>
        Of(status, new JsonObject
        {
            ["message"] = message,
            ["documentation_url"] = documentationUrl,
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>The body as sent; serialized once so the ETag and the bytes on the wire agree.</summary>
    public string? Text() => RawBody ??= Json?.ToJsonString(Compact);

    public async Task WriteAsync(HttpListenerResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        var text = Status == 304 ? null : Text();
        if (text is null)
        {
            response.ContentLength64 = 0;
            response.Close();
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentType = ContentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes, cancellationToken);
        response.Close();
    }
}
