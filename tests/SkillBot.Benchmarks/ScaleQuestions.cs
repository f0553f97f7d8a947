using BenchmarkDotNet.Attributes;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Testing;

namespace SkillBot.Benchmarks;

/// <summary>
/// Whether a question costs more as the catalogue grows: the question kinds on generated catalogues of 2,000 and
/// 20,000 skills of the same shape (five roles × five levels a skill, GeneratedShape.Uniform), plus the kinds that
/// tend to scan (a bare level, a skill with several roles, something unknown). Target: median under 50 µs at
/// 20,000 skills, and no kind more than twice its 2,000-skill figure. The p99 of single calls (under 200 µs) is
/// <see cref="QuestionLatency"/>'s: an iteration here averages many calls.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScaleQuestions
{
    private Assistant _assistant = null!;
    private string _question = "";

    [Params(2000, 20000)]
    public int Skills { get; set; }

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "";

    public static IEnumerable<string> Kinds => [.. QuestionCases.Kinds, "bare-level", "skill-and-level", "unknown-words"];

    [GlobalSetup]
    public void Setup()
    {
        (_assistant, var cases) = For(Skills);
        _question = cases[Kind].Question;
    }

    /// <summary>The assistant on the generated catalogue of <paramref name="skills"/> skills, and its checked cases.</summary>
    internal static (Assistant Assistant, Dictionary<string, QuestionCase> Cases) For(int skills)
    {
        var catalogue = GeneratedCatalogue.Generate(skills, shape: GeneratedShape.Uniform).Load();
        var assistant = new Assistant(catalogue);
        var cases = GeneratedQuestions.CasesFor(catalogue);
        var skill = catalogue.FindSkill(cases["seed"].Skill)!;
        cases["bare-level"] = new("senior", Intent.Clarify);
        cases["skill-and-level"] = new($"{skill.Name} senior", Intent.Clarify, skill.Name);
        cases["unknown-words"] = new("blockchain quantum telepathy", Intent.NotFound);
        QuestionCases.Check(assistant, cases);
        return (assistant, cases);
    }

    [Benchmark]
    public Answer Ask() => _assistant.Ask(_question);
}
