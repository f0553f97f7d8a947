using BenchmarkDotNet.Attributes;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
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

    public static IEnumerable<string> Kinds =>
        [.. QuestionCases.Kinds, "bare-level", "skill-and-level", "unknown-words", "hello", "promotion", "unknown-role", "near-miss", "overview"];

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
        return (assistant, CasesFor(catalogue, assistant));
    }

    /// <summary>
    /// The kinds on this catalogue, checked: those of every question benchmark, and those whose answers are made from
    /// many names (a clarify of every role, nearest names of a common word), where a scan would show.
    /// </summary>
    internal static Dictionary<string, QuestionCase> CasesFor(SkillCatalogue catalogue, Assistant assistant)
    {
        var cases = GeneratedQuestions.CasesFor(catalogue);
        var skill = catalogue.FindSkill(cases["seed"].Skill)!;
        cases["bare-level"] = new("senior", Intent.Clarify);
        cases["skill-and-level"] = new($"{skill.Name} senior", Intent.Clarify, skill.Name);
        cases["unknown-words"] = new("blockchain quantum telepathy", Intent.NotFound);
        // Help for a greeting, not for the word "help"; "how do I get promoted?" asks which of every role.
        cases["hello"] = new("hello", Intent.Help);
        cases["promotion"] = new("how do I get promoted?", Intent.Clarify);
        // A role the catalogue lacks: the nearest roles to "kotlin engineer", of every role with "engineer" in its name.
        cases["unknown-role"] = new("what does a senior kotlin engineer need?", Intent.NotFound);
        // A word that begins a common one ("pipel…"): the nearest skills, of every skill with "pipelines" in its name.
        cases["near-miss"] = new("what does a senior data scientist need in pipel?", Intent.NotFound);
        cases["overview"] = new($"{skill.Name.ToLowerInvariant()} overview", Intent.SkillOverview, skill.Name);
        QuestionCases.Check(assistant, cases);
        return cases;
    }

    [Benchmark]
    public Answer Ask() => _assistant.Ask(_question);
}
