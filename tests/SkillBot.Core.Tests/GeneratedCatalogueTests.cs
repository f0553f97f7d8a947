using SkillBot.CatalogueFiles;
using SkillBot.Core.Answers;
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
    [Fact]
    public void The_tracks_shape_is_three_tracks_of_eight_levels_sixty_roles_and_two_thousand_skills_loaded_from_a_folder()
    {
        var generated = GeneratedCatalogue.Generate(shape: GeneratedShape.Tracks);

        var result = CatalogueFolder.Load(generated.WriteTo(_folder));

        Assert.Empty(result.Problems);
        var catalogue = result.Catalogue!;
        Assert.Equal(2000, catalogue.Skills.Length);
        Assert.Equal(["Individual Contributor", "Management", "Technical Fellowship"], catalogue.Tracks.Select(t => t.Name));
        Assert.All(catalogue.Tracks, t => Assert.Equal(8, catalogue.LevelsOf(t).Length));
        Assert.Equal(60, catalogue.Roles.Length);
        Assert.All(catalogue.Tracks, t => Assert.Equal(20, catalogue.Roles.Count(r => r.Track == t)));
        Assert.All(catalogue.Roles, r => Assert.NotEmpty(catalogue.SkillsOf(r)));
        Assert.Equal((24, 24), (catalogue.Levels.Length, generated.Counts.Levels));
        Assert.All(catalogue.Skills, s => Assert.Equal([0, 0, 0, 1, 2], s.Roles.Select(r => r.Role.Track.Index).Order()));
        Assert.All(catalogue.Skills.SelectMany(s => s.Roles), r => Assert.Equal(8, r.ByLevel.Count(e => e is not null)));
        Assert.Equal(2000 * 5 * 8, generated.Counts.Expectations);
    }

    [Fact]
    public void On_the_generated_tracks_catalogue_answers_stay_within_the_track_of_the_role_asked_about()
    {
        var catalogue = GeneratedCatalogue.Generate(shape: GeneratedShape.Tracks).Load();
        var assistant = new Assistant(catalogue);
        var random = new Random(15);
        foreach (var skill in catalogue.Skills.OrderBy(_ => random.Next()).Take(60))
        {
            foreach (var roleExpectations in skill.Roles)
            {
                var role = roleExpectations.Role;
                var levels = catalogue.LevelsOf(role.Track);
                var level = levels[random.Next(levels.Length)];
                var answer = assistant.Ask($"what does a {level.Name} {role.Name} need in {skill.Name}?");
                Assert.Equal((Intent.Expectation, skill.Name, role.Name, level.Name, role.Track.Name), (answer.Intent, answer.Skill, answer.Role, answer.Level, answer.Track));
                Assert.Equal(catalogue.Above(level)?.Name, answer.Next?.Level);

                // "Level N" counts within the role's track; the top of a track has no next level.
                var position = random.Next(1, levels.Length + 1);
                var counted = assistant.Ask($"{skill.Name} {role.Name} level {position}");
                Assert.Equal((levels[position - 1].Name, role.Track.Name), (counted.Level, counted.Track));
                var top = assistant.Ask($"{skill.Name} {role.Name} {levels[^1].Name}");
                Assert.Equal((levels[^1].Name, null), (top.Level, top.Next));

                // The whole ladder of the role has its own track's levels only.
                var overview = assistant.Ask($"{skill.Name} ladder for {role.Name}");
                Assert.All(overview.Items.OfType<LadderItem>().Where(i => i.Role == role.Name), i => Assert.Contains(i.Level, levels.Select(l => l.Name)));
            }
        }
    }
}
