using BenchmarkDotNet.Attributes;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Text;
using SkillBot.Testing;

namespace SkillBot.Benchmarks;

/// <summary>
/// The same kinds of question on the generated 2,000-skill catalogue, with names picked from it
/// (a three-word skill from the middle of the catalogue, a Chinese-named one). Target: median under 50 µs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GeneratedQuestions
{
    private Assistant _assistant = null!;
    private string _question = "";

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "";

    public static IEnumerable<string> Kinds => QuestionCases.Kinds;

    [GlobalSetup]
    public void Setup()
    {
        var catalogue = GeneratedCatalogue.Generate().Load();
        _assistant = new Assistant(catalogue);
        var cases = CasesFor(catalogue);
        QuestionCases.Check(_assistant, cases);
        _question = cases[Kind].Question;
    }

    [Benchmark]
    public Answer Ask() => _assistant.Ask(_question);

    internal static Dictionary<string, QuestionCase> CasesFor(SkillCatalogue catalogue)
    {
        var skill = catalogue.Skills.Skip(catalogue.Skills.Length / 2)
            .First(s => Tokenizer.Tokenize(s.Name).Count >= 3 && s.Roles.Length >= 2 && s.Roles.Any(CoversLadder));
        var role = skill.Roles.First(CoversLadder).Role;
        var chinese = catalogue.Skills
            .SelectMany(s => s.Roles.Where(r => CoversLadder(r) && r.Role.Aliases.Any(IsChinese)).Select(r => (Skill: s, r.Role)))
            .First(x => x.Skill.Aliases.Any(IsChinese));
        return new()
        {
            ["seed"] = new($"what does senior {role.Name} need in {skill.Name.ToLowerInvariant()}?", Intent.Expectation, skill.Name),
            ["typo"] = new($"{Misspelt(skill.Name)} for a seniour {Misspelt(role.Name)}", Intent.Expectation, skill.Name),
            ["compare"] = new($"{skill.Name}: middle vs senior {role.Name}", Intent.Compare, skill.Name),
            ["chinese"] = new($"高级{chinese.Role.Aliases.First(IsChinese)}在{chinese.Skill.Aliases.First(IsChinese)}方面需要什么？", Intent.Expectation, chinese.Skill.Name),
            ["role-profile"] = new($"I'm a senior {role.Name}", Intent.RoleProfile),
            ["help"] = new("help", Intent.Help),
            ["unknown"] = new("what does a senior kubernetes wizard need?", Intent.NotFound),
        };
    }

    private static bool CoversLadder(RoleExpectations role) => role.ByLevel.All(e => e is not null);

    private static bool IsChinese(string alias) => alias.Any(Tokenizer.IsCjk);

    /// <summary>The name with one letter dropped from its longest word: "Advanced Data Pipelnes".</summary>
    private static string Misspelt(string name)
    {
        var words = name.Split(' ');
        var longest = words.MaxBy(w => w.Length)!;
        var index = Array.IndexOf(words, longest);
        words[index] = longest.Remove(longest.Length / 2, 1);
        return string.Join(' ', words).ToLowerInvariant();
    }
}
