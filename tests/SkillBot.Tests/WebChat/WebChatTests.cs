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

    /// <summary>
    /// One Chromium for the whole web: the chat (six intents, every card whole, the newest in view, keyboard only, Chinese,
    /// Open in browser), the catalogue pages (no script needed, printable, valid HTML), axe-core over all of them.
    /// Screenshots go next to the test binary; with SKILLBOT_UPDATE_SCREENSHOTS=1 into docs/screenshots, which the README shows.
    /// </summary>
    [Fact]
    public async Task In_Chromium_the_chat_and_the_catalogue_pages_are_whole_accessible_and_valid()
    {
        await using var app = await RunningApp.StartAsync("--WebChat:Enabled=true", "--CataloguePages:Enabled=true");
        var shots = Environment.GetEnvironmentVariable("SKILLBOT_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(Catalogues.RepoRoot, "docs", "screenshots")
            : Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var result = await Task.Run(() => NodeScript.Run("web-e2e.js", [app.Client.BaseAddress!.ToString(), shots], timeout: TimeSpan.FromMinutes(5)));
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        foreach (var shot in new[] { "webchat-1280.png", "webchat-375.png", "catalogue-skill-1280.png", "catalogue-role-375.png" })
        {
            Assert.True(new FileInfo(Path.Combine(shots, shot)).Length > 10_000, shot);
        }
    }
}
