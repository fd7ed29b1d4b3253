using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GitBot.Simulator.Http;
using GitBot.Simulator.Shapes;

namespace GitBot.Simulator.Handlers;

/// <summary>
/// <c>POST /app-manifests/{code}/conversions</c>: creates the App the manifest describes and answers its id, key and
/// secrets once. Unauthenticated, as on GitHub (the code is the credential). An unknown, used or expired code is 404.
/// </summary>
internal static class AppManifestHandlers
{
    public static void Register(HandlerRegistry registry) => registry.Add("apps/create-from-manifest", Convert);

    private static ValueTask<SimResponse> Convert(HandlerContext c)
    {
        var runtime = c.Runtime;
        if (runtime.Manifests.Redeem(c.Path("code"), runtime.Now) is not { } pending)
        {
            return ValueTask.FromResult(c.NotFound());
        }

        var manifest = JsonNode.Parse(pending.ManifestJson)!.AsObject();
        using var key = RSA.Create(2048);
        var name = manifest["name"]?.GetValue<string>() is { Length: > 0 } n ? n : "gitbot-" + RandomNumberGenerator.GetHexString(6, lowercase: true);
        var app = new SimulatedApp(RandomNumberGenerator.GetInt32(1_000_000, 9_999_999), Slug(name), name,
            key.ExportRSAPrivateKeyPem(), RandomNumberGenerator.GetHexString(40, lowercase: true));
        runtime.Manifests.Record(app);

        JsonObject body;
        lock (c.Gate)
        {
            body = runtime.Shapes.AppObject(app, runtime.State.User(pending.OwnerLogin));
        }

        body["description"] = manifest["description"]?.DeepClone() ?? string.Empty;
        body["external_url"] = manifest["url"]?.DeepClone();
        body["created_at"] = ObjectShapes.Timestamp(runtime.Now);
        body["updated_at"] = ObjectShapes.Timestamp(runtime.Now);
        body["permissions"] = manifest["default_permissions"]?.DeepClone() ?? new JsonObject { ["metadata"] = "read" };
        body["events"] = manifest["default_events"]?.DeepClone() ?? new JsonArray();
        body["client_secret"] = RandomNumberGenerator.GetHexString(40, lowercase: true);
        body["webhook_secret"] = app.WebhookSecret;
        body["pem"] = app.PrivateKeyPem;
        body["client_id"] = "Iv23" + app.Id.ToString("x12", CultureInfo.InvariantCulture);
        return ValueTask.FromResult(SimResponse.Of(201, body));
    }

    private static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')).Trim('-');
}
