using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Slack;
using SkillBot.Cards.Text;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests;

/// <summary>
/// A question in Chinese is answered in Chinese in every channel: whatever a renderer shows is Chinese labels and
/// messages around the catalogue's text as written. Checked as "every Latin word shown is one of the catalogue's",
/// and "no English label is shown".
/// </summary>
public sealed partial class ChineseRenderingTests
{
    private static readonly SkillCatalogue Catalogue = Catalogues.BuiltIn();
    private static readonly Assistant Assistant = new(Catalogue);
    private static readonly AdaptiveCardRenderer Adaptive = new();

    public static TheoryData<string> Questions =>
    [
        "高级LLM工程师在深度学习方面需要什么？",
        "首席数据科学家在深度学习方面需要什么？",
        "从中级升到高级，数据科学家在深度学习方面需要什么？",
        "我是高级数据科学家，下一步要学什么？",
        "深度学习的完整阶梯",
        "数据科学家的深度学习所有级别要求",
        "高级在深度学习方面需要什么？",
        "资深数据科学家需要什么？",
        "高级数据科学家需要会区块链吗？",
        "后端工程师需要什么技能？",
        "你好",
    ];

    [Theory]
    [MemberData(nameof(Questions))]
    public void The_text_rendering_is_Chinese(string question) =>
        CheckShown(Answer(question), [TextRenderer.Render(Answer(question))]);

    [Theory]
    [MemberData(nameof(Questions))]
    public void The_Slack_message_is_Chinese(string question)
    {
        var message = JsonNode.Parse(BlockKitRenderer.ToUtf8(Answer(question), SlackPlacement.Ephemeral))!;
        CheckShown(Answer(question), Strings(message, "text"));
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void The_Adaptive_Card_is_Chinese(string question)
    {
        var card = JsonNode.Parse(Adaptive.Render(Answer(question)))!;
        CheckShown(Answer(question), Strings(card, "text", "title", "fallbackText", "label", "placeholder"));
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void The_search_preview_is_Chinese(string question)
    {
        var preview = SearchPreview.Of(Answer(question));
        CheckShown(Answer(question), [preview.Title, preview.Subtitle ?? "", preview.Text]);
    }

    [Fact]
    public void A_button_on_a_Chinese_card_answers_in_Chinese()
    {
        var answer = Answer("高级LLM工程师在深度学习方面需要什么？");
        var view = AnswerView.Of(answer);
        // Progress buttons are the channels' (they open a modal or a form), not answers of the core.
        var moves = view.Steps.Concat(view.RoleSwitches).Append(view.Feedback.Up)
            .Where(m => !m.Action.Verb.StartsWith("skillbot.progress", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(moves);
        foreach (var move in moves)
        {
            var next = Assistant.Act(move.Action);
            Assert.Equal("zh", next.Language);
            CheckShown(next, [next.Message, TextRenderer.Render(next)]);
        }
    }

    [Fact]
    public void Every_label_has_its_Chinese_text_and_no_English_in_it()
    {
        var chinese = Labels.For("zh");
        Assert.Contains("zh", Labels.Languages);
        foreach (var key in Labels.Keys)
        {
            Assert.True(chinese.Has(key), $"zh.json lacks '{key}'");
            var text = Placeholder().Replace(chinese[key], "");
            Assert.False(LatinWord().IsMatch(text), $"'{key}' in zh.json: {chinese[key]}");
        }
    }

    private static Answer Answer(string question)
    {
        var answer = Assistant.Ask(question);
        Assert.Equal("zh", answer.Language);
        return answer;
    }

    /// <summary>Every Latin word shown is the catalogue's (a name, an alias, its text, its version); no English label is shown.</summary>
    private static void CheckShown(Answer answer, IEnumerable<string> shown)
    {
        var english = Labels.For("en");
        // The default ladder's level names are the catalogue's, not labels.
        var englishLabels = Labels.Keys.Where(k => !k.StartsWith("level.", StringComparison.Ordinal)).Select(k => english[k]).Where(t => LatinWord().IsMatch(t))
            .Select(t => Placeholder().Split(t).OrderByDescending(p => p.Length).First().Trim())
            .Where(t => t.Length > 3)
            .ToList();
        foreach (var text in shown.Select(t => t.Replace("&amp;", "&", StringComparison.Ordinal).Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)))
        {
            foreach (Match word in LatinWord().Matches(text))
            {
                Assert.True(CatalogueWords.Value.Contains(word.Value.ToLowerInvariant()), $"'{word.Value}' in: {text}");
            }
            foreach (var label in englishLabels)
            {
                Assert.DoesNotContain(label, text, StringComparison.Ordinal);
            }
        }
        Assert.DoesNotContain("I don't know", answer.Message, StringComparison.Ordinal);
    }

    private static readonly Lazy<HashSet<string>> CatalogueWords = new(() =>
    {
        var texts = Catalogue.Skills.SelectMany(s => s.Aliases.Append(s.Name).Append(s.Domain)
                .Concat(s.Roles.SelectMany(r => r.ByLevel.OfType<Expectation>().Select(e => e.Description))))
            .Concat(Catalogue.Roles.SelectMany(r => r.Aliases.Append(r.Name)))
            .Concat(Catalogue.Levels.SelectMany(l => l.Aliases.Append(l.Name)))
            .Append(Catalogue.Version)
            .Append("SkillBot");
        return [.. texts.SelectMany(t => LatinWord().Matches(t).Select(m => m.Value.ToLowerInvariant()))];
    });

    private static List<string> Strings(JsonNode node, params string[] keys)
    {
        var found = new List<string>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        if (keys.Contains(key) && value is JsonValue v && v.TryGetValue<string>(out var s))
                        {
                            found.Add(s);
                        }
                        Walk(value);
                    }
                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }
                    break;
            }
        }
        Walk(node);
        Assert.NotEmpty(found);
        return found;
    }

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
