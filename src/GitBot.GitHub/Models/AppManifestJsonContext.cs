using System.Text.Json.Serialization;

namespace GitBot.GitHub.Models;

/// <summary>Source-generated serialization for the manifest conversion answer (snake_case, unknown fields ignored).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(AppManifestConversion))]
public sealed partial class AppManifestJsonContext : JsonSerializerContext;
