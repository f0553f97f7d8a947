using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Cards.Adaptive;
using SkillBot.Core;
using SkillBot.Core.Answers;

namespace SkillBot.Tests.Teams;

/// <summary>What a Teams user gets: answers in chats and channels, the welcome, cards that update in place, search.</summary>
public sealed class TeamsConversationTests : IAsyncLifetime
{
    private const string Seed = "what does senior LLM engineer need in deep learning?";
    private TeamsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private Assistant Assistant => _bed.App.Services.GetRequiredService<Assistant>();

    private AdaptiveCardRenderer Renderer => _bed.App.Services.GetRequiredService<AdaptiveCardRenderer>();

    [Fact]
    public async Task A_personal_message_gets_the_answer_card_as_a_reply_to_it()
    {
        var response = await _bed.PostAsync(_bed.Message(Seed));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reply = await _bed.Microsoft.NextReplyAsync();
        Assert.Equal("a:1pL6gJuM2xbOQW7CFCm4P5Ws2NZHcQZ3Fr7wZdSQzxVNq", reply.ConversationId);
        Assert.Equal("1481567603816", reply.ActivityId);
        Assert.Equal("Bearer app-token-1", reply.Authorization);
        var activity = reply.Activity;
        Assert.Equal("message", activity["type"]!.GetValue<string>());
        Assert.Equal("1481567603816", activity["replyToId"]!.GetValue<string>());
        Assert.Equal(TeamsTestBed.BotId, activity["from"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsTestBed.UserId, activity["recipient"]!["id"]!.GetValue<string>());
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        AssertCardOf(Assistant.Ask(Seed), attachment["content"]!);
        Assert.Contains("Next level: Lead", attachment["content"]!["fallbackText"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_channel_mention_is_stripped_before_the_question_is_read()
    {
        var message = _bed.Message("<at>SkillBot</at> " + Seed, "channel", "19:general@thread.tacv2;messageid=1481567603816");
        message["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>SkillBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = TeamsTestBed.BotId, ["name"] = "SkillBot" },
        });
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(message)).StatusCode);

        var reply = await _bed.Microsoft.NextReplyAsync();
        Assert.Equal("19:general@thread.tacv2;messageid=1481567603816", reply.ConversationId);
        var card = reply.Activity["attachments"]![0]!["content"]!;
        AssertCardOf(Assistant.Ask(Seed), card);
        Assert.DoesNotContain("SkillBot", card["fallbackText"]!.GetValue<string>());
    }

    [Fact]
    public async Task Other_peoples_mentions_are_not_read_as_part_of_the_question()
    {
        // A tag mention whose name holds a level must not be read as part of the question (it would make a comparison).
        var message = _bed.Message("<at>Lead engineers</at> <at>SkillBot</at> " + Seed, "groupChat", "19:group@thread.v2");
        message["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>SkillBot</at>", ["mentioned"] = new JsonObject { ["id"] = TeamsTestBed.BotId, ["name"] = "SkillBot" },
        });
        message["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Lead engineers</at>", ["mentioned"] = new JsonObject { ["id"] = "tag-id", ["name"] = "Lead engineers" },
        });
        await _bed.PostAsync(message);
        AssertCardOf(Assistant.Ask(Seed), (await _bed.Microsoft.NextReplyAsync()).Activity["attachments"]![0]!["content"]!);
    }

    [Fact]
    public async Task A_group_chat_message_that_does_not_mention_the_bot_is_ignored()
    {
        var others = _bed.Message("<at>Adele</at> " + Seed, "groupChat", "19:group@thread.v2");
        others["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Adele</at>", ["mentioned"] = new JsonObject { ["id"] = "29:adele", ["name"] = "Adele" },
        });
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(others)).StatusCode);

        // A later personal message is answered; the group message before it never was.
        await _bed.PostAsync(_bed.Message("hello", id: "later"));
        Assert.Equal("later", (await _bed.Microsoft.NextReplyAsync()).ActivityId);
        Assert.False(_bed.Microsoft.TryTakeReply(out _));
    }

    [Fact]
    public async Task Follow_up_questions_use_the_users_context_per_tenant_and_aad_object_id()
    {
        await _bed.PostAsync(_bed.Message("I'm a senior data scientist", id: "q1"));
        await _bed.Microsoft.NextReplyAsync();
        await _bed.PostAsync(_bed.Message("what about deep learning?", id: "q2"));
        var reply = await _bed.Microsoft.NextReplyAsync();
        AssertCardOf(Assistant.Act(CardAction.Answer("Deep Learning", "Data Scientist", "Senior")), reply.Activity["attachments"]![0]!["content"]!);

        // The same Teams user id in another tenant is another person.
        var stranger = _bed.Message("what about deep learning?", id: "q3");
        stranger["channelData"]!["tenant"]!["id"] = "another-tenant";
        stranger["from"]!["aadObjectId"] = "another-object-id";
        await _bed.PostAsync(stranger);
        reply = await _bed.Microsoft.NextReplyAsync();
        AssertCardOf(Assistant.Ask("what about deep learning?"), reply.Activity["attachments"]![0]!["content"]!);
    }

    [Fact]
    public async Task The_bot_added_to_a_conversation_says_welcome_with_example_questions()
    {
        var update = _bed.Message("");
        update.Remove("text");
        update["type"] = "conversationUpdate";
        update["id"] = "f:welcome";
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsTestBed.BotId });
        update["channelData"]!["eventType"] = "teamMemberAdded";
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(update)).StatusCode);

        var reply = await _bed.Microsoft.NextReplyAsync();
        var card = reply.Activity["attachments"]![0]!["content"]!;
        var welcome = Assistant.Composer.Help(new Query(""), "Hi, I'm SkillBot. Ask me what your next level asks of you in a skill, for example:");
        AssertCardOf(welcome, card);
        Assert.NotEmpty(welcome.Suggestions);
        var text = card.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.All(welcome.Suggestions, s => Assert.Contains(s, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_joining_gets_no_welcome()
    {
        var update = _bed.Message("");
        update["type"] = "conversationUpdate";
        update["id"] = "f:user";
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:new-colleague" });
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(update)).StatusCode);
        await _bed.PostAsync(_bed.Message("hello", id: "after"));
        Assert.Equal("after", (await _bed.Microsoft.NextReplyAsync()).ActivityId);
    }

    [Fact]
    public async Task Action_execute_answers_synchronously_with_the_new_card_to_replace_the_old()
    {
        var data = new JsonObject { ["skill"] = "Deep Learning", ["role"] = "LLM Engineer", ["level"] = "Lead" };
        var invoke = _bed.Invoke("adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "next", ["verb"] = "skillbot.answer", ["data"] = data },
            ["trigger"] = "manual",
        });
        var response = await _bed.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var expected = Assistant.Act(CardAction.Answer("Deep Learning", "LLM Engineer", "Lead"));
        Assert.Equal("Lead", expected.Level);
        AssertCardOf(expected, body["value"]!);
        Assert.NotEqual(JsonNode.Parse(Renderer.Render(Assistant.Ask(Seed)))!.ToJsonString(), body["value"]!.ToJsonString());
        Assert.False(_bed.Microsoft.TryTakeReply(out _)); // updated in place: no new message
    }

    [Fact]
    public async Task A_card_action_with_a_huge_level_is_refused_promptly_with_a_friendly_card()
    {
        // As large as the 256 KB activity limit allows: the search once cost the square of the length (seconds).
        var huge = string.Concat(Enumerable.Repeat("deeplearning", 10_000));
        var invoke = _bed.Invoke("adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "skillbot.answer",
                ["data"] = new JsonObject { ["skill"] = "Deep Learning", ["role"] = "LLM Engineer", ["level"] = huge },
            },
        });
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await _bed.PostAsync(invoke, cancellation: hangGuard.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length < 20_000, $"{text.Length} characters: the value was echoed");
        var body = JsonNode.Parse(text)!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains($"longer than {Assistant.MaxNameLength} characters", body["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_chosen_in_the_card_arrives_merged_into_the_data()
    {
        var invoke = _bed.Invoke("adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "skillbot.answer",
                ["data"] = new JsonObject { ["skill"] = "Deep Learning", ["role"] = "LLM Engineer", ["level"] = "Junior", ["msteams"] = new JsonObject() },
            },
        });
        var body = JsonNode.Parse(await (await _bed.PostAsync(invoke)).Content.ReadAsStringAsync())!;
        AssertCardOf(Assistant.Act(CardAction.Answer("Deep Learning", "LLM Engineer", "Junior")), body["value"]!);
    }

    [Fact]
    public async Task An_ask_button_answers_its_question()
    {
        var invoke = _bed.Invoke("adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "skillbot.ask", ["data"] = new JsonObject { ["question"] = Seed } },
        });
        var body = JsonNode.Parse(await (await _bed.PostAsync(invoke)).Content.ReadAsStringAsync())!;
        AssertCardOf(Assistant.Ask(Seed), body["value"]!);
    }

    [Fact]
    public async Task An_invoke_that_is_not_action_execute_gets_an_error_body_not_a_failure()
    {
        var invoke = _bed.Invoke("adaptiveCard/action", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit" } });
        var response = await _bed.PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("BadRequest", body["value"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_search_extension_lists_the_matching_expectation_with_a_preview()
    {
        var query = "senior data scientist deep learning";
        var body = await SearchAsync(query);
        var result = body["composeExtension"]!;
        Assert.Equal("result", result["type"]!.GetValue<string>());
        Assert.Equal("list", result["attachmentLayout"]!.GetValue<string>());
        var item = Assert.Single(result["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", item["contentType"]!.GetValue<string>());
        var expected = Assistant.Ask(query);
        Assert.Equal(Intent.Expectation, expected.Intent);
        AssertCardOf(expected, item["content"]!);
        Assert.Equal("application/vnd.microsoft.card.thumbnail", item["preview"]!["contentType"]!.GetValue<string>());
        Assert.Equal("Deep Learning · Data Scientist · Senior", item["preview"]!["content"]!["title"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(item["preview"]!["content"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_broader_search_lists_every_rung_of_the_ladder_and_pages()
    {
        var ladder = Assistant.Ask("deep learning").Items.OfType<LadderItem>().ToList();
        Assert.True(ladder.Count > 3);
        var first = (await SearchAsync("deep learning", skip: 0, count: 3))["composeExtension"]!["attachments"]!.AsArray();
        var second = (await SearchAsync("deep learning", skip: 3, count: 3))["composeExtension"]!["attachments"]!.AsArray();
        Assert.Equal(3, first.Count);
        string Title(LadderItem i) => $"Deep Learning · {i.Role} · {i.Level}";
        Assert.Equal(ladder.Take(3).Select(Title), first.Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>()));
        Assert.Equal(ladder.Skip(3).Take(3).Select(Title), second.Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_search_for_nothing_known_says_so()
    {
        var result = (await SearchAsync("kubernetes"))["composeExtension"]!;
        Assert.Equal("message", result["type"]!.GetValue<string>());
        Assert.Equal(Assistant.Ask("kubernetes").Message, result["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_search_offers_the_example_questions()
    {
        var items = (await SearchAsync(""))["composeExtension"]!["attachments"]!.AsArray();
        Assert.Equal(Assistant.Ask("").Suggestions.Count, items.Count);
    }

    [Fact]
    public async Task Unknown_fields_and_entity_types_are_tolerated()
    {
        var message = _bed.Message(Seed);
        message["entities"]!.AsArray().Add(new JsonObject { ["type"] = "quotedReply", ["quotedReply"] = new JsonObject { ["messageId"] = 5 } });
        message["entities"]!.AsArray().Add(new JsonObject { ["type"] = "mention", ["mentioned"] = "not an object", ["text"] = 42 });
        message["entities"]!.AsArray().Add(JsonValue.Create("a bare string"));
        message["entities"]!.AsArray().Add(new JsonObject { ["type"] = "https://schema.org/Message", ["@context"] = "https://schema.org" });
        message["channelData"]!["brandNewFeature"] = new JsonObject { ["nested"] = new JsonArray(1, 2, 3) };
        message["channelData"]!["tenant"] = "not an object either";
        message["somethingTeamsAddsNextYear"] = new JsonArray(true, null);
        message["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/html", ["content"] = "<div>" + Seed + "</div>" });
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(message)).StatusCode);
        AssertCardOf(Assistant.Ask(Seed), (await _bed.Microsoft.NextReplyAsync()).Activity["attachments"]![0]!["content"]!);
    }

    [Fact]
    public async Task Activity_types_the_bot_does_not_handle_get_200()
    {
        foreach (var type in new[] { "typing", "messageReaction", "installationUpdate", "somethingNew" })
        {
            var activity = _bed.Message("");
            activity["type"] = type;
            Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(activity)).StatusCode);
        }
        var invoke = _bed.Invoke("composeExtension/selectItem", new JsonObject());
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(invoke)).StatusCode);
        Assert.False(_bed.Microsoft.TryTakeReply(out _));
    }

    [Fact]
    public async Task A_repeated_activity_id_is_answered_once()
    {
        await _bed.PostAsync(_bed.Message(Seed, id: "dup"));
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(_bed.Message(Seed, id: "dup"))).StatusCode);
        await _bed.PostAsync(_bed.Message("hello", id: "next"));
        // Replies go out in parallel: the two may arrive in either order, and no third follows.
        var ids = new[] { (await _bed.Microsoft.NextReplyAsync()).ActivityId, (await _bed.Microsoft.NextReplyAsync()).ActivityId };
        Assert.Equal(["dup", "next"], ids.Order());
        await Task.Delay(500);
        Assert.False(_bed.Microsoft.TryTakeReply(out _));
    }

    private async Task<JsonNode> SearchAsync(string keywords, int skip = 0, int count = 25)
    {
        var response = await _bed.PostAsync(_bed.Invoke("composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchSkills",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchKeywords", ["value"] = keywords }),
            ["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count },
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The card is the Adaptive Card renderer's card for this answer, its text fallback the answer as text.</summary>
    private void AssertCardOf(Answer expected, JsonNode card)
    {
        var rendered = JsonNode.Parse(Renderer.Render(expected))!;
        var actual = card.AsObject();
        Assert.Equal(SkillBot.Cards.Text.TextRenderer.Render(expected), actual["fallbackText"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", actual["type"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(rendered, actual), $"Expected the card of '{expected.Question}' ({expected.Intent}) but got:\n{card}");
    }
}
