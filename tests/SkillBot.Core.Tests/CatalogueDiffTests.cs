using System.Text.Json;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Core.Tests;

public sealed class CatalogueDiffTests
{
    internal const string Levels = """
        levels:
          - name: Junior
          - name: Middle
            aliases: [mid]
          - name: Senior
        """;

    internal const string Roles = """
        roles:
          - name: Data Scientist
            aliases: [DS]
          - name: ML Engineer
        """;

    private static string Skill(string name, string domain = "ML", string extra = "", string juniorText = "Knows the basics.", string middle = "Middle", string necessity = "optional") => $"""
        skill: {name}
        domain: {domain}
        {extra}
        roles:
          Data Scientist:
            Junior:
              necessity: {necessity}
              description: {juniorText}
            {middle}:
              description: Builds models of {name} alone.
        """;

    private static SkillCatalogue Catalogue(string levels = Levels, string roles = Roles, params (string Path, string Text)[] skills) =>
        Catalogues.Load([new("levels.yaml", levels), new("roles.yaml", roles), .. skills.Select(s => new CatalogueFile("skills/" + s.Path, s.Text))]);

    private static readonly SkillCatalogue Before = Catalogue(skills: [("dl.yaml", Skill("Deep Learning", extra: "aliases: [DL]")), ("stats.yaml", Skill("Statistics"))]);

    private static string[] Lines(CatalogueDiff diff) =>
        [.. diff.Changes.Select(c => $"{c.Kind} {c.Subject} {c.Skill}|{c.Role}|{c.Level} {c.Field}: {c.Before} -> {c.After}")];

    [Fact]
    public void The_same_catalogue_has_no_differences_even_from_other_files()
    {
        var again = Catalogue(skills: [("a/stats.yaml", Skill("Statistics")), ("b/dl.yaml", "# moved and commented\n" + Skill("Deep Learning", extra: "aliases: [DL]"))]);
        var diff = CatalogueDiff.Between(Before, again);
        Assert.True(diff.IsEmpty, string.Join("\n", Lines(diff)));
        Assert.StartsWith("No differences", CatalogueDiffReport.Text(diff));
    }

    [Fact]
    public void Every_kind_of_expectation_skill_and_alias_change_is_listed()
    {
        var after = Catalogue(
            roles: Roles.Replace("aliases: [DS]", "aliases: [DS, data science]"),
            skills:
            [
                ("dl.yaml", Skill("Deep Learning", domain: "AI", extra: "aliases: [DL, deep-learning]\nupdated: 2026-03-01", juniorText: "Knows the basics well.", necessity: "required")),
                ("py.yaml", Skill("Python")),
            ]);
        Assert.Equal(
        [
            "Added Alias |Data Scientist| :  -> data science",
            "Changed Skill Deep Learning|| domain: ML -> AI",
            "Changed Skill Deep Learning|| updated:  -> 2026-03-01",
            "Added Alias Deep Learning|| :  -> deep-learning",
            "Changed Expectation Deep Learning|Data Scientist|Junior description: Knows the basics. -> Knows the basics well.",
            "Changed Expectation Deep Learning|Data Scientist|Junior necessity: optional -> required",
            "Added Skill Python|| :  -> Python",
            "Added Expectation Python|Data Scientist|Junior :  -> Knows the basics.",
            "Added Expectation Python|Data Scientist|Middle :  -> Builds models of Python alone.",
            "Removed Skill Statistics|| : Statistics -> ",
        ], Lines(CatalogueDiff.Between(Before, after)));
    }

    [Fact]
    public void Levels_and_roles_added_removed_and_reordered_are_listed()
    {
        var after = Catalogue(
            levels: "levels:\n  - name: Junior\n  - name: Senior\n  - name: Middle\n    aliases: [mid, intermediate]\n  - name: Staff\n",
            roles: "roles:\n  - name: Data Scientist\n    aliases: [DS]\n  - name: Analyst\n",
            skills: [("dl.yaml", Skill("Deep Learning", extra: "aliases: [DL]")), ("stats.yaml", Skill("Statistics"))]);
        Assert.Equal(
        [
            "Changed Level ||Senior order: 3 -> 2",
            "Changed Level ||Middle order: 2 -> 3",
            "Added Alias ||Middle :  -> intermediate",
            "Added Level ||Staff :  -> Staff",
            "Added Role |Analyst| :  -> Analyst",
            "Removed Role |ML Engineer| : ML Engineer -> ",
        ], Lines(CatalogueDiff.Between(Before, after)));
    }

    [Fact]
    public void A_renamed_skill_is_a_rename_that_suggests_keeping_the_old_name_as_an_alias()
    {
        var after = Catalogue(skills: [("dl.yaml", Skill("Deep Learning", extra: "aliases: [DL]")), ("stats.yaml", Skill("Statistics").Replace("skill: Statistics", "skill: Applied Statistics"))]);
        var change = Assert.Single(CatalogueDiff.Between(Before, after).Changes);
        Assert.Equal((DiffKind.Renamed, DiffSubject.Skill, "Applied Statistics", "Statistics"), (change.Kind, change.Subject, change.Skill, change.Before));
        Assert.Contains("keep 'Statistics' as an alias of the skill 'Applied Statistics'", change.Suggestion);

        // Once the old name is an alias, old questions find it: nothing more to suggest.
        var kept = Catalogue(skills: [("dl.yaml", Skill("Deep Learning", extra: "aliases: [DL]")), ("stats.yaml", Skill("Statistics").Replace("skill: Statistics", "skill: Applied Statistics\naliases: [Statistics]"))]);
        var diff = CatalogueDiff.Between(Before, kept);
        Assert.Null(diff.Changes[0].Suggestion);
        Assert.Equal(DiffKind.Renamed, diff.Changes[0].Kind);
        Assert.Equal("Statistics", diff.Changes[1].After);
        Assert.Contains("> skill 'Applied Statistics': was 'Statistics'", CatalogueDiffReport.Text(CatalogueDiff.Between(Before, after)));
    }

    [Fact]
    public void A_renamed_level_is_a_rename_and_its_expectations_are_not_removed_and_added_again()
    {
        var after = Catalogue(
            levels: Levels.Replace("- name: Middle", "- name: Intermediate"),
            skills: [("dl.yaml", Skill("Deep Learning", extra: "aliases: [DL]", middle: "Intermediate")), ("stats.yaml", Skill("Statistics", middle: "Intermediate"))]);
        var change = Assert.Single(CatalogueDiff.Between(Before, after).Changes);
        Assert.Equal((DiffKind.Renamed, DiffSubject.Level, "Intermediate", "Middle"), (change.Kind, change.Subject, change.Level, change.Before));
        Assert.Contains("keep 'Middle' as an alias of the level 'Intermediate'", change.Suggestion);
    }

    [Fact]
    public void Two_new_skills_with_the_same_content_as_one_gone_are_not_guessed_to_be_its_rename()
    {
        var after = Catalogue(skills: [("dl.yaml", Skill("Deep Learning", extra: "aliases: [DL]")), ("a.yaml", Skill("Statistics").Replace("skill: Statistics", "skill: Stats A")), ("b.yaml", Skill("Statistics").Replace("skill: Statistics", "skill: Stats B"))]);
        Assert.DoesNotContain(CatalogueDiff.Between(Before, after).Changes, c => c.Kind == DiffKind.Renamed);
    }

    [Fact]
    public void Markdown_keeps_catalogue_text_as_text_and_json_names_every_field()
    {
        var after = Catalogue(skills: [("dl.yaml", Skill("Deep Learning", extra: "aliases: [DL]", juniorText: "\"Knows *bold* [links](http://x) <b>tags</b> | pipes\"")), ("stats.yaml", Skill("Statistics"))]);
        var diff = CatalogueDiff.Between(Before, after);
        var markdown = CatalogueDiffReport.Markdown(diff);
        Assert.Contains("### Expectations", markdown);
        Assert.Contains(@"Knows \*bold\* \[links\](http://x) \<b\>tags\</b\> \| pipes", markdown);
        Assert.DoesNotContain("<b>", markdown);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(diff, CatalogueDiffJsonContext.Default.CatalogueDiff));
        var change = json.RootElement.GetProperty("changes")[0];
        Assert.Equal("changed", change.GetProperty("kind").GetString());
        Assert.Equal("expectation", change.GetProperty("subject").GetString());
        Assert.Equal("description", change.GetProperty("field").GetString());
        Assert.Equal(Before.Version, json.RootElement.GetProperty("oldVersion").GetString());
    }

    [Fact]
    public void Before_any_reload_what_changed_says_there_is_no_earlier_version()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        var answer = assistant.Ask("what changed?");
        Assert.Equal(Intent.Changes, answer.Intent);
        Assert.Empty(answer.Items);
        Assert.Contains("no earlier version", answer.Message);
        Assert.Contains("没有更早的版本", assistant.Ask("有什么变化？").Message);
    }

    [Fact]
    public void After_a_reload_the_changes_are_answered_narrowed_by_what_the_question_names()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        var diff = assistant.Use(SampleAnswers.Edited(Catalogues.BuiltIn()));
        Assert.False(diff.IsEmpty);

        var all = assistant.Ask("what changed in the framework?");
        Assert.Equal(Intent.Changes, all.Intent);
        Assert.Equal(diff.Changes.Length, all.Items.Count);
        Assert.Contains(all.Items, i => i is ChangeItem { Change: Change.Changed, Skill: "Deep Learning", Role: "Data Scientist", Level: "Junior" } c
            && c.After!.EndsWith("Also coaches others in it.", StringComparison.Ordinal));
        Assert.Contains(all.Items, i => i is ChangeItem { Change: Change.Changed, Level: "Middle", Before: "necessity: optional", After: "necessity: required" });
        Assert.Contains(all.Items, i => i is ChangeItem { Change: Change.Added, Skill: "Deep Learning", After: "alias: Deep Learning practice" });
        Assert.Contains(all.Items, i => i is ChangeItem { Change: Change.Removed, Role: "LLM Engineer", Level: "Principal", After: null });

        var senior = assistant.Ask("what's new for junior data scientists?");
        var only = Assert.IsType<ChangeItem>(Assert.Single(senior.Items));
        Assert.Equal(("Data Scientist", "Junior"), (only.Role, only.Level));
        Assert.Contains("for Junior Data Scientist", senior.Message);

        var llm = assistant.Ask("what changed in deep learning for LLM engineers?");
        Assert.Equal(["Principal"], llm.Items.OfType<ChangeItem>().Select(c => c.Level));

        var nothing = assistant.Ask("what's new for senior data scientists?");
        Assert.Empty(nothing.Items);
        Assert.Contains("Nothing changed for Senior Data Scientist", nothing.Message);

        var chinese = assistant.Ask("有什么变化？");
        Assert.Equal(("zh", diff.Changes.Length), (chinese.Language, chinese.Items.Count));
        Assert.Contains("处变化", chinese.Message);
    }

    [Fact]
    public void Reloading_the_same_content_keeps_the_last_changes()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        var edited = SampleAnswers.Edited(Catalogues.BuiltIn());
        assistant.Use(edited);
        Assert.True(assistant.Use(edited).IsEmpty);
        Assert.NotEmpty(assistant.Ask("what changed?").Items);
    }
    [Fact]
    public void Changes_to_tracks_name_the_track_of_a_level_a_role_and_an_alias()
    {
        var before = TrackedCatalogue.Load();
        var after = Catalogues.Load([.. TrackedCatalogue.Files().Select(f => f.Path switch
        {
            "levels.yaml" => f with
            {
                Text = f.Text
                    .Replace("aliases: [management track, manager track]", "aliases: [management track]", StringComparison.Ordinal)
                    .Replace("      - name: Director\n        aliases: [M6, director of engineering]", "      - name: Director\n        aliases: [M6, director of engineering]\n      - name: VP\n", StringComparison.Ordinal)
                    + "  - name: Fellows\n    levels:\n      - name: Fellow\n",
            },
            _ => f,
        })]);
        var diff = CatalogueDiff.Between(before, after);
        var text = CatalogueDiffReport.Text(diff);
        Assert.Contains("+ track 'Fellows'", text);
        Assert.Contains("- alias 'manager track' of track 'Management'", text);
        Assert.Contains("+ level 'VP' of track 'Management'", text);
        Assert.Contains("+ level 'Fellow' of track 'Fellows'", text);
        Assert.All(diff.Changes.Where(c => c.Subject is DiffSubject.Level or DiffSubject.Track), c => Assert.NotNull(c.Track));
        // Levels added to other tracks do not move a level on its own track.
        Assert.DoesNotContain(diff.Changes, c => c.Field == "order");
        Assert.Contains("## Catalogue changes", CatalogueDiffReport.Markdown(diff));
        Assert.Contains("### Tracks", CatalogueDiffReport.Markdown(diff));

        // Engineering Manager without its track: on the first one, with a skill of that track.
        var roleDiff = CatalogueDiff.Between(TrackedCatalogue.Load(), Catalogues.Load([.. TrackedCatalogue.Files().Where(f => f.Path is "levels.yaml" or "roles.yaml").Select(f => f.Path == "roles.yaml" ? f with { Text = f.Text.Replace("    track: Management\n", "") } : f),
            new CatalogueFile("skills/code-review.yaml", "skill: Code Review\ndomain: Engineering\nroles:\n  Software Engineer:\n    Engineer 1:\n      description: x\n")]));
        Assert.Contains("~ role 'Engineering Manager': track 'Management' → 'Individual Contributor'", CatalogueDiffReport.Text(roleDiff));
    }
}
