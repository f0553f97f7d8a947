using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Teams;

namespace SkillBot.Tests.Teams;

/// <summary>Bad input gets a 4xx, never a 500; the connector is retried within bounds; the token is fetched once.</summary>
public sealed class TeamsProtocolTests : IAsyncLifetime
{
    private const string Seed = "what does senior LLM engineer need in deep learning?";
    private TeamsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("\"message\"")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\"}")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"not a url\"}")]
    [InlineData("{\"type\":5,\"serviceUrl\":\"http://127.0.0.1/\"}")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1/\",\"from\":\"29:someone\"}")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1/\",\"entities\":{\"type\":\"mention\"}}")]
    public async Task A_malformed_activity_is_a_400(string body)
    {
        var response = await _bed.PostRawAsync(body, _bed.Token());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_message_with_nowhere_to_reply_is_a_400()
    {
        var message = _bed.Message(Seed);
        message.Remove("conversation");
        Assert.Equal(HttpStatusCode.BadRequest, (await _bed.PostAsync(message)).StatusCode);
        message = _bed.Message(Seed);
        message.Remove("id");
        Assert.Equal(HttpStatusCode.BadRequest, (await _bed.PostAsync(message)).StatusCode);
    }

    [Fact]
    public async Task A_malformed_activity_without_a_token_is_a_401_not_a_400() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bed.PostRawAsync("{not json", token: "")).StatusCode);

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        var message = _bed.Message(Seed);
        message["channelData"]!["padding"] = new string('x', 300 * 1024);
        var response = await _bed.PostAsync(message);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(_bed.Microsoft.TryTakeReply(out _));
    }

    [Fact]
    public async Task An_oversized_body_without_a_content_length_is_a_413()
    {
        var padding = Encoding.UTF8.GetBytes(new string(' ', 300 * 1024));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StreamContent(new ChunkedStream(Encoding.UTF8.GetBytes(_bed.Message(Seed).ToJsonString()[..^1] + ",\"pad\":\""), padding)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bed.Token());
        request.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _bed.App.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_throttled_connector_is_retried_after_retry_after()
    {
        _bed.Microsoft.FailNext(429, retryAfter: "1");
        await _bed.PostAsync(_bed.Message(Seed));
        var reply = await _bed.Microsoft.NextReplyAsync();
        Assert.Equal("1481567603816", reply.ActivityId);
        Assert.Equal(2, _bed.Microsoft.ConnectorAttempts);
    }

    [Fact]
    public async Task A_failing_connector_is_retried_with_backoff()
    {
        _bed.Microsoft.FailNext(500);
        _bed.Microsoft.FailNext(503);
        await _bed.PostAsync(_bed.Message(Seed));
        await _bed.Microsoft.NextReplyAsync();
        Assert.Equal(3, _bed.Microsoft.ConnectorAttempts);
    }

    [Fact]
    public async Task Retries_are_bounded_and_a_lost_reply_does_not_stop_the_next()
    {
        _bed.Microsoft.FailAlways("doomed", 500);
        await _bed.PostAsync(_bed.Message(Seed, id: "doomed"));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_bed.Microsoft.AttemptsFor("doomed") < 5)
        {
            await Task.Delay(50, deadline.Token);
        }
        // The test bed's retry delay is 50 ms, so a sixth attempt would come well within this wait.
        await Task.Delay(2000);
        Assert.Equal(5, _bed.Microsoft.AttemptsFor("doomed")); // 1 attempt + 4 retries

        await _bed.PostAsync(_bed.Message("hello", id: "after"));
        Assert.Equal("after", (await _bed.Microsoft.NextReplyAsync()).ActivityId);
    }

    [Fact]
    public async Task The_app_token_is_fetched_once_and_reused()
    {
        await _bed.PostAsync(_bed.Message(Seed, id: "one"));
        await _bed.PostAsync(_bed.Message(Seed, id: "two"));
        var replies = new[] { await _bed.Microsoft.NextReplyAsync(), await _bed.Microsoft.NextReplyAsync() };
        Assert.All(replies, r => Assert.Equal("Bearer app-token-1", r.Authorization));
        Assert.Equal(1, _bed.Microsoft.TokenRequestCount);
        var form = Assert.Single(_bed.Microsoft.TokenRequests);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TestTokens.AppId, form["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task The_connector_client_itself_never_sends_the_token_off_the_allow_list()
    {
        var connector = _bed.App.Services.GetRequiredService<ConnectorClient>();
        var offList = _bed.Microsoft.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var reply = new ReplyActivity("message", null, null, new ConversationAccount("a:1"), "1", null, []);
        Assert.False(await connector.SendAsync(new PendingReply(offList, "a:1", "1", reply), CancellationToken.None));
        Assert.Equal(0, _bed.Microsoft.TokenRequestCount);
        Assert.Equal(0, _bed.Microsoft.ConnectorAttempts);

        Assert.True(await connector.SendAsync(new PendingReply(_bed.Microsoft.ServiceUrl, "a:1", "1", reply), CancellationToken.None));
        Assert.Equal("Bearer app-token-1", (await _bed.Microsoft.NextReplyAsync()).Authorization);
    }

    [Fact]
    public async Task A_refused_client_secret_loses_the_reply_but_not_the_bot()
    {
        await using var bed = await TeamsTestBed.StartAsync(settings: new() { ["Teams:AppPassword"] = "a-wrong-secret" });
        Assert.Equal(HttpStatusCode.OK, (await bed.PostAsync(bed.Message(Seed))).StatusCode);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (bed.Microsoft.TokenRequestCount == 0)
        {
            await Task.Delay(50, deadline.Token);
        }
        Assert.Equal(0, bed.Microsoft.ConnectorAttempts); // no token, no call: never an unauthenticated reply
        var search = bed.Invoke("composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchSkills",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchKeywords", ["value"] = "deep learning" }),
        });
        Assert.Equal(HttpStatusCode.OK, (await bed.PostAsync(search)).StatusCode);
    }

    /// <summary>Writes a prefix, then the padding in small chunks, with no known length.</summary>
    private sealed class ChunkedStream(byte[] prefix, byte[] padding) : Stream
    {
        private readonly byte[] _all = [.. prefix, .. padding];
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 8192), _all.Length - _position);
            Array.Copy(_all, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
