using System.Globalization;
using System.Text.Json.Nodes;
using SkillBot.Testing;

namespace SkillBot.Cards.Templating.Tests;

/// <summary>Number and text handling are where a re-implementation drifts (rounding, integer division,
/// how numbers are written): one template, many random data sets, both engines, one node process.</summary>
public sealed class RandomDataCrossCheckTests
{
    private const int Cases = 400;

    private static readonly JsonNode Template = JsonNode.Parse("""
        {
          "sum": "${a + b}", "sub": "${x - y}", "mul": "${x * y}", "div": "${a / b}", "fdiv": "${x / y}", "mod": "${a % b}",
          "neg": "${-x}", "cmp": "${x < y}", "eq": "${a == b}", "text": "x=${x}, y=${y}, a=${a}",
          "fmt": "${formatNumber(x, p)}", "fmtInt": "${formatNumber(a, p)}", "fmt0": "${formatNumber(x * 1000, 0)}",
          "up": "${toUpper(s)}", "len": "${length(s)}", "parts": "${join(split(s, 'a'), '-')}", "rep": "${replace(s, 'b', 'XY')}",
          "cut": "${substring(s, 0, if(length(s) > 3, 3, length(s)))}", "has": "${contains(s, 'ab')}",
          "rows": [{ "$data": "${items}", "$when": "${v > 0}", "i": "${$index}", "v": "${v}", "half": "${v / 2}" }]
        }
        """)!;

    [Fact]
    public void Our_engine_matches_the_official_engine_on_random_data()
    {
        var random = new Random(20261129);
        var data = Enumerable.Range(0, Cases).Select(_ => RandomData(random)).ToList();

        var official = OfficialCards.ExpandWithOfficialEngine(data.Select(d => new TemplateCase(Template, d)).ToList());
        Assert.All(official, result => Assert.Null(result.Error));
        var template = CardTemplate.Parse(Template);

        var mismatches = data.Zip(official)
            .Select(pair => (Data: pair.First, Official: pair.Second.Card?.ToJsonString() ?? pair.Second.Error, Ours: template.Expand(pair.First)?.ToJsonString()))
            .Where(result => !JsonNode.DeepEquals(Parse(result.Official), Parse(result.Ours)))
            .Take(5)
            .Select(result => $"data: {result.Data.ToJsonString()}\nofficial: {result.Official}\nours:     {result.Ours}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
    }

    private static JsonNode? Parse(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(json); // the official engine's error message
        }
    }

    private static JsonObject RandomData(Random random)
    {
        var b = random.Next(-50, 50);
        return new JsonObject
        {
            ["a"] = random.Next(-100000, 100000),
            ["b"] = b == 0 ? 7 : b,
            ["x"] = RandomDouble(random),
            ["y"] = RandomDouble(random) is var y && y == 0 ? 0.5 : y,
            ["p"] = random.Next(0, 5),
            ["s"] = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => "abcxyz ,."[random.Next(9)]).ToArray()),
            ["items"] = new JsonArray(Enumerable.Range(0, random.Next(0, 4)).Select(_ => (JsonNode)new JsonObject { ["v"] = random.Next(-3, 10) }).ToArray()),
        };
    }

    // Mixed magnitudes and decimal-looking values (x.xx5 is where rounding differs).
    private static double RandomDouble(Random random) => random.Next(4) switch
    {
        0 => Math.Round((random.NextDouble() - 0.5) * 2000, random.Next(0, 4)),
        1 => double.Parse($"{random.Next(-999, 999)}.{random.Next(0, 1000):D3}5", CultureInfo.InvariantCulture),
        2 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 16)),
        _ => random.Next(-10, 10),
    };
}
