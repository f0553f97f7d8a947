using System.Text.Json.Nodes;
using SkillBot.Cards.Templating;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests.Templating;

/// <summary>Our engine and the official adaptivecards-templating must produce the same JSON, on a
/// corpus covering every feature we support (cross-check-cases.json) and on every template in cards/.</summary>
public sealed class CrossCheckTests
{
    private sealed record NamedCase(string Name, TemplateCase Case);

    private static readonly string CorpusFile = Path.Combine(Catalogues.RepoRoot, "tests", "SkillBot.Cards.Tests", "Templating", "cross-check-cases.json");

    private static readonly Lazy<IReadOnlyList<NamedCase>> Corpus = new(LoadCorpus);

    // One node process for the whole corpus.
    private static readonly Lazy<IReadOnlyDictionary<string, OfficialExpansion>> Official = new(() =>
    {
        var cases = Corpus.Value;
        var results = OfficialCards.ExpandWithOfficialEngine(cases.Select(c => c.Case).ToList());
        return cases.Zip(results).ToDictionary(pair => pair.First.Name, pair => pair.Second);
    });

    public static TheoryData<string> CaseNames() => new(LoadCorpus().Select(c => c.Name));

    [Fact]
    public void The_corpus_is_large_and_its_names_are_unique()
    {
        Assert.True(Corpus.Value.Count >= 40, $"only {Corpus.Value.Count} cases");
        Assert.Equal(Corpus.Value.Count, Corpus.Value.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Expands_like_the_official_engine(string name)
    {
        var testCase = Corpus.Value.Single(c => c.Name == name).Case;
        var official = Official.Value[name];
        Assert.True(official.Error is null, $"the official engine failed on this case (keep its quirks out of the corpus): {official.Error}");

        var ours = CardTemplate.Parse(testCase.Template).Expand(testCase.Data, testCase.Host);

        AssertSameJson(official.Card, ours);
    }

    [Fact]
    public void Every_adaptive_card_template_in_cards_has_sample_data_beside_it()
    {
        var missing = TemplatesInCards()
            .Where(file => IsAdaptiveCard(JsonNode.Parse(File.ReadAllText(file))) && !File.Exists(DataFileOf(file)))
            .ToList();

        Assert.True(missing.Count == 0, "no NAME.data.json beside: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_template_in_cards_expands_like_the_official_engine_to_a_valid_card()
    {
        var templates = TemplatesInCards().Where(file => File.Exists(DataFileOf(file))).ToList();
        if (templates.Count == 0)
        {
            return; // no template with sample data in this checkout: the corpus above covers the engine
        }
        var cases = templates.Select(file => new TemplateCase(JsonNode.Parse(File.ReadAllText(file)), JsonNode.Parse(File.ReadAllText(DataFileOf(file))))).ToList();

        var official = OfficialCards.ExpandWithOfficialEngine(cases);
        var ours = cases.Select(c => CardTemplate.Parse(c.Template).Expand(c.Data)).ToList();
        var problems = OfficialCards.Validate(ours.Where(IsAdaptiveCard).ToList());

        Assert.All(templates.Zip(official, ours), entry =>
        {
            var (file, expansion, card) = entry;
            Assert.True(expansion.Error is null, $"{file}: the official engine failed: {expansion.Error}");
            Assert.True(JsonNode.DeepEquals(Normalized(expansion.Card), Normalized(card)), $"{file}:\nofficial: {expansion.Card?.ToJsonString()}\nours:     {card?.ToJsonString()}");
        });
        var adaptiveTemplates = templates.Where((_, i) => IsAdaptiveCard(ours[i])).ToList();
        Assert.All(adaptiveTemplates.Zip(problems), entry => Assert.True(entry.Second.Count == 0, $"{entry.First}:\n{string.Join("\n", entry.Second)}"));
    }

    private static List<string> TemplatesInCards()
    {
        var cardsFolder = Path.Combine(Catalogues.RepoRoot, "cards");
        return Directory.Exists(cardsFolder)
            ? Directory.EnumerateFiles(cardsFolder, "*.json", SearchOption.AllDirectories)
                .Where(file => !file.EndsWith(".data.json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    private static bool IsAdaptiveCard(JsonNode? node) =>
        node is JsonObject card && card["type"] is JsonValue type && type.GetValueKind() == System.Text.Json.JsonValueKind.String && type.GetValue<string>() == "AdaptiveCard";

    internal static void AssertSameJson(JsonNode? expected, JsonNode? actual)
    {
        // Compare the JSON text, so the failure shows both sides.
        Assert.Equal(Normalized(expected)?.ToJsonString() ?? "null", Normalized(actual)?.ToJsonString() ?? "null");
    }

    // Through text and back, so 5 and 5.0 (a long and a double node) compare as the same JSON number.
    private static JsonNode? Normalized(JsonNode? node) => node is null ? null : JsonNode.Parse(node.ToJsonString());

    private static string DataFileOf(string template) => Path.ChangeExtension(template, ".data.json");

    private static IReadOnlyList<NamedCase> LoadCorpus() =>
        JsonNode.Parse(File.ReadAllText(CorpusFile))!.AsArray()
            .Select(entry => new NamedCase(
                entry!["name"]!.GetValue<string>(),
                new TemplateCase(entry["template"]?.DeepClone(), entry["data"]?.DeepClone(), entry["host"]?.DeepClone())))
            .ToList();
}
