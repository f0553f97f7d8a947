using BenchmarkDotNet.Attributes;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Benchmarks;

/// <summary>
/// Questions on the generated tracks catalogue (GeneratedShape.Tracks: 3 tracks × 8 levels, 60 roles, 2,000 skills),
/// the kinds tracks change: a level of a track, "level N" within the role's track, the top of a track, the whole
/// ladder grouped by track, a move from one track to another. Target: median under 50 µs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TrackQuestions
{
    private Assistant _assistant = null!;
    private string _question = "";

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "";

    public static IEnumerable<string> Kinds => ["track-level", "level-n", "top-of-track", "overview", "across-tracks", "typo"];

    [GlobalSetup]
    public void Setup()
    {
        var catalogue = GeneratedCatalogue.Generate(shape: GeneratedShape.Tracks).Load();
        _assistant = new Assistant(catalogue);
        var cases = CasesFor(catalogue);
        QuestionCases.Check(_assistant, cases);
        _question = cases[Kind].Question;
    }

    [Benchmark]
    public Answer Ask() => _assistant.Ask(_question);

    internal static Dictionary<string, QuestionCase> CasesFor(SkillCatalogue catalogue)
    {
        var skill = catalogue.Skills[catalogue.Skills.Length / 2];
        var engineer = skill.Roles.First(r => r.Role.Track.Index == 0).Role;
        var manager = skill.Roles.First(r => r.Role.Track.Index == 1).Role;
        var fellow = skill.Roles.First(r => r.Role.Track.Index == 2).Role;
        string Level(Role role, int position) => catalogue.LevelAt(role.Track, position)!.Name;
        return new()
        {
            ["track-level"] = new($"what does a {Level(manager, 5)} {manager.Name} need in {skill.Name}?", Intent.Expectation, skill.Name),
            ["level-n"] = new($"{skill.Name} {engineer.Name} level 3", Intent.Expectation, skill.Name),
            ["top-of-track"] = new($"{skill.Name} {fellow.Name} {Level(fellow, GeneratedCatalogue.LevelsPerTrack)}", Intent.Expectation, skill.Name),
            ["overview"] = new($"{skill.Name} ladder", Intent.SkillOverview, skill.Name),
            ["across-tracks"] = new($"in {skill.Name} from {Level(engineer, 6)} {engineer.Name} to {Level(manager, 1)} {manager.Name}", Intent.CompareRoles, skill.Name),
            ["typo"] = new($"{Misspelt(skill.Name)} {Level(engineer, 4)} {engineer.Name}", Intent.Expectation, skill.Name),
        };
    }

    /// <summary>The name with one letter dropped from its longest word.</summary>
    private static string Misspelt(string name)
    {
        var words = name.Split(' ');
        var index = Array.IndexOf(words, words.MaxBy(w => w.Length));
        words[index] = words[index].Remove(words[index].Length / 2, 1);
        return string.Join(' ', words).ToLowerInvariant();
    }
}
