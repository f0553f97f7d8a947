using System.Text.Json.Nodes;
using SkillBot.Testing;

namespace SkillBot.Cards.Templating.Tests;

/// <summary>Our engine and the official adaptivecards-templating must produce the same JSON on a corpus
/// covering every feature we support (cross-check-cases.json). The templates in cards/ are cross-checked
/// with their sample data in AdaptiveCardTests.</summary>
public sealed class CrossCheckTests
{
    private sealed record NamedCase(string Name, TemplateCase Case);

    private static readonly string CorpusFile = Path.Combine(Catalogues.RepoRoot, "tests", "SkillBot.Cards.Templating.Tests", "cross-check-cases.json");

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

    private static void AssertSameJson(JsonNode? expected, JsonNode? actual)
    {
        // Compare the JSON text, so the failure shows both sides.
        Assert.Equal(Normalized(expected)?.ToJsonString() ?? "null", Normalized(actual)?.ToJsonString() ?? "null");
    }

    // Through text and back, so 5 and 5.0 (a long and a double node) compare as the same JSON number.
    private static JsonNode? Normalized(JsonNode? node) => node is null ? null : JsonNode.Parse(node.ToJsonString());

    private static IReadOnlyList<NamedCase> LoadCorpus() =>
        JsonNode.Parse(File.ReadAllText(CorpusFile))!.AsArray()
            .Select(entry => new NamedCase(
                entry!["name"]!.GetValue<string>(),
                new TemplateCase(entry["template"]?.DeepClone(), entry["data"]?.DeepClone(), entry["host"]?.DeepClone())))
            .ToList();
}
