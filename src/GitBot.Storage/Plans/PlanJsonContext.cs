using System.Text.Json.Serialization;

namespace GitBot.Storage.Plans;

/// <summary>
/// Source-generated JSON for the string lists stored as JSON array text (<c>depends_on</c>, <c>files</c>) and for the
/// details of the <c>plan.created</c> audit entry.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(PlanCreatedDetails))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;

/// <summary>Details of a <c>plan.created</c> audit entry, e.g. <c>{"plan":12,"label":"agent"}</c>.</summary>
internal sealed record PlanCreatedDetails(long Plan, string Label);
