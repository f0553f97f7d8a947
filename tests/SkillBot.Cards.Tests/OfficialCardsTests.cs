using System.Text.Json.Nodes;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests;

/// <summary>The checker the card tests rely on must catch bad cards, or every "valid" verdict is worthless.</summary>
public sealed class OfficialCardsTests
{
    private static JsonObject Card(string version, params JsonNode[] body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = version,
        ["body"] = new JsonArray(body),
    };

    private static JsonObject TextBlock(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };

    private static JsonNode GoodCard() => JsonNode.Parse("""
        {
          "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.5",
          "msteams": { "width": "Full" },
          "body": [
            { "type": "TextBlock", "text": "Deep Learning", "style": "heading", "wrap": true },
            { "type": "Table", "columns": [{ "width": 1 }, { "width": 2 }],
              "rows": [{ "type": "TableRow", "cells": [
                { "type": "TableCell", "items": [{ "type": "TextBlock", "text": "Senior" }] },
                { "type": "TableCell", "items": [{ "type": "RichTextBlock", "inlines": [{ "type": "TextRun", "text": "new", "weight": "Bolder", "italic": true }] }] } ] }] },
            { "type": "Input.ChoiceSet", "id": "level", "label": "Pick a level", "choices": [{ "title": "Lead", "value": "lead" }] }
          ],
          "actions": [
            { "type": "Action.Execute", "title": "Lead ▶", "verb": "skillbot.answer", "data": { "level": "Lead" },
              "fallback": { "type": "Action.Submit", "title": "Lead ▶", "data": { "level": "Lead" } } }
          ]
        }
        """)!;

    [Fact]
    public void A_good_teams_card_has_no_problems()
    {
        Assert.Empty(OfficialCards.Validate(GoodCard()));
    }

    [Fact]
    public void An_unknown_element_type_is_a_problem_for_parser_and_schema()
    {
        var problems = OfficialCards.Validate(Card("1.5", new JsonObject { ["type"] = "Fancy", ["text"] = "x" }));

        Assert.Contains(problems, p => p.StartsWith("parser: UnknownElementType", StringComparison.Ordinal) && p.Contains("Fancy", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("schema: /body/0: unknown type \"Fancy\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_newer_element_than_the_card_declares_is_a_problem()
    {
        var carousel = Card("1.5", new JsonObject { ["type"] = "Carousel", ["pages"] = new JsonArray() });
        var tableIn14 = Card("1.4", new JsonObject { ["type"] = "Table", ["columns"] = new JsonArray(), ["rows"] = new JsonArray() });
        var executeIn12 = Card("1.2", TextBlock("x"));
        executeIn12["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "Go", ["verb"] = "v" });

        var problems = OfficialCards.Validate([carousel, tableIn14, executeIn12]);

        Assert.Contains(problems[0], p => p.Contains("Unknown element type \"Carousel\"", StringComparison.Ordinal));
        Assert.Contains(problems[1], p => p.Contains("Unknown element type \"Table\"", StringComparison.Ordinal));
        Assert.Contains(problems[2], p => p.Contains("Unknown action type \"Action.Execute\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_card_declaring_a_version_teams_does_not_render_is_a_problem()
    {
        Assert.Contains(OfficialCards.Validate(Card("1.6", TextBlock("x"))), p => p.Contains("card version (1.6) is not supported", StringComparison.Ordinal));
        Assert.Contains(OfficialCards.Validate(new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray() }), p => p.Contains("invalid \"version\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_leftover_binding_is_a_problem()
    {
        var problems = OfficialCards.Validate(Card("1.5", TextBlock("Hello ${name}")));

        Assert.Equal(["template: /body/0/text: leftover \"Hello ${name}\""], problems);
    }

    [Fact]
    public void Schema_violations_are_problems_pointing_at_the_property()
    {
        var wrongTypes = new JsonObject { ["type"] = "TextBlock", ["text"] = 42, ["wrap"] = "yes" };
        var unknownProperty = TextBlock("x");
        unknownProperty["colour"] = "red";
        var missingRequired = new JsonObject { ["type"] = "Container", ["items"] = new JsonArray(new JsonObject { ["type"] = "Image" }) };

        var problems = OfficialCards.Validate(Card("1.5", wrongTypes, unknownProperty, missingRequired));

        Assert.Contains("schema: /body/0/text: must be string", problems);
        Assert.Contains("schema: /body/0/wrap: must be boolean", problems);
        Assert.Contains("schema: /body/1: must NOT have additional properties (\"colour\")", problems);
        Assert.Contains("schema: /body/2/items/0: must have required property 'url'", problems);
    }

    [Fact]
    public void A_card_over_28_kb_is_a_problem()
    {
        var big = Card("1.5", Enumerable.Range(0, 300).Select(i => (JsonNode)TextBlock(new string('x', 100))).ToArray());

        Assert.Contains(OfficialCards.Validate(big), p => p.StartsWith("size: ", StringComparison.Ordinal) && p.Contains("28672", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_come_back_per_card_in_order()
    {
        var problems = OfficialCards.Validate([GoodCard(), Card("1.5", TextBlock("${x}")), GoodCard(), null]);

        Assert.Equal(4, problems.Count);
        Assert.Empty(problems[0]);
        Assert.NotEmpty(problems[1]);
        Assert.Empty(problems[2]);
        Assert.Equal(["card: not a JSON object (null)"], problems[3]);
    }

    [Fact]
    public void The_official_engine_reports_its_errors_per_case()
    {
        var results = OfficialCards.ExpandWithOfficialEngine(
        [
            new TemplateCase(JsonNode.Parse("""{"t":"${name}"}"""), JsonNode.Parse("""{"name":"Ann"}""")),
            new TemplateCase(JsonNode.Parse("""{"t":"${nosuchfn(x)}"}"""), JsonNode.Parse("{}")),
            new TemplateCase(JsonNode.Parse("""{"$when":"${show}"}"""), JsonNode.Parse("""{"show":false}""")),
        ]);

        Assert.Equal("""{"t":"Ann"}""", results[0].Card?.ToJsonString());
        Assert.Contains("nosuchfn", results[1].Error, StringComparison.Ordinal);
        Assert.Null(results[2].Card);
        Assert.Null(results[2].Error);
    }
}
