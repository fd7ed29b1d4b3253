using System.Text.Json;

namespace GitBot.Simulator.OpenApi;

/// <summary>One documented path or query parameter of an operation, with its <c>$ref</c> already resolved.</summary>
internal sealed record ApiParameter(string Name, string In, bool Required, JsonElement? Schema, bool MultiSegment);
