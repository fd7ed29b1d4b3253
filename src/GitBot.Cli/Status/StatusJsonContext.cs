using System.Text.Json.Serialization;

namespace GitBot.Cli.Status;

/// <summary>Source-generated JSON for <c>gitbot status --json</c> (camelCase, indented; no reflection serializer).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<RepositoryStatus>))]
[JsonSerializable(typeof(IReadOnlyList<IssueStatus>))]
[JsonSerializable(typeof(PlanStatus))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
