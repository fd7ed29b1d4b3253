using System.Text.Json;

namespace GitBot.Simulator.OpenApi;

/// <summary>One documented operation: what the router matched and what the validator and shaper need.</summary>
internal sealed record ApiOperation(
    string OperationId,
    string Method,
    string Template,
    IReadOnlyList<string> Segments,
    IReadOnlyList<ApiParameter> Parameters,
    JsonElement? RequestBodySchema,
    bool RequestBodyRequired,
    int SuccessStatus,
    JsonElement? SuccessSchema,
    string DocumentationUrl)
{
    /// <summary>GitHub's App endpoints (<c>/app…</c>) take the App's JWT; everything else takes a token.</summary>
    public bool RequiresAppJwt =>
        Template == "/app" || Template.StartsWith("/app/", StringComparison.Ordinal)
        || OperationId is "apps/get-repo-installation" or "apps/get-org-installation" or "apps/get-user-installation";

    public ApiParameter? Parameter(string name, string location) =>
        Parameters.FirstOrDefault(p => p.Name == name && p.In == location);
}
