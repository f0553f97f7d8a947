using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SkillBot.Testing;

namespace SkillBot.Tests.WebChat;

public sealed class WebChatTests
{
    [Fact]
    public async Task The_page_is_served_with_a_strict_content_security_policy()
    {
        await using var app = await RunningApp.StartAsync("--WebChat:Enabled=true");
        var response = await app.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal); // nothing from a CDN
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/lib/adaptivecards.min.js")).StatusCode);
    }

    [Fact]
    public async Task It_is_off_outside_Development_unless_enabled()
    {
        await using var app = await RunningApp.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/webchat/welcome")).StatusCode);
    }

    [Fact]
    public async Task A_button_takes_the_same_path_as_a_Teams_action()
    {
        await using var app = await RunningApp.StartAsync("--WebChat:Enabled=true");
        var response = await app.Client.PostAsJsonAsync("/api/webchat/action", new
        {
            verb = "skillbot.answer",
            data = new { skill = "Deep Learning", role = "Data Scientist", level = "Lead" },
            user = "tester-1",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var card = json.RootElement.GetProperty("card");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Contains("Defines deep learning strategy for the data science team.", card.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/webchat/ask", "{not json")]
    [InlineData("/api/webchat/ask", "{}")]
    [InlineData("/api/webchat/ask", "{\"q\":\"hi\",\"user\":\"<script>\"}")]
    [InlineData("/api/webchat/action", "{\"data\":{}}")]
    [InlineData("/api/webchat/action", "{\"verb\":\"skillbot.answer\",\"data\":{\"level\":5}}")]
    public async Task Bad_requests_are_400_never_500(string path, string body)
    {
        await using var app = await RunningApp.StartAsync("--WebChat:Enabled=true");
        var response = await app.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task In_Chromium_the_seed_question_gets_its_card_and_next_level_replaces_it()
    {
        await using var app = await RunningApp.StartAsync("--WebChat:Enabled=true");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "webchat.png");
        var result = await Task.Run(() => NodeScript.Run("webchat-e2e.js", [app.Client.BaseAddress!.ToString(), screenshot]));
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }
}
