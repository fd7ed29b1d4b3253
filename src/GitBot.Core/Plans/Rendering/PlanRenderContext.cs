namespace GitBot.Core.Plans.Rendering;

/// <summary>What rendering needs besides the plan.</summary>
/// <param name="Now">The current time (running tasks show how long they have run).</param>
/// <param name="BranchPrefix">The repository's branch prefix; the integration branch is <c>{prefix}/{issue}</c>.</param>
/// <param name="LogBaseUrl">Public base URL of GitBot's log pages, without a trailing slash; null hides log links.</param>
/// <param name="LogLinkSignature">
/// Signs a log link for a plan id and task id; the signature is added as <c>?sig=</c> and checked by the server, so a
/// log can be read only through the link GitBot posted. Null adds none.
/// </param>
public sealed record PlanRenderContext(DateTimeOffset Now, string BranchPrefix, string? LogBaseUrl, Func<long, string, string>? LogLinkSignature = null);
