using CsCheck;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Core.Tests;

public sealed class CatalogueExportTests
{
    private static SkillCatalogue RoundTrip(SkillCatalogue catalogue)
    {
        var imported = CsvImport.Import(CatalogueExport.Csv(CatalogueExport.Rows(catalogue)));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Problems.Take(20)));
        var loaded = CatalogueLoader.Load(imported.Files);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems.Take(20)));
        return loaded.Catalogue!;
    }

    [Fact]
    public void The_built_in_catalogue_comes_back_from_its_csv_the_same()
    {
        var builtIn = Catalogues.BuiltIn();
        Assert.Empty(CatalogueExport.Rows(builtIn).Warnings);
        var diff = CatalogueDiff.Between(builtIn, RoundTrip(builtIn));
        Assert.True(diff.IsEmpty, CatalogueDiffReport.Text(diff));
    }

    [Fact]
    public void The_generated_2000_skill_catalogue_comes_back_from_its_csv_the_same()
    {
        var generated = GeneratedCatalogue.Generate().Load();
        Assert.Equal(2000, generated.Skills.Length);
        var rows = CatalogueExport.Rows(generated);
        Assert.Equal(GeneratedCatalogue.Generate().Counts.Expectations, rows.Rows.Length);
        var diff = CatalogueDiff.Between(generated, RoundTrip(generated));
        Assert.True(diff.IsEmpty, CatalogueDiffReport.Summary(diff, 20));
    }

    [Fact]
    public void A_tracks_catalogue_comes_back_from_its_csv_with_its_tracks_levels_roles_and_owners()
    {
        var tracked = Catalogues.Load([.. TrackedCatalogue.Files().Select(f => f.Path == "skills/code-review.yaml"
            ? f with { Text = f.Text.Replace("domain: Engineering\n", "domain: Engineering\nowners: [U0123ABCD, ana@example.com]\n", StringComparison.Ordinal) }
            : f)]);
        var rows = CatalogueExport.Rows(tracked);
        Assert.Empty(rows.Warnings);
        Assert.Equal([.. CsvImport.Columns, .. CsvImport.OptionalColumns], rows.Header.ToArray());
        var back = RoundTrip(tracked);
        var diff = CatalogueDiff.Between(tracked, back);
        Assert.True(diff.IsEmpty, CatalogueDiffReport.Text(diff));
        // What the diff does not compare is checked here: the ladders, each role's track and description, the owners.
        Assert.Equal(tracked.Tracks.Select(t => (t.Name, string.Join("|", t.Aliases))), back.Tracks.Select(t => (t.Name, string.Join("|", t.Aliases))));
        Assert.Equal(tracked.Levels.Select(l => (l.Name, l.Track.Name, l.Position)), back.Levels.Select(l => (l.Name, l.Track.Name, l.Position)));
        Assert.Equal(tracked.Roles.Select(r => (r.Name, r.Track.Name, r.Description)), back.Roles.Select(r => (r.Name, r.Track.Name, r.Description)));
        Assert.Equal(["U0123ABCD", "ana@example.com"], back.FindSkill(TrackedCatalogue.CodeReview)!.Owners.ToArray());
    }

    [Fact]
    public void The_generated_tracks_catalogue_comes_back_from_its_csv_the_same()
    {
        var generated = GeneratedCatalogue.Generate(shape: GeneratedShape.Tracks).Load();
        var rows = CatalogueExport.Rows(generated);
        Assert.Empty(rows.Warnings);
        var back = RoundTrip(generated);
        var diff = CatalogueDiff.Between(generated, back);
        Assert.True(diff.IsEmpty, CatalogueDiffReport.Summary(diff, 20));
        Assert.Equal(generated.Levels.Select(l => (l.Name, l.Track.Name, l.Position)), back.Levels.Select(l => (l.Name, l.Track.Name, l.Position)));
        Assert.Equal(generated.Roles.Select(r => (r.Name, r.Track.Name)).Order(), back.Roles.Select(r => (r.Name, r.Track.Name)).Order()); // in the order rows first name them
    }

    [Fact]
    public void A_catalogue_without_tracks_is_exported_without_the_track_columns()
    {
        var header = CatalogueExport.Rows(Catalogues.BuiltIn()).Header;
        Assert.DoesNotContain("track", header);
        Assert.Contains("owners", header);
    }

    [Fact]
    public void Levels_of_a_track_that_rows_cannot_place_are_named()
    {
        var catalogue = Catalogues.Load(
            new CatalogueFile("levels.yaml", "tracks:\n  - name: IC\n    levels:\n      - name: E1\n      - name: E2\n      - name: E3\n      - name: E4\n"),
            new CatalogueFile("skills/a.yaml", "skill: A\ndomain: D\nroles:\n  R:\n    E1:\n      description: x\n    E3:\n      description: y\n"),
            new CatalogueFile("skills/b.yaml", "skill: B\ndomain: D\nroles:\n  R:\n    E2:\n      description: x\n"));
        Assert.Equal(
            [
                "level 'E4' of track 'IC' has no expectations, so no row carries it and import would not give it back; keep levels.yaml",
                "no role has both 'E1' and 'E2' of track 'IC' in one skill, so import could not tell which is higher; keep levels.yaml",
                "no role has both 'E2' and 'E3' of track 'IC' in one skill, so import could not tell which is higher; keep levels.yaml",
            ],
            CatalogueExport.Rows(catalogue).Warnings.ToArray());
    }

    [Fact]
    public void Cells_that_start_like_a_formula_are_written_as_text_and_read_back_unchanged()
    {
        var risky = Gen.Select(
            Gen.OneOfConst("=", "+", "-", "@", "'", "''", "'=", "=-", "@@"),
            Gen.Char["abc =+-@'(),;1"].Array[1, 20].Select(c => new string(c)),
            (start, rest) => start + rest);
        risky.Sample(text =>
        {
            var name = "X" + text.Trim();
            var yaml = $"""
                skill: "{name.Replace("\\", "\\\\").Replace("\"", "\\\"")}"
                domain: "{text.Trim().Replace("\"", "\\\"")}x"
                roles:
                  Data Scientist:
                    Junior:
                      description: "{text.Trim().Replace("\"", "\\\"")}"
                """;
            var loaded = CatalogueLoader.Load([new CatalogueFile("skills/a.yaml", yaml)]);
            if (loaded.Catalogue is not { } catalogue)
            {
                return; // text the catalogue itself refuses (no letters in a name, say)
            }
            var csv = CatalogueExport.Csv(CatalogueExport.Rows(catalogue));
            foreach (var cell in CsvReader.Read(csv, []).Skip(1).SelectMany(record => record.Fields))
            {
                Assert.False(SpreadsheetText.IsRisky(cell), $"'{cell}' would run as a formula");
            }
            var diff = CatalogueDiff.Between(catalogue, RoundTrip(catalogue));
            Assert.True(diff.IsEmpty, CatalogueDiffReport.Text(diff));
        }, iter: 300);
    }

    [Fact]
    public void What_a_spreadsheet_cannot_carry_is_named()
    {
        var catalogue = Catalogues.Load(
            new CatalogueFile("levels.yaml", "levels:\n  - name: Apprentice\n  - name: Master\n"),
            new CatalogueFile("roles.yaml", "roles:\n  - name: Smith\n    aliases: [\"metal; worker\"]\n  - name: Idle\n"),
            new CatalogueFile("skills/a.yaml", "skill: Forging\ndomain: Craft\nroles:\n  Smith:\n    Apprentice:\n      description: Heats iron.\n"));
        var warnings = CatalogueExport.Rows(catalogue).Warnings;
        Assert.Contains(warnings, w => w.Contains("is not SkillBot's default", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("role 'Idle' has no expectations", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("alias 'metal; worker'", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_has_an_index_and_one_page_per_role_with_its_skills_by_domain()
    {
        var pages = CatalogueExport.MarkdownPages(Catalogues.BuiltIn());
        Assert.Equal(["index.md", "roles/data-scientist.md", "roles/llm-engineer.md"], pages.Select(p => p.Path));
        Assert.Contains("- [Data Scientist](roles/data-scientist.md)", pages[0].Text);
        var page = pages[1].Text;
        Assert.StartsWith("# Data Scientist\n", page.ReplaceLineEndings("\n"));
        Assert.Contains("## Machine Learning & AI", page);
        Assert.Contains("### Deep Learning", page);
        Assert.Contains("| Junior | optional | Understands the fundamentals of Deep Learning.", page);
        Assert.Contains("Updated 2026-02-22.", page);
    }

    [Fact]
    public void Import_reads_the_optional_columns_and_names_rows_that_disagree()
    {
        const string header = "domain,skill,role,level,necessity,description,skill aliases,role aliases,updated\n";
        var ok = CsvImport.Import(header
            + "ML,Deep Learning,Data Scientist,Junior,optional,x,DL; deep-learning,DS,2026-02-22\n"
            + "ML,Deep Learning,Data Scientist,Middle,optional,y,,,\n");
        Assert.True(ok.Succeeded, string.Join("\n", ok.Problems));
        var catalogue = CatalogueLoader.Load(ok.Files).Catalogue!;
        Assert.Equal(["DL", "deep-learning"], catalogue.Skills[0].Aliases.ToArray());
        Assert.Equal(["DS"], catalogue.Roles[0].Aliases.ToArray());
        Assert.Equal(new DateOnly(2026, 2, 22), catalogue.Skills[0].Updated);

        var bad = CsvImport.Import(header
            + "ML,Deep Learning,Data Scientist,Junior,optional,x,DL,DS,2026-02-22\n"
            + "ML,Deep Learning,Data Scientist,Middle,optional,y,Deep,Scientists,22/02/2026\n"
            + "ML,Deep Learning,Data Scientist,Senior,optional,z,DL,Scientists,2026-02-23\n");
        Assert.Equal(
            [
                "line 3: updated must be a date as YYYY-MM-DD, not '22/02/2026'",
                "line 4: role aliases of Data Scientist differ from line 2: give them the same on every row, or leave the cell empty",
                "line 4: updated dates of Deep Learning differ from line 2: give them the same on every row, or leave the cell empty",
            ],
            bad.Problems.Select(p => p.ToString()));
    }
}
