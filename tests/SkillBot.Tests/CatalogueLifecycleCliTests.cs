using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using SkillBot.Cli;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Tests;

/// <summary>
/// catalogue diff, export and import of workbooks through the command line; every workbook SkillBot writes is opened
/// again by exceljs (tests/node/xlsx.js), a reader that shares nothing with ours, and hostile ones are written by it too.
/// </summary>
public sealed class CatalogueLifecycleCliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("skillbot-lifecycle-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private sealed record Outcome(int Exit, string Stdout, string Stderr);

    private static Outcome Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return new Outcome(exit, stdout.ToString(), stderr.ToString());
    }

    private string Temp(string name) => Path.Combine(_temp, name);

    /// <summary>A copy of the built-in catalogue with one text replaced in its skill file.</summary>
    private string BuiltInWith(string name, string find, string replace) => Catalogues.CopyBuiltInTo(Temp(name), find, replace);

    private static JsonObject ReadWithExcelJs(string xlsx)
    {
        var result = NodeScript.Run("xlsx.js", ["read", xlsx]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }

    private string WriteWithExcelJs(string name, JsonObject spec)
    {
        var specFile = Temp(name + ".json");
        File.WriteAllText(specFile, spec.ToJsonString());
        var xlsx = Temp(name + ".xlsx");
        var result = NodeScript.Run("xlsx.js", ["write", specFile, xlsx]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return xlsx;
    }

    // ---- diff ----

    [Fact]
    public void Diff_exits_0_for_the_same_catalogue_and_1_with_every_difference_in_text_markdown_and_json()
    {
        var same = Run("catalogue", "diff", Catalogues.BuiltInFolder, BuiltInWith("copy", "# From the seed", "# Copied from the seed"));
        Assert.Equal((0, ""), (same.Exit, same.Stderr));
        Assert.StartsWith("No differences", same.Stdout);

        var edited = BuiltInWith("edited", "Designs custom training loops for LLM", "Designs bespoke training loops for LLM");
        var text = Run("catalogue", "diff", Catalogues.BuiltInFolder, edited);
        Assert.Equal(1, text.Exit);
        Assert.Contains("~ expectation 'Deep Learning' / 'LLM Engineer' / 'Senior': description", text.Stdout);
        Assert.Contains("    before: Designs custom training loops for LLM", text.Stdout);
        Assert.Contains("    after:  Designs bespoke training loops for LLM", text.Stdout);
        Assert.Contains("1 difference(s): 1 changed", text.Stdout);

        var markdown = Run("catalogue", "diff", Catalogues.BuiltInFolder, edited, "--format", "markdown");
        Assert.Equal(1, markdown.Exit);
        Assert.Contains("### Expectations", markdown.Stdout);
        Assert.Contains("- **Changed** expectation *Deep Learning* / *LLM Engineer* / *Senior*: description", markdown.Stdout);

        var json = Run("catalogue", "diff", Catalogues.BuiltInFolder, edited, "--format", "json");
        Assert.Equal(1, json.Exit);
        var change = JsonNode.Parse(json.Stdout)!["changes"]![0]!;
        Assert.Equal(("changed", "expectation", "LLM Engineer", "Senior"),
            (change["kind"]!.GetValue<string>(), change["subject"]!.GetValue<string>(), change["role"]!.GetValue<string>(), change["level"]!.GetValue<string>()));
    }

    [Fact]
    public void Diff_reports_a_renamed_skill_and_suggests_keeping_its_old_name_as_an_alias()
    {
        var renamed = BuiltInWith("renamed", "skill: Deep Learning", "skill: Neural Networks");
        var outcome = Run("catalogue", "diff", Catalogues.BuiltInFolder, renamed);
        Assert.Equal(1, outcome.Exit);
        Assert.Contains("> skill 'Neural Networks': was 'Deep Learning'", outcome.Stdout);
        Assert.Contains("suggestion: keep 'Deep Learning' as an alias of the skill 'Neural Networks'", outcome.Stdout);
    }

    [Fact]
    public void Diff_usage_mistakes_and_broken_catalogues_exit_2()
    {
        Assert.Equal(2, Run("catalogue", "diff", Catalogues.BuiltInFolder).Exit);
        Assert.Equal(2, Run("catalogue", "diff", Catalogues.BuiltInFolder, Catalogues.BuiltInFolder, "--format", "html").Exit);
        Assert.Equal(2, Run("catalogue", "diff", Catalogues.BuiltInFolder, Catalogues.BuiltInFolder, "--colour").Exit);
        var broken = BuiltInWith("broken", "necessity: optional", "necessity: sometimes");
        var outcome = Run("catalogue", "diff", Catalogues.BuiltInFolder, broken);
        Assert.Equal((2, ""), (outcome.Exit, outcome.Stdout));
        Assert.Contains("necessity must be 'required' or 'optional'", outcome.Stderr);
        Assert.Equal(2, Run("catalogue", "diff", Catalogues.BuiltInFolder, Temp("missing")).Exit);
    }

    // ---- export and import ----

    [Theory]
    [InlineData("catalogue.csv")]
    [InlineData("catalogue.xlsx")]
    [InlineData("domains.xlsx", "--sheets", "domain")]
    public void The_built_in_catalogue_exported_and_imported_again_is_the_same(string file, params string[] options)
    {
        var exported = Run(["catalogue", "export", Catalogues.BuiltInFolder, "--out", Temp(file), .. options]);
        Assert.Equal((0, ""), (exported.Exit, exported.Stderr));
        var imported = Run(["catalogue", "import", Temp(file), "--out", Temp("back"), .. options.Length > 0 ? new[] { "--all-sheets" } : []]);
        Assert.True(imported.Exit == 0, imported.Stdout + imported.Stderr);
        var diff = Run("catalogue", "diff", Catalogues.BuiltInFolder, Temp("back"));
        Assert.True(diff.Exit == 0, diff.Stdout);
    }

    [Theory]
    [InlineData("tracked.csv")]
    [InlineData("tracked.xlsx")]
    [InlineData("tracked-domains.xlsx", "--sheets", "domain")]
    public void A_tracks_catalogue_exported_and_imported_again_has_the_same_tracks_levels_roles_and_expectations(string file, params string[] options)
    {
        var folder = TrackedCatalogue.WriteTo(Temp("tracked"));
        var exported = Run(["catalogue", "export", folder, "--out", Temp(file), .. options]);
        Assert.Equal((0, ""), (exported.Exit, exported.Stderr));
        var imported = Run(["catalogue", "import", Temp(file), "--out", Temp("back"), .. options.Length > 0 ? new[] { "--all-sheets" } : []]);
        Assert.True(imported.Exit == 0, imported.Stdout + imported.Stderr);
        var diff = Run("catalogue", "diff", folder, Temp("back"));
        Assert.True(diff.Exit == 0, diff.Stdout);
        var (before, after) = (Catalogues.Load(folder), Catalogues.Load(Temp("back")));
        Assert.Equal(before.Levels.Select(l => (l.Name, l.Track.Name, l.Position, string.Join("|", l.Aliases))), after.Levels.Select(l => (l.Name, l.Track.Name, l.Position, string.Join("|", l.Aliases))));
        Assert.Equal(before.Roles.Select(r => (r.Name, r.Track.Name, r.Description)), after.Roles.Select(r => (r.Name, r.Track.Name, r.Description)));
        Assert.Equal(before.Tracks.Select(t => string.Join("|", t.Aliases)), after.Tracks.Select(t => string.Join("|", t.Aliases)));
        if (file.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            // A second reader sees the track beside each expectation.
            var rows = ReadWithExcelJs(Temp(file))["sheets"]!.AsArray().SelectMany(sheet => sheet!["rows"]!.AsArray()).Select(r => r!.AsArray().Select(c => c!["text"]!.GetValue<string>()).ToList()).ToList();
            var header = rows[0];
            var track = header.IndexOf("track");
            Assert.Contains(rows, r => r[2] == TrackedCatalogue.Em && r[3] == "Director" && r[track] == TrackedCatalogue.Management);
            Assert.Contains(rows, r => r[2] == TrackedCatalogue.Swe && r[3] == "Staff Engineer" && r[track] == TrackedCatalogue.Ic);
        }
    }

    [Fact]
    public void The_generated_2000_skill_catalogue_round_trips_through_csv_and_one_flat_sheet()
    {
        var folder = GeneratedCatalogue.Generate().WriteTo(Temp("generated"));
        foreach (var file in new[] { "generated.csv", "generated.xlsx" })
        {
            var exported = Run("catalogue", "export", folder, "--out", Temp(file));
            Assert.Equal((0, ""), (exported.Exit, exported.Stderr));
            var imported = Run("catalogue", "import", Temp(file), "--out", Temp("back-" + file));
            Assert.True(imported.Exit == 0, imported.Stdout + imported.Stderr);
            var diff = Run("catalogue", "diff", folder, Temp("back-" + file));
            Assert.True(diff.Exit == 0, diff.Stdout[..Math.Min(3000, diff.Stdout.Length)]);
        }
    }

    [Fact]
    public void Examples_and_owners_columns_go_in_through_import_out_through_ask_and_back_through_export()
    {
        var csv = Temp("owned.csv");
        File.WriteAllText(csv, "domain,skill,role,level,necessity,description,examples,owners\n"
            + "ML,Deep Learning,Data Scientist,Senior,required,Designs architectures.,\"Chose a transformer over an LSTM for the churn model\nRan an ablation before shipping\",U0123ABCD; ana@example.com\n"
            + "ML,Deep Learning,Data Scientist,Junior,optional,Knows the basics.,,\n");
        var imported = Run("catalogue", "import", csv, "--out", Temp("owned"));
        Assert.True(imported.Exit == 0, imported.Stdout + imported.Stderr);
        Assert.Equal(0, Run("catalogue", "validate", Temp("owned")).Exit);

        var text = Run("ask", "what does a senior data scientist need in deep learning?", "--catalogue", Temp("owned"));
        Assert.Equal((0, ""), (text.Exit, text.Stderr));
        Assert.Contains("Chose a transformer over an LSTM for the churn model", text.Stdout);
        Assert.Contains("ana@example.com", text.Stdout);
        var json = JsonNode.Parse(Run("ask", "what does a senior data scientist need in deep learning?", "--catalogue", Temp("owned"), "--json").Stdout)!;
        Assert.Equal(["U0123ABCD", "ana@example.com"], json["owners"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(["Chose a transformer over an LSTM for the churn model", "Ran an ablation before shipping"], json["current"]!["examples"]!.AsArray().Select(e => e!.GetValue<string>()));

        var exported = Run("catalogue", "export", Temp("owned"), "--out", Temp("owned-back.csv"));
        Assert.Equal((0, ""), (exported.Exit, exported.Stderr));
        var rows = CsvReader.Read(File.ReadAllText(Temp("owned-back.csv")), []);
        var header = rows[0].Fields.ToList();
        var senior = rows.Single(r => r.Fields[3] == "Senior").Fields;
        Assert.Equal("U0123ABCD; ana@example.com", senior[header.IndexOf("owners")]);
        Assert.Equal("Chose a transformer over an LSTM for the churn model\nRan an ablation before shipping", senior[header.IndexOf("examples")]);

        // A bad owner is named by line, and nothing is written.
        File.WriteAllText(csv, "domain,skill,role,level,necessity,description,owners\nML,Deep Learning,Data Scientist,Senior,required,x,Ana Smith\n");
        var refused = Run("catalogue", "import", csv, "--out", Temp("refused"));
        Assert.Equal(1, refused.Exit);
        Assert.Contains("line 2: owners: 'Ana Smith' is not a Slack user id", refused.Stdout);
        Assert.False(Directory.Exists(Temp("refused")));
    }

    [Fact]
    public void The_generated_2000_skill_catalogue_round_trips_through_a_workbook_per_domain_and_exceljs_reads_it()
    {
        var folder = GeneratedCatalogue.Generate().WriteTo(Temp("generated"));
        var exported = Run("catalogue", "export", folder, "--out", Temp("generated.xlsx"), "--sheets", "domain");
        Assert.Equal((0, ""), (exported.Exit, exported.Stderr));
        var imported = Run("catalogue", "import", Temp("generated.xlsx"), "--out", Temp("back"), "--all-sheets");
        Assert.True(imported.Exit == 0, imported.Stdout + imported.Stderr);
        var diff = Run("catalogue", "diff", folder, Temp("back"));
        Assert.True(diff.Exit == 0, diff.Stdout[..Math.Min(3000, diff.Stdout.Length)]);

        var catalogue = Catalogues.Load(folder);
        var workbook = ReadWithExcelJs(Temp("generated.xlsx"));
        var sheets = workbook["sheets"]!.AsArray();
        Assert.Equal(catalogue.Domains.Length, sheets.Count);
        Assert.Equal(GeneratedCatalogue.Generate().Counts.Expectations, sheets.Sum(s => s!["rows"]!.AsArray().Count - 1));
    }

    [Fact]
    public void Exceljs_reads_every_cell_as_the_text_written_and_no_cell_as_a_formula()
    {
        var folder = BuiltInWith("risky", "skill: Deep Learning", "skill: \"=HYPERLINK(\\\"http://x\\\",\\\"Deep\\\")\"");
        File.WriteAllText(Path.Combine(folder, "roles.yaml"), "roles:\n  - name: Data Scientist\n    aliases: [\"+DS\", \"@data\", \"-science\", \"'quoted\"]\n  - name: LLM Engineer\n");
        var exported = Run("catalogue", "export", folder, "--out", Temp("risky.xlsx"));
        Assert.Equal((0, ""), (exported.Exit, exported.Stderr));
        var rows = ReadWithExcelJs(Temp("risky.xlsx"))["sheets"]![0]!["rows"]!.AsArray();
        var expected = CatalogueExport.Rows(Catalogues.Load(folder));
        Assert.Equal(expected.Rows.Length + 1, rows.Count);
        Assert.Equal(expected.Header, rows[0]!.AsArray().Select(c => c!["text"]!.GetValue<string>()));
        Assert.All(rows[0]!.AsArray(), c => Assert.True(c!["bold"]!.GetValue<bool>()));
        foreach (var (row, cells) in expected.Rows.Zip(rows.Skip(1)))
        {
            var read = cells!.AsArray();
            Assert.Equal(row.Cells.Where(c => c.Length > 0), read.Select(c => c!["text"]!.GetValue<string>()).Where(t => t.Length > 0));
            Assert.All(read.Where(c => c!["text"]!.GetValue<string>().Length > 0), c => Assert.Equal("String", c!["type"]!.GetValue<string>()));
            Assert.All(read.Where(c => SpreadsheetText.IsRisky(c!["text"]!.GetValue<string>())), c => Assert.Equal("@", c!["numFmt"]!.GetValue<string>()));
        }
        Assert.Contains(rows, r => r![1]!["text"]!.GetValue<string>() == "=HYPERLINK(\"http://x\",\"Deep\")");

        // The CSV puts an apostrophe before each such cell; import takes it off again.
        Assert.Equal(0, Run("catalogue", "export", folder, "--out", Temp("risky.csv")).Exit);
        var csv = File.ReadAllText(Temp("risky.csv"));
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"Deep\"\")\",", csv);
        Assert.Contains("'+DS; @data; -science; 'quoted", csv);
        foreach (var file in new[] { "risky.xlsx", "risky.csv" })
        {
            Assert.Equal(0, Run("catalogue", "import", Temp(file), "--out", Temp("back-" + file)).Exit);
            Assert.Equal(0, Run("catalogue", "diff", folder, Temp("back-" + file)).Exit);
        }
    }

    [Fact]
    public void Markdown_export_writes_one_page_per_role_into_a_new_folder()
    {
        var outcome = Run("catalogue", "export", Catalogues.BuiltInFolder, "--out", Temp("site"));
        Assert.Equal((0, ""), (outcome.Exit, outcome.Stderr));
        Assert.True(File.Exists(Temp("site/index.md")));
        Assert.Contains("### Deep Learning", File.ReadAllText(Temp("site/roles/llm-engineer.md")));
        Assert.Equal(1, Run("catalogue", "export", Catalogues.BuiltInFolder, "--out", Temp("site")).Exit); // not over an existing one
        Assert.Equal(2, Run("catalogue", "export", Catalogues.BuiltInFolder, "--out", Temp("x.pdf")).Exit);
        Assert.Equal(2, Run("catalogue", "export", Catalogues.BuiltInFolder, "--out", Temp("x.csv"), "--sheets", "domain").Exit);
        Assert.Equal(2, Run("catalogue", "export", Catalogues.BuiltInFolder, "--out", Temp("x.xlsx"), "--sheets", "tabs").Exit);
    }

    // ---- hostile workbooks: a clear problem, exit 1, nothing written ----

    private void AssertRefused(string xlsx, string expected, params string[] options)
    {
        var outcome = Run(["catalogue", "import", xlsx, "--out", Temp("refused"), .. options]);
        Assert.True(outcome.Exit == 1, outcome.Stdout + outcome.Stderr);
        Assert.Contains(expected, outcome.Stdout + outcome.Stderr);
        Assert.False(Directory.Exists(Temp("refused")));
    }

    private static JsonObject Sheet(string name, params JsonArray[] rows) => new() { ["name"] = name, ["rows"] = new JsonArray([.. rows]) };

    private static JsonArray Header => ["domain", "skill", "role", "level", "necessity", "description", "updated"];

    [Fact]
    public void Numbers_and_dates_in_cells_are_read_as_the_text_they_show()
    {
        var xlsx = WriteWithExcelJs("typed", new JsonObject
        {
            ["sheets"] = new JsonArray(Sheet("Framework",
                Header,
                ["ML", 2024, "Data Scientist", "Junior", "optional", 3.5, new JsonObject { ["date"] = "2026-02-22" }],
                ["ML", 2024, "Data Scientist", "Middle", "required", new JsonObject { ["formula"] = "\"Bui\"&\"lds\"", ["result"] = "Builds" }, null])),
        });
        var outcome = Run("catalogue", "import", xlsx, "--out", Temp("typed-back"));
        Assert.True(outcome.Exit == 0, outcome.Stdout + outcome.Stderr);
        var catalogue = Catalogues.Load(Temp("typed-back"));
        var skill = Assert.Single(catalogue.Skills);
        Assert.Equal(("2024", new DateOnly(2026, 2, 22)), (skill.Name, skill.Updated));
        Assert.Equal(["3.5", "Builds"], skill.Roles[0].ByLevel.OfType<Expectation>().Select(e => e.Description));
    }

    [Fact]
    public void Merged_cells_errors_a_missing_sheet_and_other_sheets_are_named()
    {
        var xlsx = WriteWithExcelJs("hostile", new JsonObject
        {
            ["sheets"] = new JsonArray(
                Sheet("Notes", ["this is not the framework"]),
                new JsonObject
                {
                    ["name"] = "Framework",
                    ["rows"] = new JsonArray(Header, new JsonArray("ML", "DL", "Data Scientist", "Junior", "optional", new JsonObject { ["error"] = "#N/A" }, null), new JsonArray("ML", "DL", "Data Scientist", "Middle", "optional", "x", null)),
                    ["merges"] = new JsonArray("A2:A3"),
                }),
        });
        AssertRefused(xlsx, "missing column 'domain' in the header"); // the first sheet is the notes
        AssertRefused(xlsx, "no sheet named 'Skills'; the workbook has 'Notes', 'Framework'", "--sheet", "Skills");
        AssertRefused(xlsx, "cell F2: holds the error #N/A", "--sheet", "framework");
        AssertRefused(xlsx, "cells A2:A3 are merged", "--sheet", "Framework");
        Assert.Equal(2, Run("catalogue", "import", xlsx, "--out", Temp("x"), "--sheet", "A", "--all-sheets").Exit);
        Assert.Equal(2, Run("catalogue", "import", Temp("a.csv"), "--out", Temp("x"), "--sheet", "A").Exit);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_a_zip_bomb_and_a_huge_file_are_refused_before_they_are_read()
    {
        var csv = Temp("renamed.xlsx");
        File.WriteAllText(csv, "domain,skill,role,level,necessity,description\n");
        AssertRefused(csv, "is not an .xlsx workbook");

        var zip = Temp("other.xlsx");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            entry.Write("hello");
        }
        AssertRefused(zip, "not an Excel workbook");

        // 300 MB of one repeated row compresses to well under a megabyte.
        var bomb = Temp("bomb.xlsx");
        using (var archive = ZipFile.Open(bomb, ZipArchiveMode.Create))
        {
            using (var workbook = new StreamWriter(archive.CreateEntry("xl/workbook.xml").Open()))
            {
                workbook.Write("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
            }
            using var sheet = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var row = Encoding.UTF8.GetBytes(new string(' ', 1024 * 1024));
            for (var i = 0; i < 300; i++)
            {
                sheet.Write(row);
            }
        }
        Assert.True(new FileInfo(bomb).Length < 2 * 1024 * 1024);
        AssertRefused(bomb, "is it a zip bomb?");

        var huge = Temp("huge.xlsx");
        using (var file = File.Create(huge))
        {
            file.SetLength(33L * 1024 * 1024);
        }
        AssertRefused(huge, "a workbook may be at most 32 MB");
    }
}
