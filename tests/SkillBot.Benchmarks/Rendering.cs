using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Slack;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Testing;

namespace SkillBot.Benchmarks;

/// <summary>
/// An answer (built-in catalogue) to the bytes each channel sends: the answer API's JSON, the Slack
/// message and the Teams card. The load run showed rendering, not answering, dominating a chat request.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class Rendering
{
    private readonly AdaptiveCardRenderer _cards = new();
    private Answer _answer = null!;

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "";

    public static IEnumerable<string> Kinds => QuestionCases.Kinds;

    [GlobalSetup]
    public void Setup()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        QuestionCases.Check(assistant, BuiltInQuestions.Cases);
        _answer = assistant.Ask(BuiltInQuestions.Cases[Kind].Question);
    }

    [Benchmark(Baseline = true)]
    public byte[] AnswerJson() => JsonSerializer.SerializeToUtf8Bytes(_answer, AnswerJsonContext.Default.Answer);

    [Benchmark]
    public byte[] SlackMessage() => BlockKitRenderer.ToUtf8(_answer, SlackPlacement.Ephemeral);

    [Benchmark]
    public byte[] TeamsCard() => _cards.Render(_answer);
}
