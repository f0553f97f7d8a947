using System.Text;
using System.Text.Json.Nodes;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Templating;
using SkillBot.Cards.Text;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests;

/// <summary>Every card SkillBot can produce, checked by the official Adaptive Cards libraries.</summary>
public sealed class AdaptiveCardTests
{
    private static readonly AdaptiveCardRenderer Renderer = new();

    private static JsonObject Render(Answer answer) => JsonNode.Parse(Renderer.Render(answer))!.AsObject();

    private static IEnumerable<(string Name, Answer Answer)> EveryAnswer() =>
        new[] { ("built-in", Catalogues.BuiltIn()), ("long-text", LongTextCatalogue.Build()), ("2,000 skills", LargeAnswers.Catalogue), ("tracks", TrackedCatalogue.Load()), ("many-examples", TestCatalogues.ManyLongExamples()) }
            .SelectMany(c => SampleAnswers.For(c.Item2).Select(a => ($"{c.Item1} {a.Intent} '{a.Question}'", a)))
            .Concat(LargeAnswers.Listings().Select(a => ($"2,000 skills {a.Intent} '{a.Question}'", a)))
            .Append(("chinese", new Assistant(Catalogues.BuiltIn()).Ask("高级LLM工程师在深度学习方面需要什么？")))
            .Append(("chinese lateral move", new Assistant(Catalogues.BuiltIn()).Ask("从高级数据科学家转到LLM工程师")))
            .Append(("long-text which of every role", EveryRoleOfTheLongSkill()));

    /// <summary>Which role, out of sixty long-named ones (what a skill with every role of the long catalogue asks): a clarify that needs a tighter budget.</summary>
    private static Answer EveryRoleOfTheLongSkill()
    {
        var catalogue = LongTextCatalogue.Build();
        var answer = new Assistant(catalogue).Ask(catalogue.Levels[^1].Name);
        Assert.Equal(Intent.Clarify, answer.Intent);
        return answer with { Clarify = answer.Clarify! with { Options = [.. catalogue.Roles.Select(r => r.Name)] } };
    }

    [Fact]
    public void Every_card_passes_the_official_parser_and_schema_and_stays_under_28KB()
    {
        var answers = EveryAnswer().ToList();
        Assert.Contains(answers, a => a.Answer.Intent == Intent.Expectation);
        Assert.Equal(Enum.GetValues<Intent>().Except(SampleAnswers.NotYetAnswered).Order(), answers.Select(a => a.Answer.Intent).Distinct().Order());

        var cards = answers.Select(a => (JsonNode?)Render(a.Answer)).ToList();
        var problems = OfficialCards.Validate(cards);

        var report = answers.Zip(problems).Where(p => p.Second.Count > 0).Select(p => $"{p.First.Name}: {string.Join("; ", p.Second)}").ToList();
        Assert.True(report.Count == 0, string.Join("\n", report));
    }

    [Fact]
    public void Every_card_carries_its_text_fallback_and_is_the_most_generous_budget_that_fits()
    {
        var templates = new Dictionary<string, CardTemplate>();
        var tightened = 0;
        foreach (var (name, answer) in EveryAnswer())
        {
            var bytes = Renderer.Render(answer);
            var card = JsonNode.Parse(bytes)!.AsObject();
            var fallback = card["fallbackText"]!.GetValue<string>();
            Assert.True(bytes.Length <= AdaptiveCardRenderer.MaxBytes, $"{name}: {bytes.Length} bytes");
            // The fallback is the text rendering, cut only where the card leaves no room for all of it.
            var text = TextRenderer.Render(answer);
            Assert.True(fallback == text || (fallback.EndsWith(TextFit.Ellipsis, StringComparison.Ordinal) && text.StartsWith(fallback[..^1].TrimEnd(), StringComparison.Ordinal)), name);

            // The card itself is the one the first budget under which it fits gives, as trying each in turn finds it.
            var templateName = AdaptiveCardData.TemplateFor(answer.Intent);
            if (!templates.TryGetValue(templateName, out var template))
            {
                template = templates[templateName] = CardTemplate.Parse(File.ReadAllText(Path.Combine(Catalogues.RepoRoot, "cards", templateName + ".json")));
            }
            var expanded = CardBudget.GenerousToTightest.Select(budget => template.Expand(AdaptiveCardData.Build(AnswerView.Of(answer), budget))!).ToList();
            var expected = expanded.FirstOrDefault(c => Encoding.UTF8.GetByteCount(c.ToJsonString()) <= AdaptiveCardRenderer.MaxBytes) ?? expanded[^1];
            card.Remove("fallbackText");
            Assert.True(JsonNode.DeepEquals(expected, card), name);
            tightened += expected == expanded[0] ? 0 : 1;
        }
        Assert.True(tightened > 0, "no card needed a tighter budget: the search is untested");
    }

    [Fact]
    public void Every_template_with_its_sample_data_expands_exactly_as_the_official_engine_does()
    {
        var cards = Path.Combine(Catalogues.RepoRoot, "cards");
        var templates = Directory.GetFiles(cards, "*.json").Where(f => !f.EndsWith(".data.json", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(10, templates.Count);
        var cases = templates.Select(t => new TemplateCase(
            JsonNode.Parse(File.ReadAllText(t)),
            JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(t, ".data.json"))))).ToList();

        var official = OfficialCards.ExpandWithOfficialEngine(cases);
        foreach (var (template, (@case, expected)) in templates.Zip(cases.Zip(official)))
        {
            Assert.Null(expected.Error);
            var ours = CardTemplate.Parse(@case.Template).Expand(@case.Data);
            Assert.True(JsonNode.DeepEquals(expected.Card, ours), $"{Path.GetFileName(template)}:\nofficial {expected.Card?.ToJsonString()}\nours     {ours?.ToJsonString()}");
        }
        Assert.All(OfficialCards.Validate(official.Select(o => o.Card).ToList()), Assert.Empty);
    }

    [Fact]
    public void The_expectation_card_shows_where_you_are_what_is_next_and_lets_you_move()
    {
        var answer = new Assistant(Catalogues.BuiltIn()).Ask("what does senior LLM engineer need in deep learning?");
        var card = Render(answer).ToJsonString();
        Assert.Contains("\"Current level: Senior\"", card, StringComparison.Ordinal);
        Assert.Contains("\"Next level: Lead\"", card, StringComparison.Ordinal);
        Assert.Contains("Updated 2026-02-22", card, StringComparison.Ordinal);
        foreach (var title in new[] { "◀ Middle", "Lead ▶", "Compare with Lead", "Data Scientist" })
        {
            Assert.Contains($"\"title\":\"{title}\"", JsonNode.Parse(card)!.ToJsonString(CardSampleDataTests.Readable).Replace("\": \"", "\":\"", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        Assert.Contains("\"verb\":\"skillbot.answer\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Principal_is_the_top_of_the_ladder()
    {
        var card = Render(new Assistant(Catalogues.BuiltIn()).Ask("principal data scientist deep learning")).ToJsonString(CardSampleDataTests.Readable);
        Assert.Contains("Top of the ladder: there is no level above Principal.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Next level", card, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_in_Chinese_gets_Chinese_labels_and_the_catalogue_text_as_written()
    {
        var card = Render(new Assistant(Catalogues.BuiltIn()).Ask("高级LLM工程师在深度学习方面需要什么？")).ToJsonString(CardSampleDataTests.Readable);
        Assert.Contains("当前级别: 高级", card, StringComparison.Ordinal);
        Assert.Contains("下一级别: 主管", card, StringComparison.Ordinal);
        Assert.Contains("Designs custom training loops for LLM", card, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lateral_move_card_shows_both_roles_and_steps_along_either_or_swaps()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        var card = Render(assistant.Ask("middle data scientist vs senior LLM engineer in deep learning"));
        var text = card.ToJsonString(CardSampleDataTests.Readable).Replace("\": \"", "\":\"", StringComparison.Ordinal);
        Assert.Contains("Middle Data Scientist → Senior LLM Engineer", text, StringComparison.Ordinal);
        Assert.Contains("\"Data Scientist: Middle\"", text, StringComparison.Ordinal);
        Assert.Contains("\"LLM Engineer: Senior\"", text, StringComparison.Ordinal);
        var titles = card["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(["◀ Junior Data Scientist", "Senior Data Scientist ▶", "◀ Middle LLM Engineer", "Lead LLM Engineer ▶", "Swap roles ⇄"], titles);

        Answer Press(JsonObject on, string title)
        {
            var button = on["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == title)!;
            return assistant.Act(ExecuteAction.Parse(button["verb"]!.GetValue<string>(), button["data"])!);
        }
        var swapped = Press(card, "Swap roles ⇄");
        Assert.Equal((Intent.CompareRoles, "LLM Engineer", "Senior", "Data Scientist", "Middle", "Deep Learning"),
            (swapped.Intent, swapped.Role, swapped.Level, swapped.CompareRole, swapped.CompareTo, swapped.Skill));
        var up = Press(card, "Lead LLM Engineer ▶");
        Assert.Equal(("Data Scientist", "Middle", "LLM Engineer", "Lead"), (up.Role, up.Level, up.CompareRole, up.CompareTo));
    }

    [Fact]
    public void A_large_catalogue_lists_its_domains_with_a_button_each_that_lists_that_domain_alone()
    {
        var assistant = new Assistant(LargeAnswers.Catalogue);
        var answer = assistant.Ask("what skills are there?");
        Assert.Equal(Intent.Catalogue, answer.Intent);
        Assert.Equal(LargeAnswers.Catalogue.Skills.Length, answer.Items.Count);
        var card = Render(answer);
        var text = card.ToJsonString();
        Assert.Contains($"The catalogue has {LargeAnswers.Catalogue.Skills.Length:N0}".Replace(",", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
        var shows = Find(card, n => n["title"]?.GetValue<string>() == "Show all" && n["type"]?.GetValue<string>() == "Action.Execute").ToList();
        Assert.NotEmpty(shows);
        var domain = assistant.Act(ExecuteAction.Parse(shows[0]!["verb"]!.GetValue<string>(), shows[0]!["data"])!);
        Assert.Equal(Intent.Catalogue, domain.Intent);
        Assert.NotNull(domain.Domain);
        Assert.All(domain.Items, i => Assert.Equal(domain.Domain, Assert.IsType<SkillListItem>(i).Domain));
        Assert.Equal(LargeAnswers.Catalogue.SkillsIn(domain.Domain).Length, domain.Items.Count);
    }

    private static IEnumerable<JsonObject> Find(JsonNode? node, Func<JsonObject, bool> match)
    {
        switch (node)
        {
            case JsonObject obj:
                if (match(obj))
                {
                    yield return obj;
                }
                foreach (var found in obj.SelectMany(p => Find(p.Value, match)))
                {
                    yield return found;
                }
                break;
            case JsonArray array:
                foreach (var found in array.SelectMany(n => Find(n, match)))
                {
                    yield return found;
                }
                break;
        }
    }

    [Fact]
    public void A_button_round_trips_to_the_answer_it_promises()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        var card = Render(assistant.Ask("what does senior LLM engineer need in deep learning?"));
        var next = card["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Lead ▶")!;
        var action = ExecuteAction.Parse(next["verb"]!.GetValue<string>(), next["data"]);
        var answer = assistant.Act(action!);
        Assert.Equal(("Lead", "LLM Engineer", "Deep Learning"), (answer.Level, answer.Role, answer.Skill));
        Assert.Equal("Principal", answer.Next!.Level);
    }
}
