using GitBot.Simulator.OpenApi;
using GitBot.Testing;

namespace GitBot.Simulator.Tests;

public sealed class RouteTableTests
{
    private static OpenApiSpec Spec => OpenApiSpec.Load(SharedFiles.RestApiJson);

    private static RouteMatch? Match(string method, string path) =>
        Spec.Routes.Match(method, path.Split('/', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void The_description_is_loaded_once_and_indexes_every_operation()
    {
        Assert.Same(Spec, OpenApiSpec.Load(SharedFiles.RestApiJson));
        Assert.True(Spec.OperationsById.Count > 1000, $"only {Spec.OperationsById.Count} operations indexed");
        Assert.Contains("pulls/create-review", Spec.OperationsById.Keys);
    }

    [Theory]
    [InlineData("GET", "/repos/o/r/issues/comments", "issues/list-comments-for-repo")]
    [InlineData("GET", "/repos/o/r/issues/12", "issues/get")]
    [InlineData("POST", "/repos/o/r/issues/12/comments", "issues/create-comment")]
    [InlineData("PATCH", "/repos/o/r/issues/comments/99", "issues/update-comment")]
    [InlineData("GET", "/repos/o/r/collaborators/alice/permission", "repos/get-collaborator-permission-level")]
    [InlineData("POST", "/app/installations/7/access_tokens", "apps/create-installation-access-token")]
    [InlineData("GET", "/app", "apps/get-authenticated")]
    [InlineData("PUT", "/repos/o/r/pulls/3/merge", "pulls/merge")]
    [InlineData("GET", "/rate_limit", "rate-limit/get")]
    public void Literal_segments_beat_parameters(string method, string path, string operationId) =>
        Assert.Equal(operationId, Match(method, path)?.Operation.OperationId);

    [Fact]
    public void Path_parameters_are_extracted_by_name()
    {
        var match = Match("POST", "/repos/octo/widgets/pulls/42/reviews")!;
        Assert.Equal("octo", match.PathParameters["owner"]);
        Assert.Equal("widgets", match.PathParameters["repo"]);
        Assert.Equal("42", match.PathParameters["pull_number"]);
    }

    [Fact]
    public void A_multi_segment_contents_path_takes_the_rest_of_the_url()
    {
        var match = Match("GET", "/repos/o/r/contents/docs/guide/setup.md")!;
        Assert.Equal("repos/get-content", match.Operation.OperationId);
        Assert.Equal("docs/guide/setup.md", match.PathParameters["path"]);
    }

    [Theory]
    [InlineData("GET", "/repos/o/r/no-such-thing")]
    [InlineData("GET", "/totally/unknown")]
    [InlineData("DELETE", "/app/installations")]
    [InlineData("POST", "/repos/o/r/issues/1/comments/extra")]
    public void Unknown_routes_and_methods_do_not_match(string method, string path) => Assert.Null(Match(method, path));
}
