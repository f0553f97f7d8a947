using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using SkillBot.Core;
using SkillBot.Limits;

namespace SkillBot.Tests.Limits;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_user_over_the_limit_gets_a_429_with_a_friendly_message_and_others_are_unaffected()
    {
        await using var app = await RunningApp.StartAsync("--RateLimits:PerUserPerMinute=3");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/v1/answer?q=senior+ds+dl&user=eager")).StatusCode);
        }
        var limited = await app.Client.GetAsync("/api/v1/answer?q=senior+ds+dl&user=eager");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Contains(ChatRateLimiter.FriendlyMessage, await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/v1/answer?q=senior+ds+dl&user=calm")).StatusCode);
    }

    [Fact]
    public async Task Naming_a_new_user_on_each_request_does_not_get_past_the_per_address_limit()
    {
        await using var app = await RunningApp.StartAsync("--RateLimits:PerUserPerMinute=3", "--RateLimits:PerClientAddressPerMinute=5");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"/api/v1/answer?q=senior+ds+dl&user=rotating{i}")).StatusCode);
        }
        var limited = await app.Client.GetAsync("/api/v1/answer?q=senior+ds+dl&user=rotating-next");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta); // as the README says
        Assert.Contains(ChatRateLimiter.FriendlyMessage, await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var posted = await app.Client.PostAsJsonAsync("/api/v1/answer", new { q = "senior ds dl", user = "rotating-posted" });
        Assert.Equal(HttpStatusCode.TooManyRequests, posted.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.Client.GetAsync("/api/v1/answer?q=senior+ds+dl")).StatusCode);
    }

    [Fact]
    public async Task In_the_web_chat_naming_a_new_user_each_time_is_limited_per_address_too()
    {
        await using var app = await RunningApp.StartAsync("--RateLimits:PerClientAddressPerMinute=2", "--WebChat:Enabled=true");
        for (var i = 0; i < 2; i++)
        {
            var ok = await app.Client.PostAsJsonAsync("/api/webchat/ask", new { q = "hello", user = $"rotating{i}" });
            Assert.DoesNotContain(ChatRateLimiter.FriendlyMessage, await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var response = await app.Client.PostAsJsonAsync("/api/webchat/ask", new { q = "hello", user = "rotating-next" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(ChatRateLimiter.FriendlyMessage, CardText(json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlong_questions_get_400_on_the_answer_API_and_the_web_chat_and_do_not_count_against_the_limit()
    {
        await using var app = await RunningApp.StartAsync("--RateLimits:PerClientAddressPerMinute=1", "--WebChat:Enabled=true");
        var overlong = new string('a', Assistant.MaxQuestionLength + 1);
        for (var i = 0; i < 2; i++)
        {
            var api = await app.Client.GetAsync("/api/v1/answer?q=" + overlong);
            Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
            Assert.Contains($"the limit is {Assistant.MaxQuestionLength}", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var webChat = await app.Client.PostAsJsonAsync("/api/webchat/ask", new { q = overlong });
            Assert.Equal(HttpStatusCode.BadRequest, webChat.StatusCode);
            Assert.Contains($"the limit is {Assistant.MaxQuestionLength}", await webChat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/v1/answer?q=senior+ds+dl")).StatusCode);
    }

    [Fact]
    public async Task Form_bodies_get_415_on_the_answer_API_and_the_web_chat()
    {
        await using var app = await RunningApp.StartAsync("--WebChat:Enabled=true");
        foreach (var path in new[] { "/api/v1/answer", "/api/webchat/ask", "/api/webchat/action" })
        {
            var response = await app.Client.PostAsync(path, new FormUrlEncodedContent([new("q", "hello")]));
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task A_per_address_limit_that_is_not_positive_stops_startup_naming_the_setting(string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningApp.StartAsync("--RateLimits:PerClientAddressPerMinute=" + value));
        Assert.Contains("RateLimits:PerClientAddressPerMinute", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_web_chat_a_limited_user_is_told_so_in_a_card()
    {
        await using var app = await RunningApp.StartAsync("--RateLimits:PerUserPerMinute=1", "--WebChat:Enabled=true");
        await app.Client.PostAsJsonAsync("/api/webchat/ask", new { q = "hello", user = "fast" });
        var response = await app.Client.PostAsJsonAsync("/api/webchat/ask", new { q = "hello", user = "fast" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(ChatRateLimiter.FriendlyMessage, CardText(json), StringComparison.Ordinal);
    }

    /// <summary>The card as text with its strings unescaped: the renderer's bytes may escape an apostrophe as \u0027.</summary>
    private static string CardText(JsonDocument reply) =>
        JsonSerializer.Serialize(reply.RootElement.GetProperty("card"), new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
