using System.Net;
using GitBot.Core.Deliveries;
using GitBot.GitHub.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests;

public sealed class WebhookIngressTests
{
    [Theory]
    [InlineData(TestServer.Sqlite)]
    [InlineData(TestServer.Postgres)]
    public async Task A_valid_delivery_is_202_and_stored_with_its_routing_fields(string provider)
    {
        await using var server = await TestServer.StartAsync(provider, TestServer.ConfiguredApp());
        var body = Payloads.RealExample("issues");
        var deliveryId = Guid.NewGuid().ToString();

        using var response = await server.PostAsync(deliveryId, body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, await server.CountDeliveriesAsync(deliveryId));
        var store = server.App.Services.GetRequiredService<IDeliveryStore>();
        Assert.Contains(deliveryId, await store.FindStoredAsync([deliveryId], CancellationToken.None));
        var envelope = WebhookPayloadParser.ReadEnvelope(body);
        Assert.NotNull(envelope.InstallationId);
        Assert.Equal(envelope.InstallationId, await server.ScalarAsync<long?>($"SELECT installation_id FROM webhook_deliveries WHERE delivery_id = '{deliveryId}'"));
        Assert.Equal(envelope.RepositoryFullName, await server.ScalarAsync<string?>($"SELECT repository FROM webhook_deliveries WHERE delivery_id = '{deliveryId}'"));
        var stored = await store.GetAsync(deliveryId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(body, stored.Payload.ToArray());
    }

    [Theory]
    [InlineData(TestServer.Sqlite)]
    [InlineData(TestServer.Postgres)]
    public async Task A_duplicate_delivery_is_acknowledged_and_stored_once(string provider)
    {
        await using var server = await TestServer.StartAsync(provider, TestServer.ConfiguredApp());

        using var first = await server.PostAsync("same-delivery", Payloads.Small());
        using var second = await server.PostAsync("same-delivery", Payloads.Small());

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(1, await server.CountDeliveriesAsync());
    }

    [Theory]
    [InlineData(TestServer.Sqlite)]
    [InlineData(TestServer.Postgres)]
    public async Task Fifty_identical_deliveries_in_parallel_store_one(string provider)
    {
        await using var server = await TestServer.StartAsync(provider, TestServer.ConfiguredApp());
        var body = Payloads.RealExample("issue_comment");
        var deliveryId = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => server.PostAsync(deliveryId, body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(1, await server.CountDeliveriesAsync());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_declared_body_over_25_MB_is_413_before_it_is_sent_and_not_stored()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, TestServer.ConfiguredApp());
        var body = new byte[(25 * 1024 * 1024) + 1];
        // Expect: 100-continue makes the client wait for the server before sending the body; the 413 comes first, so
        // the test does not race the server closing a connection that is still uploading.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = server.Client.BaseAddress,
        };
        using var request = Signed("too-large", new ByteArrayContent(body), body);
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await server.CountDeliveriesAsync());
    }

    [Fact]
    public async Task A_chunked_body_over_25_MB_is_413_and_not_stored()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, TestServer.ConfiguredApp());
        // One byte over: the server has counted it only once the client has sent everything, so no upload is cut off.
        var body = new byte[(25 * 1024 * 1024) + 1];
        using var request = Signed("too-large-chunked", new StreamContent(new MemoryStream(body)), body);
        request.Headers.TransferEncodingChunked = true;

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await server.CountDeliveriesAsync());
    }

    [Fact]
    public async Task A_body_of_exactly_25_MB_is_read_and_checked()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, TestServer.ConfiguredApp());
        var body = new byte[25 * 1024 * 1024];

        // Unsigned on purpose: the point is that the size check lets it through to the signature check.
        using var response = await server.PostAsync("at-the-limit", body, WebhookSignatureVerifier.Sign("wrong", body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoint_answers_200()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, TestServer.ConfiguredApp());

        using var response = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage Signed(string deliveryId, HttpContent content, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = content };
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        request.Headers.Add("X-GitHub-Event", "issues");
        request.Headers.Add("X-Hub-Signature-256", WebhookSignatureVerifier.Sign(TestServer.Secret, body));
        return request;
    }
}
