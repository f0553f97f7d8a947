using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    public async Task In_the_web_chat_a_limited_user_is_told_so_in_a_card()
    {
        await using var app = await RunningApp.StartAsync("--RateLimits:PerUserPerMinute=1", "--WebChat:Enabled=true");
        await app.Client.PostAsJsonAsync("/api/webchat/ask", new { q = "hello", user = "fast" });
        var response = await app.Client.PostAsJsonAsync("/api/webchat/ask", new { q = "hello", user = "fast" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(ChatRateLimiter.FriendlyMessage, json.RootElement.GetProperty("card").GetRawText(), StringComparison.Ordinal);
    }
}
