using System.Buffers;
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

    /// <summary>As the slash command writes it.</summary>
    [Benchmark]
    public int SlackMessage()
    {
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        using (var json = new Utf8JsonWriter(buffer, BlockKitRenderer.WriterOptions))
        {
            json.WriteStartObject();
            BlockKitRenderer.WriteMessage(json, _answer);
            json.WriteEndObject();
        }
        return buffer.WrittenCount;
    }

    [Benchmark]
    public byte[] TeamsCard() => JsonSerializer.SerializeToUtf8Bytes(_cards.Render(_answer));
}
