using System.Text;
using System.Text.Json.Nodes;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Pages;
using SkillBot.Cards.Slack;
using SkillBot.Cards.Text;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests;

/// <summary>"Open in browser": computed once in the view, shown by every renderer for every intent, only with a public URL.</summary>
public sealed class OpenInBrowserTests
{
    private static readonly Uri Public = new("https://skills.example.com/");

    private static IEnumerable<Answer> EveryAnswer()
    {
        var catalogue = Catalogues.BuiltIn();
        return SampleAnswers.For(catalogue).Append(new Assistant(catalogue).Ask("高级LLM工程师在深度学习方面需要什么？"));
    }

    [Fact]
    public void Every_renderer_links_the_page_of_every_kind_of_answer_and_the_cards_stay_valid()
    {
        var catalogue = Catalogues.BuiltIn();
        var links = new PageLinks(Public, () => catalogue);
        var renderer = new AdaptiveCardRenderer(links);
        var cards = new List<JsonNode?>();
        foreach (var answer in EveryAnswer())
        {
            var url = AnswerView.Of(answer, links).PageUrl;
            Assert.NotNull(url);
            Assert.StartsWith("https://skills.example.com/catalogue", url, StringComparison.Ordinal);
            var label = Labels.For(answer.Language)["openInBrowser"];

            var card = JsonNode.Parse(renderer.Render(answer))!;
            var open = card["actions"]!.AsArray().Last()!;
            Assert.Equal("Action.OpenUrl", (string?)open["type"]);
            Assert.Equal(url, (string?)open["url"]);
            Assert.Equal(label, (string?)open["title"]);
            cards.Add(card);

            Assert.Contains($"<{url}|{label}>", Encoding.UTF8.GetString(BlockKitRenderer.ToUtf8(answer, SlackPlacement.None, links)), StringComparison.Ordinal);
            Assert.Contains($"{label}: {url}", TextRenderer.Render(answer, links), StringComparison.Ordinal);
        }
        Assert.All(OfficialCards.Validate(cards), Assert.Empty);
    }

    [Fact]
    public void Each_answer_links_the_page_and_anchor_that_show_it()
    {
        var catalogue = Catalogues.BuiltIn();
        var assistant = new Assistant(catalogue);
        string? Path(Answer answer) => CataloguePaths.For(answer, catalogue);
        Assert.Equal("/catalogue/skills/deep-learning#llm-engineer--senior", Path(assistant.Act(CardAction.Answer("Deep Learning", "LLM Engineer", "Senior"))));
        Assert.Equal("/catalogue/compare/levels/llm-engineer/senior/principal#deep-learning", Path(assistant.Act(CardAction.Answer("Deep Learning", "LLM Engineer", "Senior", "Principal"))));
        Assert.Equal("/catalogue/roles/data-scientist/lead", Path(assistant.Act(CardAction.Answer(null, "Data Scientist", "Lead"))));
        Assert.Equal("/catalogue/skills/deep-learning", Path(assistant.Act(CardAction.Answer("Deep Learning", null, null))));
        Assert.Equal("/catalogue", Path(assistant.Ask("help")));
        // A name the catalogue no longer has (an answer from before a reload) links nowhere rather than to a wrong page.
        Assert.Null(Path(assistant.Act(CardAction.Answer("Deep Learning", "LLM Engineer", "Senior")) with { Skill = "Gone" }));
    }

    [Fact]
    public void Without_a_public_url_nothing_links()
    {
        foreach (var answer in EveryAnswer())
        {
            Assert.Null(AnswerView.Of(answer).PageUrl);
            Assert.DoesNotContain("Action.OpenUrl", Encoding.UTF8.GetString(new AdaptiveCardRenderer().Render(answer)), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Deep Learning", "deep-learning")]
    [InlineData("Machine Learning & AI", "machine-learning-ai")]
    [InlineData("  C++ / C#  ", "c-c")]
    [InlineData("深度学习", "深度学习")]
    [InlineData("<script>", "script")]
    [InlineData("!!!", "unnamed")]
    public void A_slug_is_the_name_in_lower_case_with_dashes(string name, string slug) => Assert.Equal(slug, CatalogueSlugs.Slug(name));

    [Fact]
    public void Names_with_one_slug_get_numbered_in_catalogue_order_and_each_finds_its_own()
    {
        var built = Catalogues.BuiltIn();
        Skill Named(string name, params string[] aliases) => built.Skills[0] with { Name = name, Aliases = [.. aliases] };
        var (plus, sharp) = (Named("C++", "cpp"), Named("C#", "csharp"));
        var slugs = CatalogueSlugs.Of(new SkillCatalogue(built.Levels, built.Roles, [plus, sharp], "v"));
        Assert.Equal("c", slugs.Skills.Of(plus));
        Assert.Equal("c-2", slugs.Skills.Of(sharp));
        Assert.Same(sharp, slugs.Skills.Find("c-2", out var canonical));
        Assert.True(canonical);
        Assert.Same(sharp, slugs.Skills.Find("CSharp", out canonical)); // an alias: found, to be redirected
        Assert.False(canonical);
        Assert.Null(slugs.Skills.Find("nothing", out _));
    }
}
