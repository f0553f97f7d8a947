using BenchmarkDotNet.Attributes;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Testing;

namespace SkillBot.Benchmarks;

/// <summary>Question → answer on the built-in catalogue (the seed's Deep Learning profile). Target: median under 20 µs.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class BuiltInQuestions
{
    internal static readonly Dictionary<string, QuestionCase> Cases = new()
    {
        ["seed"] = new("what does senior LLM engineer need in deep learning?", Intent.Expectation, "Deep Learning"),
        ["typo"] = new("deep lerning for a seniour data scienist", Intent.Expectation, "Deep Learning"),
        ["compare"] = new("Deep Learning: middle vs senior data scientist", Intent.Compare, "Deep Learning"),
        ["chinese"] = new("高级LLM工程师在深度学习方面需要什么？", Intent.Expectation, "Deep Learning"),
        ["role-profile"] = new("I'm a senior data scientist", Intent.RoleProfile),
        ["help"] = new("help", Intent.Help),
        ["unknown"] = new("what does a senior kubernetes wizard need?", Intent.NotFound),
        ["compare-roles"] = new("data scientist vs LLM engineer at senior", Intent.CompareRoles),
        ["catalogue"] = new("what skills are there?", Intent.Catalogue),
    };

    private Assistant _assistant = null!;
    private string _question = "";

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "";

    public static IEnumerable<string> Kinds => QuestionCases.Kinds;

    [GlobalSetup]
    public void Setup()
    {
        _assistant = new Assistant(Catalogues.BuiltIn());
        QuestionCases.Check(_assistant, Cases);
        _question = Cases[Kind].Question;
    }

    [Benchmark]
    public Answer Ask() => _assistant.Ask(_question);
}
