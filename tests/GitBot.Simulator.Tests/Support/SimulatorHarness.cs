using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GitBot.Simulator.Tests.Support;

/// <summary>A started simulator with one installation and one repository, and an HTTP client holding a token for it.</summary>
public sealed class SimulatorHarness : IAsyncDisposable
{
    public const string Repo = "octo-org/widgets";

    private SimulatorHarness(GitHubSimulator simulator, SimulatedInstallation installation, SimulatedRepository repository, HttpClient http)
    {
        Simulator = simulator;
        Installation = installation;
        Repository = repository;
        Http = http;
    }

    public GitHubSimulator Simulator { get; }

    public SimulatedInstallation Installation { get; }

    public SimulatedRepository Repository { get; }

    /// <summary>Authenticated with an installation token for <see cref="Installation"/>.</summary>
    public HttpClient Http { get; }

    public static async Task<SimulatorHarness> StartAsync(SimulatorOptions? options = null)
    {
        var simulator = await GitHubSimulator.StartAsync(options ?? new SimulatorOptions(), CancellationToken.None);
        var installation = simulator.AddInstallation("octo-org");
        var repository = await simulator.AddRepositoryAsync(installation, Repo, CancellationToken.None);
        var http = Client(simulator, simulator.IssueInstallationToken(installation.Id));
        return new SimulatorHarness(simulator, installation, repository, http);
    }

    public static HttpClient Client(GitHubSimulator simulator, string? token)
    {
        var http = new HttpClient { BaseAddress = simulator.ApiUrl };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("gitbot-simulator-tests");
        http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", token);
        }

        return http;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public Task<HttpResponseMessage> PostAsync(string path, string json) => Http.PostAsync(path, Json(json));

    public async Task<int> OpenIssueAsync(string title = "Add a widget") =>
        await Simulator.OpenIssueAsync(Repo, title, "Please.", "alice", null, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}
