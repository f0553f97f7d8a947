using System.Text;
using Microsoft.AspNetCore.Http;
using SkillBot.Hosting;

namespace SkillBot.Tests.Hosting;

/// <summary>The one way Slack and Teams read a body: whatever the client gets wrong is a status, never an exception.</summary>
public sealed class RequestBodyTests
{
    [Fact]
    public async Task A_body_within_the_limit_is_read_whole_with_or_without_a_content_length()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"message\"}");
        Assert.Equal(bytes, (await RequestBody.ReadAtMostAsync(Request(bytes, bytes.Length), 100, default)).Body);
        Assert.Equal(bytes, (await RequestBody.ReadAtMostAsync(Request(bytes, null), 100, default)).Body);
    }

    [Fact]
    public async Task A_body_past_the_limit_is_a_413_whether_announced_or_found_while_reading()
    {
        var bytes = new byte[101];
        Assert.Equal((null, 413), await RequestBody.ReadAtMostAsync(Request(bytes, bytes.Length), 100, default));
        Assert.Equal((null, 413), await RequestBody.ReadAtMostAsync(Request(bytes, null), 100, default));
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_a_400()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"mes");
        Assert.Equal((null, 400), await RequestBody.ReadAtMostAsync(Request(bytes, 1000), 10_000, default));
    }

    [Fact]
    public async Task A_read_stopped_by_one_of_kestrels_limits_answers_kestrels_status()
    {
        var request = new DefaultHttpContext().Request;
        request.Body = new ThrowingStream(new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", 408));
        Assert.Equal((null, 408), await RequestBody.ReadAtMostAsync(request, 100, default));
    }

    private static HttpRequest Request(byte[] body, long? contentLength)
    {
        var request = new DefaultHttpContext().Request;
        request.Body = new MemoryStream(body);
        request.ContentLength = contentLength;
        return request;
    }

    private sealed class ThrowingStream(Exception error) : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw error;
    }
}
