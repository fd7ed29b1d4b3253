using GitBot.Simulator.Http;

namespace GitBot.Simulator.Handlers;

/// <summary>Answers one documented operation. Runs after routing, validation, faults, auth and the rate limit.</summary>
internal delegate ValueTask<SimResponse> Handler(HandlerContext context);
