using System.Text.Json.Serialization;

namespace GitBot.Cli.Action;

/// <summary>Source-generated JSON for the action's outputs (no reflection serializer).</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class ActionJsonContext : JsonSerializerContext;
