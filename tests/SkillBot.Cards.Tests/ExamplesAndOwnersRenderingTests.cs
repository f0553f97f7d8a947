using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Slack;
using SkillBot.Cards.Templating;
using SkillBot.Cards.Text;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests;

/// <summary>Examples and owners (catalogue 1.1) in every rendering: shown, escaped, and within each channel's limits however many and long.</summary>
public sealed class ExamplesAndOwnersRenderingTests
{
    private static readonly Assistant WithExamples = new(TestCatalogues.WithExamplesAndOwners());

    private static readonly string[] Questions =
    [
        "what does a senior data scientist need in deep learning?",
        "deep learning: middle vs senior data scientist",
        "I'm a senior data scientist",
        "deep learning overview",
    ];

    [Fact]
    public void Every_template_binds_examples_and_owners_exactly_as_the_official_engine_does_and_the_cards_are_valid()
    {
        var answers = Questions.Select(WithExamples.Ask).ToList();
        Assert.Equal([Intent.Expectation, Intent.Compare, Intent.RoleProfile, Intent.SkillOverview], answers.Select(a => a.Intent));
        var cases = answers.Select(a => new TemplateCase(
            JsonNode.Parse(File.ReadAllText(Path.Combine(Catalogues.RepoRoot, "cards", AdaptiveCardData.TemplateFor(a.Intent) + ".json"))),
            AdaptiveCardData.Build(AnswerView.Of(a), CardBudget.Generous))).ToList();

        var official = OfficialCards.ExpandWithOfficialEngine(cases);

        foreach (var (answer, (@case, expected)) in answers.Zip(cases.Zip(official)))
        {
            Assert.Null(expected.Error);
            var ours = CardTemplate.Parse(@case.Template).Expand(@case.Data);
            Assert.True(JsonNode.DeepEquals(expected.Card, ours), $"{answer.Intent}:\nofficial {expected.Card?.ToJsonString()}\nours     {ours?.ToJsonString()}");
            var card = ours!.ToJsonString();
            Assert.Contains("In practice", card, StringComparison.Ordinal);
            Assert.Contains(JsonEncodedText.Encode("• Cut training time by 30% & wrote it up <for the team> as *the* guide (Senior).").ToString(), card, StringComparison.Ordinal);
        }
        Assert.All(OfficialCards.Validate(official.Select(o => o.Card).ToList()), Assert.Empty);
    }

    [Fact]
    public void The_expectation_card_names_the_owners_and_its_Ask_an_owner_button_carries_the_question()
    {
        var answer = WithExamples.Ask("what does a senior data scientist need in deep learning?");
        var card = JsonNode.Parse(new AdaptiveCardRenderer().Render(answer))!;
        var text = card.ToJsonString();
        Assert.Contains("Ask an owner: U0123ABCD, 29:1a2B3c4D5e6F7g, ana@example.com", text, StringComparison.Ordinal);
        var button = Descendants(card).OfType<JsonObject>().Single(o => o["verb"]?.GetValue<string>() == CardAction.AskOwnerVerb);
        Assert.Equal("Ask an owner", button["title"]!.GetValue<string>());
        var action = ExecuteAction.Parse(CardAction.AskOwnerVerb, button["data"])!;
        Assert.Equal(CardAction.AskOwner("Deep Learning", "Data Scientist", "Senior", null, "what does a senior data scientist need in deep learning?"), action);

        // A role profile is about a role, not one skill: no owners to ask.
        Assert.DoesNotContain(CardAction.AskOwnerVerb, System.Text.Encoding.UTF8.GetString(new AdaptiveCardRenderer().Render(WithExamples.Ask("I'm a senior data scientist"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_long_examples_on_every_expectation_are_shown_where_they_fit_and_cut_and_counted_where_not()
    {
        var assistant = new Assistant(TestCatalogues.ManyLongExamples());
        var expectation = assistant.Ask("what does a senior data scientist need in deep learning?");
        Assert.Equal(ExampleLimits.MaxPerExpectation, expectation.Current!.Examples.Count);
        Assert.Equal(Owners.MaxPerSkill, expectation.Owners.Count);
        var overview = assistant.Ask("deep learning overview");
        var all = overview.Items.OfType<LadderItem>().Sum(r => r.Examples.Count);

        var (expectationCard, expectationShown) = Rendered(expectation);
        Assert.Equal(2 * ExampleLimits.MaxPerExpectation, expectationShown.Count); // two levels, whole: room enough
        Assert.DoesNotContain("more examples", expectationCard, StringComparison.Ordinal);

        var (overviewCard, overviewShown) = Rendered(overview);
        Assert.InRange(overviewShown.Count, 1, all - 1); // the budget that fits shows fewer and says how many more
        Assert.Contains("more examples", overviewCard, StringComparison.Ordinal);
    }

    /// <summary>The card, checked valid and under the limit, and the examples it shows (each within an example's length).</summary>
    private static (string Card, List<string> Examples) Rendered(Answer answer)
    {
        var bytes = new AdaptiveCardRenderer().Render(answer);
        Assert.InRange(bytes.Length, 1, AdaptiveCardRenderer.MaxBytes);
        var card = JsonNode.Parse(bytes)!;
        Assert.Empty(OfficialCards.Validate(card));
        var shown = Descendants(card).OfType<JsonObject>()
            .Where(o => o["type"]?.GetValue<string>() == "TextRun" && o["text"]!.GetValue<string>().StartsWith("• ", StringComparison.Ordinal))
            .Select(o => o["text"]!.GetValue<string>()).ToList();
        Assert.All(shown, e => Assert.InRange(e.Length, 3, ExampleLimits.MaxLength + 2));
        return (card.ToJsonString(), shown);
    }

    [Fact]
    public void Slack_shows_examples_escaped_and_an_Ask_an_owner_button()
    {
        var answer = WithExamples.Ask("what does a senior data scientist need in deep learning?");
        var message = JsonNode.Parse(BlockKitRenderer.ToUtf8(answer, SlackPlacement.None))!;
        var text = message.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("_In practice_\\n• Data Scientist at Senior: took a churn model", text, StringComparison.Ordinal);
        Assert.Contains("Cut training time by 30% &amp; wrote it up &lt;for the team&gt;", text, StringComparison.Ordinal);
        Assert.Contains("Ask an owner: U0123ABCD, 29:1a2B3c4D5e6F7g, ana@example.com", text, StringComparison.Ordinal);
        var button = Descendants(message).OfType<JsonObject>().Single(o => o["action_id"]?.GetValue<string>() == BlockKitRenderer.AskOwnerActionId);
        var action = JsonSerializer.Deserialize(button["value"]!.GetValue<string>(), CardActionJsonContext.Default.CardAction);
        Assert.Equal(CardAction.AskOwner("Deep Learning", "Data Scientist", "Senior", null, answer.Question), action);
    }

    [Fact]
    public void Slack_sections_keep_their_limit_with_ten_long_examples_on_every_expectation()
    {
        var assistant = new Assistant(TestCatalogues.ManyLongExamples());
        foreach (var answer in Questions.Select(assistant.Ask))
        {
            var message = JsonNode.Parse(BlockKitRenderer.ToUtf8(answer, SlackPlacement.None))!;
            var sections = message["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "section").Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
            Assert.All(sections, s => Assert.InRange(s.Length, 1, BlockKitRenderer.MaxSectionText));
            // Examples are shown (cut at a word) or counted, never dropped silently, and never break out of mrkdwn.
            Assert.Contains(sections, s => s.Contains("\n• ", StringComparison.Ordinal) || s.Contains("more examples", StringComparison.Ordinal));
            Assert.All(sections, s => Assert.DoesNotContain("<!here>", s, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Text_lists_every_example_and_the_owners()
    {
        var text = TextRenderer.Render(WithExamples.Ask("what does a senior data scientist need in deep learning?"));
        Assert.Contains("  In practice:\n    • Data Scientist at Senior: took a churn model", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("    • Data Scientist at Lead:", text, StringComparison.Ordinal);
        Assert.Contains("Ask an owner: U0123ABCD, 29:1a2B3c4D5e6F7g, ana@example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_labels_for_examples_and_owners()
    {
        var answer = WithExamples.Ask("高级数据科学家在深度学习方面需要什么？");
        var card = new AdaptiveCardRenderer().Render(answer);
        var text = JsonNode.Parse(card)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("实践示例", text, StringComparison.Ordinal);
        Assert.Contains("请教负责人", text, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.Select(p => p.Value).SelectMany(Descendants))
                {
                    yield return child;
                }
                break;
            case JsonArray a:
                foreach (var child in a.SelectMany(Descendants))
                {
                    yield return child;
                }
                break;
        }
    }
}
