using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Core;
using SkillBot.Tests.Slack;
using SkillBot.Tests.Teams;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.CataloguePages;

/// <summary>SkillBot's own links unfurled: Slack's link_shared through the signed events path, Teams' queryLink through the token-checked one.</summary>
public sealed class UnfurlTests
{
    private const string PublicUrl = "https://skills.example.com";
    private const string Link = PublicUrl + "/catalogue/skills/deep-learning#llm-engineer--senior";

    [Fact]
    public async Task A_link_to_a_page_shared_in_Slack_is_unfurled_with_the_answers_blocks()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var app = await RunningApp.StartAsync(
            "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=" + BotToken, "--Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--CataloguePages:Enabled=true", "--CataloguePages:PublicUrl=" + PublicUrl);
        var expected = app.Services.GetRequiredService<Assistant>().Act(Core.Answers.CardAction.Answer("Deep Learning", "LLM Engineer", "Senior"));
        var shared = LinkShared("EvLink1", ("skills.example.com", Link), ("elsewhere.example.com", "https://elsewhere.example.com/x"));

        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostJson("/api/slack/events", shared)).StatusCode);
        var call = await slack.NextCall();
        Assert.Equal("chat.unfurl", call.Method);
        Assert.Equal("Bearer " + BotToken, call.Authorization);
        Assert.Equal("C1", (string?)call.Body["channel"]);
        Assert.Equal("1700000000.000100", (string?)call.Body["ts"]);
        var unfurls = call.Body["unfurls"]!.AsObject();
        var blocks = Assert.Single(unfurls, u => u.Key == Link).Value!["blocks"]!.AsArray();
        Assert.DoesNotContain(unfurls, u => u.Key.Contains("elsewhere", StringComparison.Ordinal)); // not ours: left to Slack
        Assert.Equal("Deep Learning", (string?)blocks[0]!["text"]!["text"]);
        Assert.Contains(expected.Current!.Description.Split(' ')[0], blocks.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(blocks, b => (string?)b!["type"] == "actions"); // a preview: the link is the way on
        Assert.DoesNotContain("Was this useful?", blocks.ToJsonString(), StringComparison.Ordinal); // nor a question its buttons answered

        // The retry of the same event is acknowledged without a second unfurl; a bad signature is refused.
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostJson("/api/slack/events", shared, Secret, ("X-Slack-Retry-Num", "1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.PostJson("/api/slack/events", LinkShared("EvLink2", ("skills.example.com", Link)), "wrong-secret")).StatusCode);
        await Task.Delay(300);
        Assert.Equal(1, slack.History.Count(c => c.Method == "chat.unfurl"));
    }

    [Theory]
    [InlineData("""{"type":"link_shared","channel":"C1","message_ts":"1.2","links":"https://skills.example.com/catalogue"}""")]
    [InlineData("""{"type":"link_shared","channel":"C1","message_ts":"1.2","links":[null,{"url":5}]}""")]
    [InlineData("""{"type":"link_shared","links":[{"url":"https://skills.example.com/catalogue"}]}""")]
    public async Task A_malformed_link_shared_event_under_a_valid_signature_never_gets_a_500(string inner)
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var app = await RunningApp.StartAsync(
            "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=" + BotToken, "--Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--CataloguePages:Enabled=true", "--CataloguePages:PublicUrl=" + PublicUrl);
        var body = $$"""{"type":"event_callback","team_id":"T1","event_id":"EvBad","event":{{inner}}}""";
        var response = await app.Client.PostJson("/api/slack/events", body);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }

    [Fact]
    public async Task A_link_to_a_page_pasted_in_Teams_is_unfurled_with_the_answers_card()
    {
        await using var bed = await TeamsTestBed.StartAsync(settings: new() { ["CataloguePages:Enabled"] = "true", ["CataloguePages:PublicUrl"] = PublicUrl });
        var response = await bed.PostAsync(bed.Invoke("composeExtension/queryLink", new JsonObject { ["url"] = Link }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!;
        Assert.Equal("result", (string?)result["type"]);
        var item = Assert.Single(result["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)item["contentType"]);
        var expected = bed.App.Services.GetRequiredService<Assistant>().Act(Core.Answers.CardAction.Answer("Deep Learning", "LLM Engineer", "Senior"));
        Assert.Contains(expected.Current!.Description.Split(' ')[0], item["content"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(item["content"]!["actions"]!.AsArray(), a => (string?)a!["url"] == Link);
        Assert.Equal("Deep Learning · LLM Engineer · Senior", (string?)item["preview"]!["content"]!["title"]);

        var other = await bed.PostAsync(bed.Invoke("composeExtension/queryLink", new JsonObject { ["url"] = "https://elsewhere.example.com/x" }));
        Assert.Empty(JsonNode.Parse(await other.Content.ReadAsStringAsync())!["composeExtension"]!["attachments"]!.AsArray());
        var malformed = await bed.PostAsync(bed.Invoke("composeExtension/queryLink", new JsonObject { ["url"] = new JsonArray(1) }));
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.PostAsync(bed.Invoke("composeExtension/queryLink", new JsonObject { ["url"] = Link }), token: "not-a-token")).StatusCode);
    }

    private static string LinkShared(string eventId, params (string Domain, string Url)[] links) =>
        new JsonObject
        {
            ["token"] = "x", ["team_id"] = "T1", ["api_app_id"] = "A1", ["type"] = "event_callback", ["event_id"] = eventId,
            ["event"] = new JsonObject
            {
                ["type"] = "link_shared", ["channel"] = "C1", ["is_bot_user_member"] = true, ["user"] = "U1",
                ["message_ts"] = "1700000000.000100", ["source"] = "conversations_history", ["event_ts"] = "1700000000.000200",
                ["links"] = new JsonArray([.. links.Select(l => (JsonNode)new JsonObject { ["domain"] = l.Domain, ["url"] = l.Url })]),
            },
        }.ToJsonString();
}
