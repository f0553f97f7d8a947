using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SkillBot.Tests.CataloguePages;

/// <summary>URLs nobody types by accident, sent as written (a raw socket, so nothing tidies them first): a 4xx page or status every time, never a 500.</summary>
public sealed class HostileUrlTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync("--CataloguePages:Enabled=true");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/catalogue/skills/%00", 400, false)] // Kestrel refuses a NUL in a path itself
    [InlineData("/catalogue/skills/%FF%FE%FD", 404, true)] // not UTF-8
    [InlineData("/catalogue/skills/%C0%AE%C0%AE", 404, true)] // an overlong "..", which must stay junk
    [InlineData("/catalogue/skills/%0D%0ASet-Cookie:%20a=b", 404, true)]
    [InlineData("/catalogue/skills/deep-learning%2F..%2F..%2Fetc%2Fpasswd", 404, true)]
    [InlineData("/catalogue/skills/../../../etc/passwd", 404, false)] // the server removes dot segments: /etc/passwd, not a page
    [InlineData("/catalogue/skills/%2e%2e/%2e%2e/appsettings.json", 404, false)]
    [InlineData("/catalogue/roles/%E2%80%AE%F0%9F%92%A9/%25%25%25", 404, true)]
    [InlineData("/catalogue/compare/levels/data-scientist/senior/%01", 404, true)]
    [InlineData("/catalogue/compare/moves/data-scientist/senior/llm-engineer/%FF", 404, true)]
    [InlineData("/catalogue/compare?role=%01&from=%FF&to=..", 404, true)]
    [InlineData("/catalogue/compare?role=data-scientist&from=senior", 400, true)]
    [InlineData("/catalogue/skills/deep-learning?view=full", 400, true)]
    [InlineData("/catalogue/skills/deep-learning?lang=xx", 400, true)]
    [InlineData("/catalogue/skills/deep-learning?lang=%3Cscript%3E", 400, true)]
    [InlineData("/catalogue/skills/deep-learning?lang=zh&lang=en", 400, true)]
    [InlineData("/catalogue/skills/deep-learning?q=deep+learning", 400, true)]
    [InlineData("/catalogue/roles/data-scientist/senior?from=junior", 400, true)]
    [InlineData("/catalogue/search?q=deep+learning&debug=1", 400, true)]
    [InlineData("/catalogue?%FF=%FF", 400, true)]
    [InlineData("/catalogue/skills/deep-learning?lang=zh&view=tab", 200, true)]
    public async Task A_hostile_url_gets_a_clear_4xx_never_a_500(string path, int status, bool catalogueProblem)
    {
        var (code, headers, body) = await Raw("GET", path);
        Assert.Equal(status, code);
        if (code != 200 && catalogueProblem)
        {
            Assert.Contains("text/html", headers, StringComparison.Ordinal); // a page that says what is wrong, with the way back
            Assert.Contains("href=\"/catalogue\"", body, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Set-Cookie", headers, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_slug_is_a_short_404_and_an_overlong_url_is_refused_by_the_server()
    {
        var (code, _, body) = await Raw("GET", "/catalogue/roles/" + new string('r', 4000) + "/" + new string('l', 3000));
        Assert.Equal(404, code);
        Assert.True(body.Length < 4000, $"the 404 page echoes the slug: {body.Length} characters");
        var (tooLong, _, _) = await Raw("GET", "/catalogue/skills/" + new string('x', 20_000));
        Assert.Equal(414, tooLong); // Kestrel's own limit on a request line
    }

    [Fact]
    public async Task HEAD_answers_like_GET_without_a_body()
    {
        foreach (var (path, status) in new[] { ("/catalogue", 200), ("/catalogue/skills/deep-learning", 200), ("/catalogue/roles/data-scientist/senior?lang=zh", 200),
                     ("/catalogue/compare/moves/data-scientist/senior/llm-engineer/lead", 200), ("/catalogue/skills/no-such-skill", 404),
                     ("/catalogue/skills/DL", 308), ("/catalogue/skills/deep-learning?view=x", 400), ("/catalogue/catalogue.css", 200) })
        {
            using var head = new HttpRequestMessage(HttpMethod.Head, path);
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.Client.BaseAddress };
            var response = await client.SendAsync(head);
            Assert.True((int)response.StatusCode == status, $"HEAD {path}: {(int)response.StatusCode}");
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            if (status == 200)
            {
                var get = await client.GetAsync(path);
                Assert.Equal(get.Content.Headers.ContentType, response.Content.Headers.ContentType);
                Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, response.Content.Headers.ContentLength);
            }
        }
        var post = await _app.Client.PostAsync("/catalogue/skills/deep-learning", new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    /// <summary>One HTTP/1.1 request with the target exactly as given; the status, the headers and the body (as text).</summary>
    private async Task<(int Status, string Headers, string Body)> Raw(string method, string target)
    {
        var address = _app.Client.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        var request = Encoding.ASCII.GetBytes($"{method} {target} HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = split < 0 ? response : response[..split];
        return (int.Parse(headers.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, split < 0 ? "" : response[(split + 4)..]);
    }
}
