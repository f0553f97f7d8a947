using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Cards.Adaptive;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Testing;

namespace SkillBot.Tests.Teams;

/// <summary>
/// compare_roles and catalogue answers through the real Teams endpoint (messages with tokens the test makes, replies
/// through the fake connector), and their buttons pressed as Teams presses them (adaptiveCard/action invokes): the
/// Slack tests of the same intents, mirrored.
/// </summary>
public sealed class TeamsMovesAndListingsTests
{
    [Fact]
    public async Task A_lateral_move_by_message_and_its_swap_button_answer_both_ways_round()
    {
        await using var bed = await TeamsTestBed.StartAsync();
        var assistant = bed.App.Services.GetRequiredService<Assistant>();
        var card = await AskAsync(bed, "from middle DS to senior LLM engineer");
        var asked = assistant.Ask("from middle DS to senior LLM engineer");
        Assert.Equal(Intent.CompareRoles, asked.Intent);
        AssertCardOf(bed, asked, card);

        var swapped = await PressAsync(bed, Button(card, "Swap roles ⇄"));
        AssertCardOf(bed, assistant.Act(CardAction.Move(null, "LLM Engineer", "Senior", "Data Scientist", "Middle")), swapped);
    }

    [Fact]
    public async Task A_listing_by_message_links_to_the_other_listings()
    {
        await using var bed = await TeamsTestBed.StartAsync();
        var assistant = bed.App.Services.GetRequiredService<Assistant>();
        var card = await AskAsync(bed, "what roles are there?");
        AssertCardOf(bed, assistant.Ask("what roles are there?"), card);
        Assert.Contains("Data Scientist", card.ToJsonString(), StringComparison.Ordinal);

        var levels = await PressAsync(bed, Button(card, "All levels"));
        var expected = assistant.Ask("which levels exist?");
        Assert.Equal(Intent.Catalogue, expected.Intent);
        AssertCardOf(bed, expected, levels);
    }

    [Fact]
    public async Task On_2000_skills_the_listing_is_a_valid_card_and_each_domain_button_lists_that_domain_alone()
    {
        var folder = Directory.CreateTempSubdirectory("skillbot-teams-2000-").FullName;
        try
        {
            GeneratedCatalogue.Generate().WriteTo(folder);
            await using var bed = await TeamsTestBed.StartAsync(settings: new() { ["Catalogue:Path"] = folder });
            var assistant = bed.App.Services.GetRequiredService<Assistant>();
            var card = await AskAsync(bed, "what skills are there?");
            var all = assistant.Ask("what skills are there?");
            Assert.Equal((Intent.Catalogue, GeneratedCatalogue.DefaultSkillCount), (all.Intent, all.Items.Count));
            AssertCardOf(bed, all, card);
            Assert.Empty(Assert.Single(OfficialCards.Validate([card])));

            // Every domain the card shows has a button; two of them pressed list exactly that domain's skills.
            var shown = Buttons(card, "Show all");
            Assert.True(shown.Count >= 2, $"{shown.Count} domain buttons");
            foreach (var button in new[] { shown[0], shown[^1] })
            {
                var domain = button["data"]!["domain"]!.GetValue<string>();
                var page = await PressAsync(bed, button);
                var expected = assistant.Act(CardAction.Listing("skills", domain: domain));
                Assert.Equal(assistant.Catalogue.SkillsIn(domain).Select(s => s.Name), expected.Items.Cast<SkillListItem>().Select(i => i.Skill));
                AssertCardOf(bed, expected, page);
                Assert.Empty(Assert.Single(OfficialCards.Validate([page])));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Sends a personal message and returns the card of its reply.</summary>
    private static async Task<JsonNode> AskAsync(TeamsTestBed bed, string text)
    {
        Assert.Equal(HttpStatusCode.OK, (await bed.PostAsync(bed.Message(text))).StatusCode);
        var reply = await bed.Microsoft.NextReplyAsync();
        return reply.Activity["attachments"]![0]!["content"]!;
    }

    /// <summary>Presses a card's Action.Execute as Teams does (an adaptiveCard/action invoke) and returns the card that replaces it.</summary>
    private static async Task<JsonNode> PressAsync(TeamsTestBed bed, JsonNode button)
    {
        var invoke = bed.Invoke("adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = button["verb"]!.GetValue<string>(),
                ["data"] = button["data"]!.DeepClone(),
            },
            ["trigger"] = "manual",
        });
        var response = await bed.PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        return body["value"]!;
    }

    private static JsonNode Button(JsonNode card, string title) => Assert.Single(Buttons(card, title));

    private static List<JsonNode> Buttons(JsonNode card, string title) =>
        [.. Nodes(card).Where(n => n is JsonObject o && (string?)o["type"] == "Action.Execute" && (string?)o["title"] == title)];

    private static IEnumerable<JsonNode> Nodes(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.SelectMany(p => Nodes(p.Value)))
                {
                    yield return child;
                }
                break;
            case JsonArray a:
                foreach (var child in a.SelectMany(Nodes))
                {
                    yield return child;
                }
                break;
        }
    }

    private static void AssertCardOf(TeamsTestBed bed, Answer expected, JsonNode card)
    {
        var bytes = bed.App.Services.GetRequiredService<AdaptiveCardRenderer>().Render(expected);
        Assert.True(bytes.Length <= AdaptiveCardRenderer.MaxBytes, $"{bytes.Length} bytes");
        var rendered = JsonNode.Parse(bytes)!;
        Assert.True(JsonNode.DeepEquals(rendered, card), $"Expected the card of '{expected.Question}' ({expected.Intent}) but got:\n{card}");
    }
}
