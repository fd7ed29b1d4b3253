using System.Globalization;
using System.Text.Json.Nodes;
using GitBot.Simulator.Http;
using GitBot.Simulator.Shapes;
using GitBot.Simulator.Webhooks;

namespace GitBot.Simulator.Handlers;

/// <summary>The App's webhook delivery log: list (newest first, cursor pagination), get one, and ask for a redelivery.</summary>
internal static class DeliveriesHandlers
{
    private const string CursorPrefix = "v1_";

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("apps/list-webhook-deliveries", List);
        registry.Add("apps/get-webhook-delivery", Get);
        registry.Add("apps/redeliver-webhook-delivery", Redeliver);
    }

    private static ValueTask<SimResponse> List(HandlerContext c)
    {
        var perPage = Math.Clamp(int.TryParse(c.Query("per_page"), CultureInfo.InvariantCulture, out var p) ? p : 30, 1, 100);
        var startAt = c.Query("cursor") is { } cursor && cursor.StartsWith(CursorPrefix, StringComparison.Ordinal)
                      && long.TryParse(cursor[CursorPrefix.Length..], CultureInfo.InvariantCulture, out var id)
            ? id
            : long.MaxValue;
        var status = c.Query("status");
        var matching = c.Runtime.Dispatcher.Log
            .Where(d => status is null || (status == "success") == d.Succeeded)
            .OrderByDescending(d => d.Id)
            .Where(d => d.Id <= startAt)
            .Take(perPage + 1)
            .ToList();
        var page = matching.Take(perPage).Select(d => (JsonNode)Item(d)).ToList();
        var response = c.Ok(new JsonArray([.. page]));
        if (matching.Count > perPage)
        {
            var next = Pagination.Url(c.Request, c.Runtime.Shapes.ApiBase, new Dictionary<string, string>
            {
                ["per_page"] = perPage.ToString(CultureInfo.InvariantCulture),
                ["cursor"] = CursorPrefix + matching[perPage].Id.ToString(CultureInfo.InvariantCulture),
            });
            response.Headers["Link"] = $"<{next}>; rel=\"next\"";
        }

        return ValueTask.FromResult(response);
    }

    private static ValueTask<SimResponse> Get(HandlerContext c)
    {
        if (c.Runtime.Dispatcher.Find(c.PathLong("delivery_id")) is not { } delivery)
        {
            return ValueTask.FromResult(c.NotFound());
        }

        var item = Item(delivery);
        item["url"] = c.Runtime.Dispatcher.TargetUrl?.ToString();
        item["request"] = new JsonObject
        {
            ["headers"] = Headers(delivery.RequestHeaders),
            ["payload"] = JsonNode.Parse(delivery.RequestBody),
        };
        item["response"] = new JsonObject { ["headers"] = new JsonObject(), ["payload"] = delivery.ResponseBody };
        return ValueTask.FromResult(c.Ok(item));
    }

    private static ValueTask<SimResponse> Redeliver(HandlerContext c)
    {
        if (c.Runtime.Dispatcher.Find(c.PathLong("delivery_id")) is not { } delivery)
        {
            return ValueTask.FromResult(c.NotFound());
        }

        c.Runtime.Dispatcher.Enqueue(new PendingDelivery(delivery.Event, delivery.Action, null, delivery.InstallationId,
            delivery.RepositoryId, delivery));
        return ValueTask.FromResult(c.Ok(new JsonObject()));
    }

    private static JsonObject Item(SimulatedDelivery d) => new()
    {
        ["id"] = d.Id,
        ["guid"] = d.Guid.ToString(),
        ["delivered_at"] = ObjectShapes.Timestamp(d.DeliveredAt),
        ["redelivery"] = d.Redelivery,
        ["duration"] = Math.Round(d.Duration, 3),
        ["status"] = d.Status,
        ["status_code"] = d.StatusCode,
        ["event"] = d.Event,
        ["action"] = d.Action,
        ["installation_id"] = d.InstallationId,
        ["repository_id"] = d.RepositoryId,
        ["throttled_at"] = null,
    };

    private static JsonObject Headers(IReadOnlyDictionary<string, string> headers)
    {
        var result = new JsonObject();
        foreach (var (name, value) in headers)
        {
            result[name] = JsonValue.Create(value);
        }

        return result;
    }
}
