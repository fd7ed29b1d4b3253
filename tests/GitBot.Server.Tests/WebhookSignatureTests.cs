using System.Net;
using GitBot.GitHub.Webhooks;

namespace GitBot.Server.Tests;

public sealed class WebhookSignatureTests
{
    public static TheoryData<string, string> BadSignatures(string provider) => new()
    {
        { provider, "" },
        { provider, "sha256=" },
        { provider, "sha1=0123456789abcdef0123456789abcdef01234567" },
        { provider, "sha256=zz" + new string('0', 62) },
        { provider, WebhookSignatureVerifier.Sign("some-other-secret", Payloads.Small()) },
    };

    public static TheoryData<string, string> SqliteBadSignatures => BadSignatures(TestServer.Sqlite);

    [Theory]
    [MemberData(nameof(SqliteBadSignatures))]
    public async Task Missing_malformed_or_wrong_signatures_are_401_and_nothing_is_stored(string provider, string signature)
    {
        await using var server = await TestServer.StartAsync(provider, TestServer.ConfiguredApp());

        using var response = await server.PostAsync(Guid.NewGuid().ToString(), Payloads.Small(), signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await server.CountDeliveriesAsync());
    }

    [Fact]
    public async Task A_signature_over_a_different_body_is_rejected()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, TestServer.ConfiguredApp());
        var signedBody = Payloads.Small("opened");

        using var response = await server.PostAsync("tampered", Payloads.Small("closed"), WebhookSignatureVerifier.Sign(TestServer.Secret, signedBody));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await server.CountDeliveriesAsync());
    }

    [Theory]
    [InlineData(TestServer.Sqlite)]
    [InlineData(TestServer.Postgres)]
    public async Task During_rotation_the_previous_secret_is_accepted_and_a_third_is_not(string provider)
    {
        await using var server = await TestServer.StartAsync(provider, TestServer.ConfiguredApp());
        var body = Payloads.Small();

        using var current = await server.PostAsync("signed-current", body, WebhookSignatureVerifier.Sign(TestServer.Secret, body));
        using var previous = await server.PostAsync("signed-previous", body, WebhookSignatureVerifier.Sign(TestServer.PreviousSecret, body));
        using var third = await server.PostAsync("signed-third", body, WebhookSignatureVerifier.Sign("a-third-secret", body));

        Assert.Equal(HttpStatusCode.Accepted, current.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, previous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, third.StatusCode);
        Assert.Equal(1, await server.CountDeliveriesAsync("signed-current"));
        Assert.Equal(1, await server.CountDeliveriesAsync("signed-previous"));
        Assert.Equal(0, await server.CountDeliveriesAsync("signed-third"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400_after_a_valid_signature_and_not_stored()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, TestServer.ConfiguredApp());
        var body = "this is not json"u8.ToArray();

        using var response = await server.PostAsync("not-json", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await server.CountDeliveriesAsync());
    }

    [Fact]
    public async Task A_delivery_without_an_event_header_is_400_and_not_stored()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, TestServer.ConfiguredApp());

        using var response = await server.PostAsync("no-event", Payloads.Small(), eventName: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await server.CountDeliveriesAsync());
    }
}
