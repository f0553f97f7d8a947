using SkillBot.CatalogueFiles;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Text;
using SkillBot.Testing;

namespace SkillBot.Core.Tests;

/// <summary>The benchmarks' 2,000-skill catalogue is a valid format v1 folder, loaded in full.</summary>
public sealed class GeneratedCatalogueTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skillbot-generated-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_generated_folder_loads_without_problems_and_with_everything_written()
    {
        var generated = GeneratedCatalogue.Generate();

        var result = CatalogueFolder.Load(generated.WriteTo(_folder));

        Assert.Empty(result.Problems);
        var catalogue = result.Catalogue!;
        Assert.Equal(2000, generated.Counts.Skills);
        Assert.Equal(generated.Counts.Skills, catalogue.Skills.Length);
        Assert.Equal(generated.Counts.Domains, catalogue.Domains.Length);
        Assert.InRange(catalogue.Domains.Length, 18, 22);
        Assert.Equal(generated.Counts.Roles, catalogue.Roles.Length);
        Assert.InRange(catalogue.Roles.Length, 25, 35);
        Assert.Equal(generated.Counts.Levels, catalogue.Levels.Length);
        Assert.Equal(generated.Counts.Expectations,
            catalogue.Skills.Sum(s => s.Roles.Sum(r => r.ByLevel.Count(e => e is not null))));
        Assert.Equal(generated.Counts.Skills + 2, Directory.EnumerateFiles(_folder, "*.yaml", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void Every_skill_has_one_to_five_roles_and_descriptions_of_realistic_length()
    {
        var catalogue = GeneratedCatalogue.Generate().Load();

        Assert.All(catalogue.Skills, skill => Assert.InRange(skill.Roles.Length, 1, 5));
        var descriptions = catalogue.Skills.SelectMany(s => s.Roles).SelectMany(r => r.ByLevel).OfType<Expectation>()
            .Select(e => e.Description.Length).ToList();
        Assert.InRange(descriptions.Min(), 150, 300);
        Assert.InRange(descriptions.Max(), 200, 360);
        Assert.InRange(descriptions.Average(), 200, 300);
    }

    [Fact]
    public void Names_share_words_so_matching_is_not_a_dictionary_lookup()
    {
        var catalogue = GeneratedCatalogue.Generate().Load();

        var skillsByWord = catalogue.Skills.SelectMany(s => Tokenizer.Tokenize(s.Name).Distinct().Select(w => (w, s)))
            .GroupBy(x => x.w).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(skillsByWord.Values.Max() >= 50, "some word should appear in many skill names");
        Assert.True(catalogue.Skills.Count(s => s.Aliases.Length > 0) >= 500, "many skills should have aliases");
        Assert.Contains(catalogue.Skills, s => s.Aliases.Any(a => a.Any(Tokenizer.IsCjk)));
        Assert.True(catalogue.Skills.Count(s => s.Name.Contains(' ')) >= 1900, "nearly all names should have several words");
    }

    [Fact]
    public void The_same_seed_gives_the_same_catalogue_and_another_seed_a_different_one()
    {
        var first = GeneratedCatalogue.Generate(200, seed: 7);
        var again = GeneratedCatalogue.Generate(200, seed: 7);
        var other = GeneratedCatalogue.Generate(200, seed: 8);

        Assert.Equal(first.Files, again.Files);
        Assert.NotEqual(first.Files.Select(f => f.Text), other.Files.Select(f => f.Text));
        Assert.Equal(200, first.Load().Skills.Length);
    }
}
