using System.Text.Json.Nodes;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Slack;
using SkillBot.Cards.Text;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Testing;
using static SkillBot.Testing.TrackedCatalogue;

namespace SkillBot.Cards.Tests;

/// <summary>
/// Every channel on a catalogue with tracks: the track on the card, level buttons and pickers of the role's track
/// only, a switch to the other track where the skill has it, the whole ladder grouped by track.
/// </summary>
public sealed class TrackRenderingTests
{
    private static readonly Assistant Assistant = new(TrackedCatalogue.Load());
    private static readonly AdaptiveCardRenderer Adaptive = new();

    private static JsonObject Card(Answer answer) => JsonNode.Parse(Adaptive.Render(answer))!.AsObject();

    private static JsonObject Slack(Answer answer) => JsonNode.Parse(BlockKitRenderer.ToUtf8(answer, SlackPlacement.None))!.AsObject();

    /// <summary>Every object below a node, depth first.</summary>
    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Objects(p.Value)).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    private static IEnumerable<string> Texts(JsonNode node) =>
        Objects(node).Select(o => o["text"]).OfType<JsonValue>().Select(v => v.GetValue<string>());

    [Fact]
    public void The_adaptive_card_at_the_top_of_a_track_shows_the_track_and_a_switch_to_the_other_and_passes_the_official_parser()
    {
        var answer = Assistant.Ask("code review IC5 SWE");
        var card = Card(answer);
        Assert.Empty(OfficialCards.Validate(card));
        var texts = Texts(card).ToList();
        Assert.Contains("Software Engineer · Individual Contributor track · Engineering", texts);
        Assert.Contains("Top of the Individual Contributor track: there is no level above Staff Engineer.", texts);
        Assert.Contains("Other tracks", texts);
        var executes = Objects(card).Where(o => (string?)o["type"] == "Action.Execute").ToList();
        var toManagement = Assert.Single(executes, e => (string?)e["title"] == "Management: Engineering Manager 1 Engineering Manager");
        Assert.Equal(("Code Review", "Engineering Manager", "Engineering Manager 1"),
            ((string?)toManagement["data"]!["skill"], (string?)toManagement["data"]!["role"], (string?)toManagement["data"]!["level"]));
        // No button steps up into the other track.
        Assert.DoesNotContain(executes, e => ((string?)e["title"])?.Contains("Engineering Manager 1 ▶", StringComparison.Ordinal) == true);
        var picker = Objects(card).Single(o => (string?)o["id"] == "level");
        Assert.Equal(IcLevels, picker["choices"]!.AsArray().Select(c => (string)c!["value"]!));
    }

    [Fact]
    public void The_adaptive_card_of_a_management_level_offers_only_management_levels()
    {
        var card = Card(Assistant.Ask("code review engineering manager 1"));
        Assert.Empty(OfficialCards.Validate(card));
        var picker = Objects(card).Single(o => (string?)o["id"] == "level");
        Assert.Equal(ManagementLevels, picker["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        var titles = Objects(card).Where(o => (string?)o["type"] == "Action.Execute").Select(o => (string?)o["title"]).ToList();
        Assert.Contains("Engineering Manager 2 ▶", titles);
        Assert.DoesNotContain("◀ Staff Engineer", titles);
        Assert.Contains("Individual Contributor: Engineer 1 Software Engineer", titles);
    }

    [Fact]
    public void The_adaptive_overview_is_grouped_by_track()
    {
        var card = Card(Assistant.Ask("people management overview"));
        Assert.Empty(OfficialCards.Validate(card));
        var texts = Texts(card).ToList();
        var ic = texts.IndexOf("Individual Contributor track");
        var management = texts.IndexOf("Management track");
        Assert.True(ic >= 0 && management > ic, string.Join(" | ", texts));
        Assert.True(texts.IndexOf(Swe) > ic && texts.IndexOf(Swe) < management);
        Assert.True(texts.IndexOf(Em) > management);
    }

    [Fact]
    public void Block_kit_shows_the_track_offers_its_levels_only_and_a_switch_within_slacks_limits()
    {
        var message = Slack(Assistant.Ask("code review IC5 SWE"));
        var blocks = message["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 1, 50);
        var texts = Texts(message).ToList();
        Assert.Contains("Software Engineer · Individual Contributor track · Engineering", texts);
        Assert.Contains("Top of the Individual Contributor track: there is no level above Staff Engineer.", texts);
        var buttons = Objects(message).Where(o => (string?)o["type"] == "button").ToList();
        var toManagement = Assert.Single(buttons, b => (string?)b["text"]!["text"] == "Management: Engineering Manager 1 Engineering Manager");
        var action = System.Text.Json.JsonSerializer.Deserialize(
            (string)toManagement["value"]!, CardActionJsonContext.Default.CardAction)!;
        Assert.Equal(CardAction.Answer(CodeReview, Em, "Engineering Manager 1"), action);
        Assert.All(buttons, b => Assert.InRange(((string)b["text"]!["text"]!).Length, 1, 75));
        var options = Objects(message).Where(o => o["options"] is JsonArray).Single()["options"]!.AsArray();
        Assert.Equal(IcLevels, options.Select(o => System.Text.Json.JsonSerializer.Deserialize((string)o!["value"]!, CardActionJsonContext.Default.CardAction)!.Level));
    }

    [Fact]
    public void Block_kit_groups_the_overview_by_track()
    {
        var texts = Texts(Slack(Assistant.Ask("people management overview"))).ToList();
        var ic = texts.IndexOf("*Individual Contributor track*");
        var management = texts.IndexOf("*Management track*");
        Assert.True(ic >= 0 && management > ic, string.Join(" | ", texts));
    }

    [Fact]
    public void Text_names_the_track_and_groups_the_overview()
    {
        var expectation = TextRenderer.Render(Assistant.Ask("code review engineering manager 2"));
        Assert.StartsWith("Code Review · Engineering Manager · Management track · Engineering", expectation);
        var overview = TextRenderer.Render(Assistant.Ask("people management overview"));
        Assert.True(overview.IndexOf("# Individual Contributor track", StringComparison.Ordinal) < overview.IndexOf("# Management track", StringComparison.Ordinal));
        Assert.Contains("# Management track", overview);
        var top = TextRenderer.Render(Assistant.Ask("code review for a director"));
        Assert.Contains("Top of the Management track: there is no level above Director.", top);
    }

    [Fact]
    public void A_single_ladder_card_has_no_track_and_no_switch()
    {
        var card = Card(new Assistant(Catalogues.BuiltIn()).Ask("deep learning principal LLM engineer"));
        var texts = Texts(card).ToList();
        Assert.DoesNotContain("Other tracks", texts);
        Assert.Contains("Top of the ladder: there is no level above Principal.", texts);
        Assert.DoesNotContain(texts, t => t.Contains(" track", StringComparison.Ordinal));
    }
}
