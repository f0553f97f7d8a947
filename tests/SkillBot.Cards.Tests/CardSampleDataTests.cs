using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Cards.Adaptive;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests;

/// <summary>
/// Each template in cards/ has a sample data file beside it (NAME.data.json) for the Adaptive Cards
/// designer. The samples are what SkillBot really binds for a known question, so a designer restyles
/// against the truth; set SKILLBOT_UPDATE_CARD_SAMPLES=1 to rewrite them after changing the data.
/// </summary>
public sealed class CardSampleDataTests
{
    public static readonly TheoryData<string, string> SampleQuestions = new()
    {
        { "expectation", "what does senior LLM engineer need in deep learning?" },
        { "compare", "deep learning: middle vs senior data scientist" },
        { "role-profile", "I'm a senior data scientist" },
        { "skill-overview", "deep learning overview" },
        { "clarify", "senior deep learning" },
        { "not-found", "senior kubernetes engineer" },
        { "help", "hello" },
        { "changes", ChangesQuestion },
        { "compare-roles", "senior data scientist vs senior LLM engineer in deep learning" },
        { "catalogue", "what skills are there?" },
    };

    /// <summary>Asked of an assistant that has reloaded an edited catalogue, so the sample has changes to show.</summary>
    public const string ChangesQuestion = "what changed in the framework?";

    public static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Answer SampleAnswer(string question)
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        if (question == ChangesQuestion)
        {
            assistant.Use(SampleAnswers.Edited(Catalogues.BuiltIn()));
        }
        return assistant.Ask(question);
    }

    [Theory]
    [MemberData(nameof(SampleQuestions))]
    public void Each_template_has_its_sample_data_beside_it(string template, string question)
    {
        var answer = SampleAnswer(question);
        Assert.Equal(template, AdaptiveCardData.TemplateFor(answer.Intent));
        var expected = AdaptiveCardData.Build(AnswerView.Of(answer), CardBudget.Generous).ToJsonString(Readable) + "\n";
        var path = Path.Combine(Catalogues.RepoRoot, "cards", template + ".data.json");
        if (Environment.GetEnvironmentVariable("SKILLBOT_UPDATE_CARD_SAMPLES") == "1")
        {
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(Path.Combine(Catalogues.RepoRoot, "cards", template + ".json")), "template missing");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(File.ReadAllText(path))),
            $"cards/{template}.data.json is stale: run the tests with SKILLBOT_UPDATE_CARD_SAMPLES=1");
    }
}
