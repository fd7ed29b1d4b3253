using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.Simulator.Auth;
using GitBot.Simulator.Http;
using GitBot.Simulator.OpenApi;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Handlers;

/// <summary>Everything a handler needs about one request: the match, the validated body, the caller and the repo.</summary>
internal sealed class HandlerContext(
    SimulatorRuntime runtime,
    SimRequest request,
    RouteMatch match,
    JsonElement? body,
    Credential credential,
    RepositoryState? repository,
    CancellationToken cancellationToken)
{
    public SimulatorRuntime Runtime { get; } = runtime;

    public SimRequest Request { get; } = request;

    public RouteMatch Match { get; } = match;

    public JsonElement? Body { get; } = body;

    public Credential Credential { get; } = credential;

    /// <summary>The repository named by <c>{owner}/{repo}</c>, already checked to be covered by the caller's token.</summary>
    public RepositoryState Repository => repository ?? throw new InvalidOperationException("the operation names no repository");

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public object Gate => Runtime.State.Gate;

    public string Path(string name) => Match.PathParameters[name];

    public long PathLong(string name) => long.TryParse(Path(name), CultureInfo.InvariantCulture, out var value) ? value : -1;

    public int PathInt(string name) => int.TryParse(Path(name), CultureInfo.InvariantCulture, out var value) ? value : -1;

    public string? Query(string name) => Request.Query.GetValueOrDefault(name);

    public JsonElement? Field(string name) =>
        Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public string? String(string name) => Field(name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public bool? Bool(string name) => Field(name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    /// <summary>Whom the change is attributed to: the App's bot for installation tokens.</summary>
    public UserState Actor => Runtime.Bot;

    public SimResponse Ok(JsonNode? body) => SimResponse.Of(Match.Operation.SuccessStatus, body);

    public SimResponse NotFound() => SimResponse.Error(404, "Not Found", Match.Operation.DocumentationUrl);

    public SimResponse Unprocessable(string message) =>
        SimResponse.Error(422, message, Match.Operation.DocumentationUrl);

    /// <summary>One page of <paramref name="items"/> with GitHub's <c>Link</c> header.</summary>
    public SimResponse Page(IReadOnlyList<JsonNode> items) =>
        Paged(items, page => new JsonArray([.. page.Select(n => n.Parent is null ? n : n.DeepClone())]));

    /// <summary>One page wrapped in an object, e.g. <c>{"total_count":n,"check_runs":[…]}</c>.</summary>
    public SimResponse Paged(IReadOnlyList<JsonNode> items, Func<IReadOnlyList<JsonNode>, JsonNode> wrap)
    {
        var (page, link) = Pagination.Slice(Request, Runtime.Shapes.ApiBase, items);
        var response = Ok(wrap(page));
        if (link is not null)
        {
            response.Headers["Link"] = link;
        }

        return response;
    }
}
