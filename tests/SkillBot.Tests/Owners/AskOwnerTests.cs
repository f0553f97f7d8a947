using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Core.Answers;
using SkillBot.Testing;
using SkillBot.Tests.Slack;
using SkillBot.Tests.Teams;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.Owners;

/// <summary>
/// "Ask an owner" end to end: the owners' Slack DMs recorded by the fake Slack Web API, the post in the owners' Teams
/// channel recorded by the fake connector (after SkillBot was added to it), and the asker told what happened.
/// </summary>
public sealed class AskOwnerTests : IDisposable
{
    private const string Question = "what does a senior data scientist need in deep learning?";
    private const string OwnersChannel = "19:owners0channel@thread.tacv2";
    private readonly string _catalogue = Directory.CreateTempSubdirectory("skillbot-owners-").FullName;

    public AskOwnerTests() => TestCatalogues.WriteWithExamplesAndOwners(_catalogue);

    public void Dispose() => Directory.Delete(_catalogue, recursive: true);

    private static string Json(CardAction action) => JsonSerializer.Serialize(action, CardActionJsonContext.Default.CardAction);

    private static readonly CardAction AskOwner = CardAction.AskOwner("Deep Learning", "Data Scientist", "Senior", null, Question);

    [Fact]
    public async Task In_Slack_each_owner_with_a_Slack_id_gets_a_DM_with_the_question_and_the_answer_and_the_asker_is_told()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var app = await RunningApp.StartAsync(
            "--catalogue", _catalogue, "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=" + BotToken,
            "--Slack:ApiBaseUrl=" + slack.ApiBaseUrl, "--Slack:ResponseUrlHosts=127.0.0.1");
        slack.Script("conversations.open", new Scripted(200, """{"ok":true,"channel":{"id":"D0OWNER1"}}"""));

        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostForm("/api/slack/interactions", Interaction(slack, Json(AskOwner)))).StatusCode);

        var open = await slack.NextCall();
        Assert.Equal("conversations.open", open.Method);
        Assert.Equal("Bearer " + BotToken, open.Authorization);
        Assert.Equal("U0123ABCD", (string?)open.Body["users"]); // the one owner of three that is a Slack id
        var dm = await slack.NextCall();
        Assert.Equal("chat.postMessage", dm.Method);
        Assert.Equal("D0OWNER1", (string?)dm.Body["channel"]);
        var lead = (string)dm.Body["text"]!;
        Assert.Contains("A question for the owners of Deep Learning*, from <@U1>:", lead, StringComparison.Ordinal);
        Assert.Contains(">" + Question, lead, StringComparison.Ordinal);
        var blocks = dm.Body["blocks"]!.ToJsonString();
        Assert.Contains("Designs complex deep learning architectures", blocks, StringComparison.Ordinal); // the answer they were shown
        var reply = await slack.NextCall();
        Assert.Equal("response_url", reply.Method);
        Assert.StartsWith("I've sent your question and this answer to the owners of Deep Learning: 1 owner by Slack direct message.", (string)reply.Body["text"]!, StringComparison.Ordinal);

        // Pressed again: sent once, and the person is told so.
        await app.Client.PostForm("/api/slack/interactions", Interaction(slack, Json(AskOwner)));
        var again = await slack.NextCall();
        Assert.Equal("response_url", again.Method);
        Assert.StartsWith("Your question is already with the owners of Deep Learning.", (string)again.Body["text"]!, StringComparison.Ordinal);
        Assert.Equal(1, slack.History.Count(c => c.Method == "conversations.open"));
    }

    [Fact]
    public async Task When_Slack_refuses_the_DM_the_asker_is_told_why_and_may_try_again()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var app = await RunningApp.StartAsync(
            "--catalogue", _catalogue, "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=" + BotToken,
            "--Slack:ApiBaseUrl=" + slack.ApiBaseUrl, "--Slack:ResponseUrlHosts=127.0.0.1");
        slack.Script("conversations.open", new Scripted(200, """{"ok":false,"error":"missing_scope"}"""));

        await app.Client.PostForm("/api/slack/interactions", Interaction(slack, Json(AskOwner)));

        Assert.Equal("conversations.open", (await slack.NextCall()).Method);
        var reply = await slack.NextCall();
        Assert.Equal("response_url", reply.Method);
        Assert.Equal(
            "I couldn't send your question to the owners of Deep Learning (U0123ABCD, 29:1a2B3c4D5e6F7g, ana@example.com): Slack refused a direct message (missing_scope); no owners' Teams channel is set up (Owners:TeamsChannel). You can contact them directly.",
            (string)reply.Body["text"]!);
        slack.Script("conversations.open", new Scripted(200, """{"ok":true,"channel":{"id":"D0OWNER1"}}"""));
        await app.Client.PostForm("/api/slack/interactions", Interaction(slack, Json(AskOwner)));
        Assert.Equal("conversations.open", (await slack.NextCall()).Method);
        Assert.Equal("chat.postMessage", (await slack.NextCall()).Method);
    }

    [Fact]
    public async Task In_Teams_the_question_is_posted_into_the_owners_channel_SkillBot_was_added_to()
    {
        await using var bed = await TeamsTestBed.StartAsync(settings: new()
        {
            ["Catalogue:Path"] = _catalogue,
            ["Owners:TeamsChannel"] = OwnersChannel,
        });
        var invoke = bed.Invoke("adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CardAction.AskOwnerVerb, ["data"] = new JsonObject
            {
                ["skill"] = "Deep Learning", ["role"] = "Data Scientist", ["level"] = "Senior", ["question"] = Question,
            },
            },
            ["trigger"] = "manual",
        });

        // Before SkillBot is in the owners' channel, the asker is told that.
        var before = await CardMessage(await bed.PostAsync(invoke));
        Assert.Contains("SkillBot has not been added to the owners' Teams channel yet", before, StringComparison.Ordinal);

        // Added to the team: the channel's conversation reference is recorded (and the welcome posted there).
        var added = bed.Message("");
        added.Remove("text");
        added["type"] = "conversationUpdate";
        added["id"] = "added-1";
        added["conversation"] = new JsonObject { ["id"] = OwnersChannel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TestTokens.TenantId };
        added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsTestBed.BotId });
        added["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TestTokens.TenantId },
            ["team"] = new JsonObject { ["id"] = OwnersChannel },
            ["channel"] = new JsonObject { ["id"] = OwnersChannel },
            ["eventType"] = "teamMemberAdded",
        };
        Assert.Equal(HttpStatusCode.OK, (await bed.PostAsync(added)).StatusCode);
        var welcome = await bed.Microsoft.NextReplyAsync();
        Assert.Equal(("added-1", OwnersChannel), (welcome.ActivityId, welcome.ConversationId));

        var after = await CardMessage(await bed.PostAsync(invoke));
        Assert.Contains("I've sent your question and this answer to the owners of Deep Learning: the owners' Teams channel.", after, StringComparison.Ordinal);
        var post = await bed.Microsoft.NextReplyAsync();
        Assert.Equal((OwnersChannel, ""), (post.ConversationId, post.ActivityId)); // a new post, not a reply
        Assert.StartsWith("Bearer ", post.Authorization, StringComparison.Ordinal);
        var text = (string)post.Activity["text"]!;
        Assert.Contains("**A question for the owners of Deep Learning**, from teams user " + TeamsTestBed.UserAadId, text, StringComparison.Ordinal);
        Assert.Contains("> " + Question, text, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)post.Activity["attachments"]![0]!["contentType"]);
        Assert.Contains("Designs complex deep learning architectures", post.Activity["attachments"]![0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(TestTokens.TenantId, (string?)post.Activity["conversation"]!["tenantId"]);
    }

    [Fact]
    public async Task Through_the_web_chat_with_no_way_to_reach_the_owners_the_asker_is_told_why()
    {
        await using var app = await RunningApp.StartAsync("--catalogue", _catalogue, "--WebChat:Enabled=true");
        var response = await app.Client.PostAsJsonAsync("/api/webchat/action", new
        {
            verb = CardAction.AskOwnerVerb,
            data = new { skill = "Deep Learning", role = "Data Scientist", level = "Senior", question = Question },
            user = "tester-1",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = OneLine((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["card"]!["fallbackText"]!);
        Assert.Contains("I couldn't send your question to the owners of Deep Learning (U0123ABCD, 29:1a2B3c4D5e6F7g, ana@example.com): Slack is not set up here; no owners' Teams channel is set up (Owners:TeamsChannel).", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Chinese_the_asker_is_told_why_in_Chinese_from_the_language_files()
    {
        await using var app = await RunningApp.StartAsync("--catalogue", _catalogue, "--WebChat:Enabled=true");
        var response = await app.Client.PostAsJsonAsync("/api/webchat/action", new
        {
            verb = CardAction.AskOwnerVerb,
            data = new { skill = "Deep Learning", role = "Data Scientist", level = "Senior", question = "这是什么意思？", language = "zh" },
            user = "tester-zh",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = OneLine((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["card"]!["fallbackText"]!);
        Assert.Contains("我没能把你的问题发给Deep Learning的负责人（U0123ABCD、29:1a2B3c4D5e6F7g、ana@example.com）：这里没有设置 Slack；没有设置负责人的 Teams 频道（Owners:TeamsChannel）。你可以直接联系他们。", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_API_serves_the_owners_and_every_expectations_examples()
    {
        await using var app = await RunningApp.StartAsync("--catalogue", _catalogue);
        var json = JsonNode.Parse(await app.Client.GetStringAsync("/api/v1/answer?q=" + Uri.EscapeDataString(Question)))!;
        Assert.Equal(TestCatalogues.Owners, json["owners"]!.AsArray().Select(o => (string)o!));
        Assert.Equal(TestCatalogues.ExamplesAt("Data Scientist", "Senior"), json["current"]!["examples"]!.AsArray().Select(e => (string)e!));
        Assert.Equal(TestCatalogues.ExamplesAt("Data Scientist", "Lead"), json["next"]!["examples"]!.AsArray().Select(e => (string)e!));
        var overview = JsonNode.Parse(await app.Client.GetStringAsync("/api/v1/answer?q=deep+learning+overview"))!;
        Assert.All(overview["items"]!.AsArray(), item =>
            Assert.Equal(TestCatalogues.ExamplesAt((string)item!["role"]!, (string)item["level"]!), item["examples"]!.AsArray().Select(e => (string)e!)));
    }

    [Fact]
    public async Task The_catalogue_pages_show_every_example_escaped_and_the_owners()
    {
        await using var app = await RunningApp.StartAsync("--catalogue", _catalogue, "--CataloguePages:Enabled=true");
        var skill = await app.Client.GetStringAsync("/catalogue/skills/deep-learning");
        Assert.Contains("<p class=\"owners\">Ask an owner: U0123ABCD, 29:1a2B3c4D5e6F7g, ana@example.com</p>", skill, StringComparison.Ordinal);
        Assert.Contains("<p class=\"examples-label\">In practice</p><ul class=\"examples\"><li>Data Scientist at Junior: took a churn model", skill, StringComparison.Ordinal);
        Assert.Contains("Cut training time by 30% &amp; wrote it up &lt;for the team&gt; as *the* guide (Principal).</li>", skill, StringComparison.Ordinal);
        var role = await app.Client.GetStringAsync("/catalogue/roles/data-scientist/senior");
        Assert.Contains("<li>Data Scientist at Senior: took a churn model", role, StringComparison.Ordinal);
    }

    /// <summary>The text rendering wraps at 80 columns: compared as one line.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<string> CardMessage(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return OneLine((string)body["value"]!["fallbackText"]!);
    }

    private static string Interaction(FakeSlack slack, string value) => Form(("payload", new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = "U1", ["username"] = "ann", ["team_id"] = "T1" },
        ["team"] = new JsonObject { ["id"] = "T1", ["domain"] = "test" },
        ["api_app_id"] = "A1",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.1", ["channel_id"] = "C1", ["is_ephemeral"] = true },
        ["channel"] = new JsonObject { ["id"] = "C1", ["name"] = "general" },
        ["response_url"] = slack.ResponseUrl(),
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "skillbot.askowner", ["block_id"] = "b1", ["type"] = "button", ["value"] = value, ["action_ts"] = "1.1" }),
    }.ToJsonString()));
}
