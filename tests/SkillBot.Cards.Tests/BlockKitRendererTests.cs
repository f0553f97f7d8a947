using System.Text.Json.Nodes;
using SkillBot.Cards.Slack;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests;

public sealed class BlockKitRendererTests
{
    public static TheoryData<string, int> EveryAnswer()
    {
        var data = new TheoryData<string, int>();
        foreach (var (name, answers) in Answers)
        {
            for (var i = 0; i < answers.Count; i++)
            {
                data.Add(name, i);
            }
        }
        return data;
    }

    private static readonly Dictionary<string, IReadOnlyList<Answer>> Answers = new()
    {
        ["built-in"] = SampleAnswers.For(Catalogues.BuiltIn()),
        ["long"] = SampleAnswers.For(LongTextCatalogue.Build()),
        ["2,000 skills"] = [.. SampleAnswers.For(LargeAnswers.Catalogue), .. LargeAnswers.Listings()],
        ["tracks"] = SampleAnswers.For(TrackedCatalogue.Load()),
        ["many-examples"] = SampleAnswers.For(TestCatalogues.ManyLongExamples()),
    };

    [Theory]
    [MemberData(nameof(EveryAnswer))]
    public void Every_message_keeps_every_Slack_limit(string catalogue, int index)
    {
        var answer = Answers[catalogue][index];
        var message = Render(answer);

        Assert.False(string.IsNullOrWhiteSpace(message["text"]!.GetValue<string>()));
        Assert.True(message["text"]!.GetValue<string>().Length <= 3000);
        var blocks = message["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 1, 50);
        foreach (var block in blocks.Select(b => b!.AsObject()))
        {
            switch (block["type"]!.GetValue<string>())
            {
                case "header":
                    Assert.InRange(Text(block["text"]).Length, 1, 150);
                    break;
                case "section":
                    Assert.InRange(Text(block["text"]).Length, 1, 3000);
                    if (block["accessory"] is JsonObject accessory)
                    {
                        AssertElement(accessory);
                    }
                    break;
                case "actions":
                    var elements = block["elements"]!.AsArray();
                    Assert.InRange(elements.Count, 1, 25);
                    foreach (var element in elements)
                    {
                        AssertElement(element!.AsObject());
                    }
                    break;
                case "context":
                    Assert.InRange(block["elements"]!.AsArray().Count, 1, 10);
                    break;
                default:
                    Assert.Fail("unexpected block " + block["type"]);
                    break;
            }
        }
        // Nothing from the catalogue or the user can mention, link or break out: every '<' we send is escaped.
        foreach (var text in MrkdwnTexts(message))
        {
            Assert.DoesNotContain('<', text);
            Assert.DoesNotContain('>', text);
            Assert.DoesNotMatch("&(?!amp;|lt;|gt;)", text);
        }
    }

    [Fact]
    public void Every_intent_is_among_the_messages_checked_including_a_2000_skill_catalogue_listing()
    {
        Assert.Equal(Enum.GetValues<Intent>().Except(SampleAnswers.NotYetAnswered).Order(), Answers.Values.SelectMany(a => a).Select(a => a.Intent).Distinct().Order());
        var all = Answers["2,000 skills"].First(a => a.Intent == Intent.Catalogue && a.Items.Count == LargeAnswers.Catalogue.Skills.Length);
        var message = Render(all);
        var blocks = message["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 10, 50);
        // Each domain gets a section with a button listing it alone; the ones past the last block are in a select.
        var values = blocks.SelectMany(b => (b!["accessory"] is JsonNode a ? [a] : b["elements"]?.AsArray().ToArray() ?? [])!)
            .SelectMany(e => e!["options"]?.AsArray().Select(o => o!["value"]!.GetValue<string>()) ?? [e["value"]?.GetValue<string>() ?? ""])
            .Where(v => v.Contains("\"list\":\"skills\"", StringComparison.Ordinal) && v.Contains("\"domain\"", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(LargeAnswers.Catalogue.Domains.Length, values.Distinct().Count());
    }

    [Fact]
    public void A_lateral_move_shows_what_the_other_role_asks_in_bold()
    {
        var answer = new Assistant(Catalogues.BuiltIn()).Ask("senior data scientist vs senior LLM engineer in deep learning");
        var texts = MrkdwnTexts(Render(answer)).ToList();
        Assert.Contains(texts, t => t.StartsWith("*Data Scientist: Senior* · Optional\nDesigns complex deep learning architectures", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("*LLM Engineer: Senior* · Optional\n", StringComparison.Ordinal) && t[t.IndexOf('\n', StringComparison.Ordinal)..].Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public void The_seed_answer_shows_both_levels_with_the_additions_in_bold()
    {
        var answer = new Assistant(Catalogues.BuiltIn()).Ask("what does senior LLM engineer need in deep learning?");
        var message = Render(answer);
        var texts = MrkdwnTexts(message).ToList();
        Assert.Contains(texts, t => t.StartsWith("*Current level: Senior* · Optional\nDesigns custom training loops", StringComparison.Ordinal));
        // Lead shares almost nothing with Senior: all of it is new, so all of it is bold, markers paired.
        Assert.Contains("*Next level: Lead* · Optional\n*Defines deep learning best practices for the LLM team. Establishes model training standards, conducts training configuration reviews, introduces training run monitoring systems.*", texts);
        var actionIds = message["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? []).Select(e => e!["action_id"]?.GetValue<string>()).ToList();
        Assert.Contains(BlockKitRenderer.ShareActionId, actionIds);
        Assert.Contains(BlockKitRenderer.LevelActionId, actionIds);
    }

    [Fact]
    public void A_slash_command_reply_is_the_same_message_with_its_response_type_and_chinese_as_utf8()
    {
        var answer = new Assistant(Catalogues.BuiltIn()).Ask("高级LLM工程师在深度学习方面需要什么？");
        var bytes = BlockKitRenderer.ToUtf8(answer, SlackPlacement.Ephemeral);

        var reply = JsonNode.Parse(bytes)!.AsObject();
        Assert.Equal("ephemeral", (string?)reply["response_type"]);
        reply.Remove("response_type");
        Assert.True(JsonNode.DeepEquals(Render(answer), reply));
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("当前级别", text); // the labels follow the question's language
    }

    [Fact]
    public void A_user_cannot_make_the_bot_ping_a_channel_or_disguise_a_link()
    {
        var answer = new Assistant(Catalogues.BuiltIn()).Ask("<!channel> <https://evil.example|click here> & friends");
        var message = Render(answer);
        var all = message.ToJsonString();
        Assert.DoesNotContain("<!channel>", MrkdwnTexts(message).Aggregate("", string.Concat));
        Assert.DoesNotContain("<https://evil", all);
    }

    [Fact]
    public void Long_text_is_cut_at_a_word_with_an_ellipsis_and_never_inside_an_escape()
    {
        Assert.Equal("a &amp; b…", SlackText.Mrkdwn("a & b & c & d", 10));
        Assert.Equal("&lt;&lt;…", SlackText.Mrkdwn("<<<<<<<<<<<<", 9));
        var cut = SlackText.Mrkdwn(string.Join(' ', Enumerable.Repeat("word&", 1000)), 3000);
        Assert.True(cut.Length <= 3000);
        Assert.EndsWith("…", cut);
        Assert.Matches(@"(word&amp; )+word&amp;…$", cut);
    }

    [Fact]
    public void A_placement_adds_only_its_own_fields_to_the_message()
    {
        var answer = new Assistant(Catalogues.BuiltIn()).Ask("what does senior LLM engineer need in deep learning?");
        var cases = new (SlackPlacement Placement, string Fields)[]
        {
            (SlackPlacement.Post("C1", "1.1"), """{"channel":"C1","thread_ts":"1.1"}"""),
            (SlackPlacement.Post("C1", null), """{"channel":"C1"}"""),
            (SlackPlacement.ReplaceClicked, """{"replace_original":true}"""),
            (SlackPlacement.ShareInChannel, """{"response_type":"in_channel","replace_original":false}"""),
        };
        foreach (var (placement, fields) in cases)
        {
            var placed = JsonNode.Parse(BlockKitRenderer.ToUtf8(answer, placement))!.AsObject();
            var expected = JsonNode.Parse(fields)!.AsObject();
            foreach (var (name, value) in Render(answer))
            {
                expected[name] = value?.DeepClone();
            }
            Assert.Equal(expected.ToJsonString(), placed.ToJsonString()); // the placement first, in this order
            Assert.Equal(JsonNode.Parse(fields)!.AsObject().Append(new("text", "hi")).Select(p => p.Key),
                JsonNode.Parse(BlockKitRenderer.Notice("hi", placement))!.AsObject().Select(p => p.Key));
        }
    }

    private static JsonObject Render(Answer answer) => JsonNode.Parse(BlockKitRenderer.ToUtf8(answer, SlackPlacement.None))!.AsObject();

    private static void AssertElement(JsonObject element)
    {
        Assert.True(element["action_id"]!.GetValue<string>().Length <= 255);
        switch (element["type"]!.GetValue<string>())
        {
            case "button":
                Assert.InRange(Text(element["text"]).Length, 1, 75);
                Assert.InRange(element["value"]!.GetValue<string>().Length, 1, 2000);
                break;
            case "static_select":
                var options = element["options"]!.AsArray();
                Assert.InRange(options.Count, 1, 100);
                foreach (var option in options)
                {
                    Assert.InRange(Text(option!["text"]).Length, 1, 75);
                    Assert.InRange(option["value"]!.GetValue<string>().Length, 1, 150);
                }
                break;
            default:
                Assert.Fail("unexpected element " + element["type"]);
                break;
        }
    }

    private static string Text(JsonNode? textObject) => textObject!["text"]!.GetValue<string>();

    private static IEnumerable<string> MrkdwnTexts(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj["type"]?.GetValue<string>() == "mrkdwn":
                yield return obj["text"]!.GetValue<string>();
                break;
            case JsonObject obj:
                foreach (var child in obj.SelectMany(p => MrkdwnTexts(p.Value)))
                {
                    yield return child;
                }
                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(MrkdwnTexts))
                {
                    yield return child;
                }
                break;
        }
    }
}
