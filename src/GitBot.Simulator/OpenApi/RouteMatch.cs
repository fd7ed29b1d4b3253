namespace GitBot.Simulator.OpenApi;

/// <summary>A request matched to a documented operation, with its path parameters (already URL-decoded).</summary>
internal sealed record RouteMatch(ApiOperation Operation, IReadOnlyDictionary<string, string> PathParameters);
