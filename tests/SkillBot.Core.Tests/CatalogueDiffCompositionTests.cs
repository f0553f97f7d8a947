using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Core.Tests;

/// <summary>
/// The diffs of successive reloads composed (<see cref="CatalogueDiff.Then"/>) say what a diff of the first version
/// against the last says, change for change and in its order: the catalogue history keeps those diffs instead of the
/// old versions.
/// </summary>
public sealed class CatalogueDiffCompositionTests
{
    // The same ladder and roles as the diff tests: what is composed is compared with what those tests check.
    private const string Levels = CatalogueDiffTests.Levels;
    private const string Roles = CatalogueDiffTests.Roles;

    private static string Skill(string name, string junior = "Knows the basics.", string middle = "Builds models alone.",
        string domain = "ML", string aliases = "", string necessity = "optional", string middleLevel = "Middle") => $"""
        skill: {name}
        domain: {domain}
        {(aliases.Length > 0 ? $"aliases: [{aliases}]" : "")}
        roles:
          Data Scientist:
            Junior:
              necessity: {necessity}
              description: {junior}
            {middleLevel}:
              description: {middle}
        """;

    private static SkillCatalogue Catalogue(string levels, params (string Path, string Text)[] skills) =>
        Catalogues.Load([new("levels.yaml", levels), new("roles.yaml", Roles), .. skills.Select(s => new CatalogueFile("skills/" + s.Path, s.Text))]);

    private static SkillCatalogue Catalogue(params (string Path, string Text)[] skills) => Catalogue(Levels, skills);

    private static readonly (string, string) DeepLearning = ("dl.yaml", Skill("Deep Learning", aliases: "DL"));
    private static readonly (string, string) Statistics = ("stats.yaml", Skill("Statistics"));
    private static readonly SkillCatalogue First = Catalogue(DeepLearning, Statistics);

    /// <summary>Each version's diff from the one before, composed from the last back to the first, against the diff of the first and the last.</summary>
    private static CatalogueDiff AssertComposes(params SkillCatalogue[] versions)
    {
        var current = versions[^1];
        var composed = CatalogueDiff.Between(versions[^2], current);
        for (var i = versions.Length - 3; i >= 0; i--)
        {
            composed = CatalogueDiff.Between(versions[i], versions[i + 1]).Then(composed, current);
        }
        var direct = CatalogueDiff.Between(versions[0], current);
        Assert.Equal(Lines(direct), Lines(composed));
        Assert.Equal(direct.Changes.ToArray(), composed.Changes.ToArray());
        Assert.Equal((versions[0].Version, current.Version), (composed.OldVersion, composed.NewVersion));
        return composed;
    }

    private static string[] Lines(CatalogueDiff diff) =>
        [.. diff.Changes.Select(c => $"{c.Kind} {c.Subject} {c.Skill}|{c.Role}|{c.Level}|{c.Track} {c.Field}: {c.Before} -> {c.After} ({c.Suggestion})")];

    [Fact]
    public void Changes_to_two_expectations_in_two_reloads_are_both_listed_in_catalogue_order()
    {
        var explained = ("stats.yaml", Skill("Statistics", middle: "Builds models alone, and explains them."));
        var second = Catalogue(DeepLearning, explained);
        var third = Catalogue(("dl.yaml", Skill("Deep Learning", aliases: "DL", junior: "Knows the fundamentals.")), explained);
        var composed = AssertComposes(First, second, third);
        Assert.Equal(2, composed.Changes.Length);
        Assert.Equal("Deep Learning", composed.Changes[0].Skill); // the later reload's change, first in the catalogue
    }

    [Fact]
    public void A_value_changed_twice_is_one_change_from_the_first_value_to_the_last()
    {
        var composed = AssertComposes(
            First,
            Catalogue(("dl.yaml", Skill("Deep Learning", aliases: "DL", junior: "Knows the fundamentals.", domain: "AI")), Statistics),
            Catalogue(("dl.yaml", Skill("Deep Learning", aliases: "DL", junior: "Grasps the fundamentals.", domain: "Deep AI", necessity: "required")), Statistics));
        Assert.Contains(composed.Changes, c => c is { Field: "description", Before: "Knows the basics.", After: "Grasps the fundamentals." });
    }

    [Fact]
    public void What_changed_and_changed_back_is_no_change()
    {
        var composed = AssertComposes(
            First,
            Catalogue(("dl.yaml", Skill("Deep Learning", aliases: "DL, deep", junior: "Knows the fundamentals.")), Statistics, ("py.yaml", Skill("Python"))),
            Catalogue(("dl.yaml", Skill("Deep Learning", aliases: "DL")), ("statistics.yaml", "# moved\n" + Skill("Statistics"))));
        Assert.True(composed.IsEmpty, string.Join("\n", Lines(composed)));
    }

    [Fact]
    public void A_skill_added_then_edited_is_added_as_it_is_now_and_one_added_then_removed_is_not_listed()
    {
        AssertComposes(
            First,
            Catalogue(DeepLearning, Statistics, ("py.yaml", Skill("Python")), ("sql.yaml", Skill("SQL"))),
            Catalogue(DeepLearning, Statistics, ("py.yaml", Skill("Python", junior: "Writes scripts.", aliases: "py", domain: "Programming"))));
    }

    [Fact]
    public void A_skill_edited_then_removed_is_removed_and_an_expectation_edited_then_removed_is_removed_with_its_first_text()
    {
        var composed = AssertComposes(
            First,
            Catalogue(("dl.yaml", Skill("Deep Learning", aliases: "DL", junior: "Knows the fundamentals.")), ("stats.yaml", Skill("Statistics", middle: "Explains models."))),
            Catalogue(("stats.yaml", """
                skill: Statistics
                domain: ML
                roles:
                  Data Scientist:
                    Junior:
                      description: Knows the basics.
                """)));
        Assert.Contains(composed.Changes, c => c is { Kind: DiffKind.Removed, Subject: DiffSubject.Expectation, Before: "Builds models alone." });
    }

    [Fact]
    public void Aliases_added_and_removed_fold_as_values_do()
    {
        AssertComposes(
            First,
            Catalogue(("dl.yaml", Skill("Deep Learning", aliases: "DL, deep")), ("stats.yaml", Skill("Statistics", aliases: "stats"))),
            Catalogue(("dl.yaml", Skill("Deep Learning", aliases: "deep")), ("stats.yaml", Skill("Statistics"))));
    }

    [Fact]
    public void A_rename_then_an_edit_elsewhere_and_a_level_renamed_then_its_expectation_edited_are_as_one_diff_says()
    {
        var renamed = Catalogue(("dl.yaml", Skill("Deep Neural Networks", aliases: "DL")), Statistics);
        AssertComposes(First, renamed, Catalogue(("dl.yaml", Skill("Deep Neural Networks", aliases: "DL, Deep Learning")), ("stats.yaml", Skill("Statistics", junior: "Knows averages."))));

        var midLevel = Levels.Replace("- name: Middle", "- name: Mid-level", StringComparison.Ordinal);
        var composed = AssertComposes(
            First,
            Catalogue(midLevel, ("dl.yaml", Skill("Deep Learning", aliases: "DL", middleLevel: "Mid-level")), ("stats.yaml", Skill("Statistics", middleLevel: "Mid-level"))),
            Catalogue(midLevel, ("dl.yaml", Skill("Deep Learning", aliases: "DL", middleLevel: "Mid-level", middle: "Builds models with others.")), ("stats.yaml", Skill("Statistics", middleLevel: "Mid-level"))));
        Assert.Contains(composed.Changes, c => c is { Subject: DiffSubject.Expectation, Level: "Mid-level", Before: "Builds models alone.", After: "Builds models with others." });
    }

    [Fact]
    public void Four_versions_compose_as_the_diff_of_the_first_and_the_last()
    {
        AssertComposes(
            First,
            Catalogue(("dl.yaml", Skill("Deep Learning", aliases: "DL", junior: "One.")), Statistics, ("py.yaml", Skill("Python"))),
            Catalogue(("dl.yaml", Skill("Deep Learning", aliases: "DL", junior: "Two.")), ("py.yaml", Skill("Python", middle: "Ships packages."))),
            Catalogue(Levels + "\n  - name: Staff", ("dl.yaml", Skill("Deep Learning", junior: "Three.")), ("py.yaml", Skill("Python", middle: "Ships packages.")), ("r.yaml", Skill("R", junior: "Writes R."))));
    }
}
