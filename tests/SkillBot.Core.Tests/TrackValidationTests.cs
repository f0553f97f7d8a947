using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Core.Tests;

/// <summary>Tracks in levels.yaml and roles.yaml (catalogue format 1.1): what loads, and every rule, at its place.</summary>
public sealed class TrackValidationTests
{
    private const string TwoTracks = """
        tracks:
          - name: IC
            levels:
              - name: IC1
              - name: IC2
          - name: Management
            aliases: [manager track]
            levels:
              - name: M1
        """;

    private const string Skill = """
        skill: Code Review
        domain: Engineering
        roles:
          Engineer:
            IC1:
              description: Reviews small changes.
        """;

    private static string[] Problems(params CatalogueFile[] files)
    {
        var result = CatalogueLoader.Load(files);
        Assert.False(result.Succeeded);
        return [.. result.Problems.Select(p => p.ToString())];
    }

    [Fact]
    public void Tracks_load_with_their_levels_in_order_and_positions_within_each_track()
    {
        var catalogue = TrackedCatalogue.Load();
        Assert.True(catalogue.HasTracks);
        Assert.Equal([TrackedCatalogue.Ic, TrackedCatalogue.Management], catalogue.Tracks.Select(t => t.Name));
        // Levels: every level in track order; Number across the catalogue, Position within the track.
        Assert.Equal([.. TrackedCatalogue.IcLevels, .. TrackedCatalogue.ManagementLevels], catalogue.Levels.Select(l => l.Name));
        Assert.Equal(Enumerable.Range(1, 8), catalogue.Levels.Select(l => l.Number));
        Assert.Equal([1, 2, 3, 4, 5, 1, 2, 3], catalogue.Levels.Select(l => l.Position));
        var m = catalogue.Tracks[1];
        Assert.Equal(TrackedCatalogue.ManagementLevels, catalogue.LevelsOf(m).Select(l => l.Name));
        Assert.Equal("Engineering Manager 2", catalogue.LevelAt(m, 2)!.Name);
        Assert.Null(catalogue.LevelAt(m, 4));
        Assert.Same(m, catalogue.FindTrack("manager track"));
    }

    [Fact]
    public void Next_and_previous_stay_inside_a_track()
    {
        var catalogue = TrackedCatalogue.Load();
        Assert.Null(catalogue.Above(catalogue.FindLevel("Staff Engineer")!)); // not Engineering Manager 1
        Assert.Null(catalogue.Below(catalogue.FindLevel("Engineering Manager 1")!)); // not Staff Engineer
        Assert.Equal("Director", catalogue.Above(catalogue.FindLevel("Engineering Manager 2")!)!.Name);
        Assert.Equal("Senior Engineer 1", catalogue.Below(catalogue.FindLevel("Senior Engineer 2")!)!.Name);
    }

    [Fact]
    public void A_role_takes_its_track_from_roles_yaml_or_the_first_track_with_its_description()
    {
        var catalogue = TrackedCatalogue.Load();
        var swe = catalogue.FindRole(TrackedCatalogue.Swe)!;
        var em = catalogue.FindRole(TrackedCatalogue.Em)!;
        Assert.Equal(TrackedCatalogue.Ic, swe.Track.Name); // not said: the first track
        Assert.Equal(TrackedCatalogue.Management, em.Track.Name);
        Assert.Equal("Leads a team of engineers.", em.Description);
        // A role no roles.yaml lists is on the first track too.
        var loaded = Catalogues.Load(new("levels.yaml", TwoTracks), new("skills/cr.yaml", Skill));
        Assert.Equal("IC", loaded.FindRole("Engineer")!.Track.Name);
    }

    [Fact]
    public void A_levels_file_is_one_unnamed_track_as_before()
    {
        var catalogue = Catalogues.BuiltIn();
        Assert.False(catalogue.HasTracks);
        var track = Assert.Single(catalogue.Tracks);
        Assert.Null(track.Name);
        Assert.All(catalogue.Levels, l => Assert.Equal(l.Number, l.Position));
        Assert.All(catalogue.Roles, r => Assert.Same(track, r.Track));
        Assert.Null(catalogue.Above(catalogue.Levels[^1]));
    }

    [Fact]
    public void A_level_name_or_alias_used_in_two_tracks_is_reported_at_the_second()
    {
        var problems = Problems(
            new("levels.yaml", """
                tracks:
                  - name: IC
                    levels:
                      - name: Senior
                        aliases: [L3]
                  - name: Management
                    levels:
                      - name: Manager
                        aliases: [l3]
                      - name: senior
                """),
            new("skills/cr.yaml", Skill.Replace("IC1", "Senior")));
        Assert.Equal(
            [
                "levels.yaml:8:15: 'l3' is claimed by level 'Senior' of track 'IC' and level 'Manager'",
                "levels.yaml:10:15: 'senior' is claimed by level 'Senior' of track 'IC' and level 'senior'",
            ],
            problems);
    }

    [Fact]
    public void A_role_given_a_level_of_another_track_is_reported_at_the_level()
    {
        var problems = Problems(
            new("levels.yaml", TwoTracks),
            new("roles.yaml", "roles:\n  - name: Engineer\n  - name: Manager\n    track: manager track\n"),
            new("skills/cr.yaml", """
                skill: Code Review
                domain: Engineering
                roles:
                  Engineer:
                    M1:
                      description: Reviews small changes.
                  Manager:
                    M1:
                      description: Reviews the team's reviews.
                    IC2:
                      description: Reviews big changes.
                """));
        Assert.Equal(
            [
                "skills/cr.yaml:5:5: level 'M1' is on track 'Management', but role 'Engineer' is on track 'IC' (its levels are IC1, IC2); a role has levels of its own track only",
                "skills/cr.yaml:10:5: level 'IC2' is on track 'IC', but role 'Manager' is on track 'Management' (its levels are M1); a role has levels of its own track only",
            ],
            problems);
    }

    [Fact]
    public void An_unknown_level_lists_the_levels_of_the_roles_track()
    {
        var problems = Problems(new("levels.yaml", TwoTracks), new("skills/cr.yaml", Skill.Replace("IC1", "IC9")));
        Assert.Equal(["skills/cr.yaml:5:5: unknown level 'IC9' (the levels of track 'IC' are IC1, IC2)"], problems);
    }

    [Fact]
    public void An_unknown_track_is_reported_at_the_roles_track()
    {
        var problems = Problems(
            new("levels.yaml", TwoTracks),
            new("roles.yaml", "roles:\n  - name: Engineer\n    track: Managment\n"),
            new("skills/cr.yaml", Skill));
        Assert.Equal(["roles.yaml:3:12: unknown track 'Managment' (the tracks are IC, Management)"], problems);
    }

    [Fact]
    public void A_track_in_a_catalogue_with_one_ladder_is_unknown()
    {
        var problems = Problems(
            new("roles.yaml", "roles:\n  - name: Engineer\n    track: IC\n"),
            new("skills/cr.yaml", Skill.Replace("IC1", "Junior")));
        Assert.Equal(["roles.yaml:3:12: unknown track 'IC': levels.yaml has one ladder ('levels:'); list 'tracks:' there to give roles tracks"], problems);
    }

    [Fact]
    public void Levels_and_tracks_both_given_are_reported_at_the_second()
    {
        var problems = Problems(
            new("levels.yaml", "levels:\n  - name: Junior\ntracks:\n  - name: IC\n    levels:\n      - name: IC1\n"),
            new("skills/cr.yaml", Skill));
        Assert.Equal(["levels.yaml:3:1: 'levels' and 'tracks' cannot both be given: use one of them"], problems);
    }

    [Theory]
    [InlineData("tracks:\n  - name: IC\n    levels: []\n", "levels.yaml:3:13: track 'IC' must list at least one level")]
    [InlineData("tracks:\n  - name: IC\n", "levels.yaml:2:5: track 'IC' has no 'levels': list its levels, lowest first")]
    [InlineData("tracks:\n  - name: IC\n    levels: IC1\n", "levels.yaml:3:13: 'levels' of track 'IC' must be a list of levels, lowest first")]
    [InlineData("tracks: []\n", "levels.yaml:1:9: 'tracks' must list at least one track")]
    [InlineData("tracks:\n  - name: IC\n    levels: [{name: A}]\n  - name: ic\n    levels: [{name: B}]\n", "levels.yaml:4:11: 'ic' is claimed by track 'IC' and track 'ic'")]
    [InlineData("tracks:\n  - name: IC\n    level: [{name: A}]\n", "levels.yaml:3:5: unknown key 'level' (expected name, aliases, levels)")]
    public void An_empty_or_malformed_track_is_reported(string levels, string expected)
    {
        var problems = Problems(new("levels.yaml", levels), new("skills/cr.yaml", Skill));
        Assert.Contains(expected, problems);
    }

    [Fact]
    public void A_role_description_must_be_text()
    {
        var problems = Problems(
            new("levels.yaml", TwoTracks),
            new("roles.yaml", "roles:\n  - name: Engineer\n    description: [a]\n"),
            new("skills/cr.yaml", Skill));
        Assert.Equal(["roles.yaml:3:18: 'description' must be text"], problems);
    }
}
