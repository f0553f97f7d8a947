using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using SkillBot.Core.Catalogue;

namespace SkillBot.Core.Tests;

public sealed class CsvImportTests
{
    private const string Header = "domain,skill,role,level,necessity,description\n";

    private static CsvImportResult Imported(string csv)
    {
        var result = CsvImport.Import(csv);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result;
    }

    private static string[] Problems(string csv)
    {
        var result = CsvImport.Import(csv);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Files);
        return [.. result.Problems.Select(p => p.ToString())];
    }

    private static SkillCatalogue LoadBack(CsvImportResult result)
    {
        var loaded = CatalogueLoader.Load(result.Files);
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Problems) + "\n" +
            string.Join("\n", result.Files.Select(f => $"== {f.Path}\n{f.Text}")));
        return loaded.Catalogue!;
    }

    /// <summary>RFC 4180 quoting, every field quoted, the way spreadsheets export.</summary>
    private static string CsvLine(params string[] fields) =>
        string.Join(',', fields.Select(f => "\"" + f.Replace("\"", "\"\"") + "\"")) + "\r\n";

    private static Expectation? At(SkillCatalogue catalogue, string skill, string role, string level) =>
        catalogue.FindSkill(skill)!.For(catalogue.FindRole(role)!)!.At(catalogue.FindLevel(level)!);

    [Fact]
    public void The_seed_row_becomes_a_readable_skill_file()
    {
        var result = Imported(Header +
            "Machine Learning & AI,Deep Learning,Data Scientist,Junior,optional,\"Understands the fundamentals of Deep Learning. Applies basic practices in daily work. Follows recommendations from the team and documentation.\"\n" +
            "Machine Learning & AI,Deep Learning,LLM Engineer,Senior,required,\"Designs custom training loops for LLM: mixed precision, gradient accumulation.\"\n");
        Assert.Equal(["levels.yaml", "roles.yaml", "skills/machine-learning-ai/deep-learning.yaml"], result.Files.Select(f => f.Path));
        Assert.Equal(2, result.Rows);
        Assert.Equal("""
            # yaml-language-server: $schema=../../schemas/skill.schema.json
            skill: Deep Learning
            domain: Machine Learning & AI
            roles:
              Data Scientist:
                Junior:
                  necessity: optional
                  description: >-
                    Understands the fundamentals of Deep Learning. Applies basic practices in daily work.
                    Follows recommendations from the team and documentation.
              LLM Engineer:
                Senior:
                  necessity: required
                  description: >-
                    Designs custom training loops for LLM: mixed precision, gradient accumulation.

            """, result.Files[2].Text);
        Assert.Equal("""
            # yaml-language-server: $schema=schemas/roles.schema.json
            # Add aliases (e.g. aliases: [DS, data science]) so people can name a role their own way.
            roles:
              - name: Data Scientist
              - name: LLM Engineer

            """, result.Files[1].Text);
        Assert.All(result.Files[2].Text.Split('\n'), line => Assert.True(line.Length <= 100, line));
        Assert.StartsWith("# yaml-language-server: $schema=schemas/levels.schema.json\n", result.Files[0].Text);
        Assert.Contains("  - name: Junior\n    aliases: [jr, junior, entry level, L1, 初级]\n", result.Files[0].Text);

        var catalogue = LoadBack(result);
        Assert.Equal(Necessity.Required, At(catalogue, "Deep Learning", "LLM Engineer", "Senior")!.Necessity);
        Assert.Null(At(catalogue, "Deep Learning", "LLM Engineer", "Junior"));
        Assert.Equal(CatalogueLoader.DefaultLadder.Select(l => l.Name), catalogue.Levels.Select(l => l.Name));
    }

    [Fact]
    public void Awkward_text_loads_back_exactly()
    {
        (string Domain, string Skill, string Role, string Level, string Necessity, string Description)[] rows =
        [
            ("Machine Learning & AI", "Deep Learning", "Data Scientist", "Junior", "optional", "Plain text."),
            ("Machine Learning & AI", "Deep Learning", "Data Scientist", "mid", "Required", "Key: value, and \"quotes\" and 'single' ones # not a comment"),
            ("Machine Learning & AI", "Deep Learning", "Data Scientist", "L3", "", "- starts like a list item"),
            ("Machine Learning & AI", "Deep Learning", "Data Scientist", "Lead", "optional", "# starts like a comment"),
            ("Machine Learning & AI", "Deep Learning", "Data Scientist", "首席", "optional", "理解深度学习的基础知识。在日常工作中应用基本实践：遵循团队建议。"),
            ("Machine Learning & AI", "Deep Learning", "大语言模型工程师", "高级", "optional", "Line one.\nLine two: indented below.\n\n  - a bullet\n  - another\n\nLast line with emoji 🚀 and café."),
            ("Machine Learning & AI", "Deep Learning", "大语言模型工程师", "Junior", "optional", "Tabs\tinside, a backslash \\ and a trailing space before the break \nnext line"),
            ("Machine Learning & AI", "Deep Learning", "大语言模型工程师", "Middle", "optional", "null"),
            ("Machine Learning & AI", "Deep Learning", "大语言模型工程师", "Lead", "optional", "{not: a mapping}, [not a list], *not an alias, &not an anchor, !not a tag, %not a directive, @ and `"),
            ("Machine Learning & AI", "Deep Learning", "大语言模型工程师", "Principal", "optional", "|\n> block indicators at the start"),
            ("\"Quoted\" domain: yes", "C#", "null", "jr", "optional", "---\n..."),
            ("\"Quoted\" domain: yes", "C++", "yes", "junior", "optional", "A very long line " + string.Concat(Enumerable.Repeat("with many  double  spaces and words ", 12)) + "end."),
            ("\"Quoted\" domain: yes", "- dash skill", "123", "jr", "optional", "Control \u0001 char, NEL \u0085, line separator \u2028, BOM \uFEFF, non-breaking\u00A0space."),
            ("Maths", "Statistics: Applied #1", "Role with 'apostrophe's", "senior", "required", "x"),
        ];
        var csv = "\uFEFF" + CsvLine("domain", "skill", "role", "level", "necessity", "description")
            + string.Concat(rows.Select(r => CsvLine(r.Domain, r.Skill, r.Role, r.Level, r.Necessity, r.Description)));

        var result = Imported(csv);
        var catalogue = LoadBack(result);

        Assert.Equal(rows.Length, result.Rows);
        Assert.Equal(["- dash skill", "C#", "C++", "Deep Learning", "Statistics: Applied #1"], catalogue.Skills.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["Data Scientist", "大语言模型工程师", "null", "yes", "123", "Role with 'apostrophe's"], catalogue.Roles.Select(r => r.Name));
        foreach (var row in rows)
        {
            var skill = catalogue.FindSkill(row.Skill)!;
            Assert.Equal(row.Domain, skill.Domain);
            var expectation = skill.For(catalogue.FindRole(row.Role)!)!.ByLevel.Single(e => e is not null && LevelMatches(e.Level, row.Level) )!;
            Assert.Equal(row.Description, expectation.Description);
            Assert.Equal(row.Necessity.Equals("required", StringComparison.OrdinalIgnoreCase) ? Necessity.Required : Necessity.Optional, expectation.Necessity);
        }
        Assert.Equal(rows.Length, catalogue.Skills.Sum(s => s.Roles.Sum(r => r.ByLevel.Count(e => e is not null))));

        // Slugs keep letters of any script; names that slug alike get distinct files.
        Assert.Equal(
            ["levels.yaml", "roles.yaml", "skills/machine-learning-ai/deep-learning.yaml", "skills/quoted-domain-yes/c.yaml",
             "skills/quoted-domain-yes/c-2.yaml", "skills/quoted-domain-yes/dash-skill.yaml", "skills/maths/statistics-applied-1.yaml"],
            result.Files.Select(f => f.Path));
    }

    private static bool LevelMatches(Level level, string name) =>
        level.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || level.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Any_description_loads_back_exactly()
    {
        // Text from characters that YAML and CSV both treat specially, plus a sprinkle of everything else.
        var awkward = Gen.Char["\"'\\:#-[]{},&*!|>%@`?~ \t\r\n\u0085\u2028\u00A0\uFEFF\u0000\u0007abcXYZ019深度学习é"];
        // Printable text without tabs mostly fits a block scalar (|- or >-), which has rules of its own.
        var word = Gen.Char["abcdefgh.#:-'\"[]{}>|*&!%@深度🚀"].Array[1, 12].Select(c => new string(c));
        var blockable = Gen.Select(word, Gen.OneOfConst(" ", " ", " ", "\n", "\n\n", "  ")).Array[1, 60]
            .Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)));
        var text = Gen.OneOf(Gen.OneOf(awkward, Gen.Char).Array[1, 120].Select(chars => new string(chars)), blockable);
        text.Sample(description =>
        {
            // CSV line breaks inside quotes are read as "\n"; the catalogue trims descriptions.
            // Half a surrogate pair is not text (no UTF-8 file holds one): it becomes U+FFFD.
            // A leading apostrophe before a formula character is a spreadsheet's "this is text" mark, and import drops it.
            var expected = SpreadsheetText.Unguard(Regex.Replace(description, "\r\n|\r", "\n").Trim()).Trim();
            expected = Regex.Replace(expected, @"[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]", "\uFFFD");
            if (expected.Length == 0)
            {
                return;
            }
            var result = CsvImport.Import(Header + CsvLine("ML", "Deep Learning", "Data Scientist", "Senior", "required", description));
            var catalogue = LoadBack(result);
            Assert.Equal(expected, At(catalogue, "Deep Learning", "Data Scientist", "Senior")!.Description);
        }, iter: 1000);
    }

    [Fact]
    public void Crlf_lf_bom_quoted_fields_and_any_column_order_are_read()
    {
        var csv = "\uFEFFDescription , Level,ROLE,skill,Necessity,Domain\r\n"
            + "\"Multi-line\r\ndescription, with \"\"quotes\"\"\",Junior,Data Scientist,Deep Learning,,ML\r\n"
            + "\r\n"
            + "Simple,Middle,Data Scientist,deep learning,optional,ML\n"
            + "\"Last, no line break\",senior,DATA SCIENTIST,Deep-Learning,required,ml";
        var result = Imported(csv);
        Assert.Equal(3, result.Rows);
        var catalogue = LoadBack(result);
        var skill = Assert.Single(catalogue.Skills);
        Assert.Equal("Deep Learning", skill.Name);
        Assert.Equal("ML", skill.Domain);
        Assert.Equal("Data Scientist", Assert.Single(catalogue.Roles).Name);
        Assert.Equal("Multi-line\ndescription, with \"quotes\"", At(catalogue, "Deep Learning", "Data Scientist", "Junior")!.Description);
        Assert.Equal(Necessity.Optional, At(catalogue, "Deep Learning", "Data Scientist", "Junior")!.Necessity);
        Assert.Equal("Last, no line break", At(catalogue, "Deep Learning", "Data Scientist", "Senior")!.Description);
    }

    [Fact]
    public void Header_problems_are_reported_on_line_1()
    {
        Assert.Equal(
            [
                "line 1: unknown column 'descripton' in the header (expected domain,skill,role,level,necessity,description; optionally skill aliases, role aliases, updated, examples, owners, role description, track, track aliases, level aliases)",
                "line 1: column 'role' appears twice in the header",
                "line 1: missing column 'level' in the header (expected domain,skill,role,level,necessity,description; optionally skill aliases, role aliases, updated, examples, owners, role description, track, track aliases, level aliases)",
                "line 1: missing column 'description' in the header (expected domain,skill,role,level,necessity,description; optionally skill aliases, role aliases, updated, examples, owners, role description, track, track aliases, level aliases)",
            ],
            Problems("domain,skill,role,role,necessity,descripton\nML,DL,DS,DS,optional,x\n"));
        Assert.Equal(["line 1: no header row: the first line must be domain,skill,role,level,necessity,description"], Problems(""));
        Assert.Equal(["line 1: no header row: the first line must be domain,skill,role,level,necessity,description"], Problems("\uFEFF\r\n\r\n"));
    }

    [Fact]
    public void Without_a_track_column_the_default_ladder_is_written_as_before()
    {
        var result = Imported(Header + CsvLine("ML", "Deep Learning", "Data Scientist", "sr", "required", "Designs."));
        Assert.StartsWith("# yaml-language-server: $schema=schemas/levels.schema.json\n# The ladder", result.Files.Single(f => f.Path == "levels.yaml").Text);
        Assert.False(LoadBack(result).HasTracks);
    }

    private const string TrackHeader = "domain,skill,role,level,necessity,description,track,track aliases,level aliases,role description\n";

    [Fact]
    public void A_track_column_gives_each_track_its_own_ladder_in_the_order_the_rows_list_it()
    {
        // System Design names Engineer 2 first, Code Review then puts Engineer 1 below it: the rows' order wins over first mention.
        var result = Imported(TrackHeader
            + "Eng,System Design,SWE,Engineer 2,required,Designs a component.,IC,individual contributor,IC2,Builds software.\n"
            + "Eng,System Design,SWE,Senior Engineer,required,Designs a system.,IC,,IC3,\n"
            + "Eng,Code Review,SWE,Engineer 1,required,Reviews small changes.,ic,,IC1,\n"
            + "Eng,Code Review,SWE,Engineer 2,optional,Reviews changes.,IC,,,\n"
            + "Eng,Code Review,Engineering Manager,Manager 1,required,Makes reviews happen.,Management,M,M1,Leads a team.\n"
            + "Eng,Code Review,Engineering Manager,Director,required,Sets the review culture.,Management,,M2,\n");
        var catalogue = LoadBack(result);
        Assert.True(catalogue.HasTracks);
        Assert.Equal(["IC", "Management"], catalogue.Tracks.Select(t => t.Name));
        Assert.Equal(["individual contributor"], catalogue.Tracks[0].Aliases.ToArray());
        Assert.Equal(["Engineer 1", "Engineer 2", "Senior Engineer"], catalogue.LevelsOf(catalogue.Tracks[0]).Select(l => l.Name));
        Assert.Equal(["Manager 1", "Director"], catalogue.LevelsOf(catalogue.Tracks[1]).Select(l => l.Name));
        Assert.Equal(["IC1"], catalogue.FindLevel("Engineer 1")!.Aliases.ToArray());
        Assert.Equal("Management", catalogue.FindRole("Engineering Manager")!.Track.Name);
        Assert.Equal(("IC", "Builds software."), (catalogue.FindRole("SWE")!.Track.Name, catalogue.FindRole("SWE")!.Description));
        Assert.Equal(["M2"], catalogue.FindLevel("Director")!.Aliases.ToArray());
        Assert.Equal("Sets the review culture.", At(catalogue, "Code Review", "Engineering Manager", "Director")!.Description);
        Assert.Contains("tracks:\n  - name: IC\n", result.Files.Single(f => f.Path == "levels.yaml").Text);
    }

    [Fact]
    public void Rows_that_disagree_about_tracks_are_named_by_line()
    {
        Assert.Equal(
            [
                "line 3: track is empty",
                "line 4: level 'Manager 1' is on track 'Management' on line 2 but on track 'IC' here: a level belongs to one track",
                "line 5: tracks of SWE (a role is on one track) differ from line 2: give them the same on every row, or leave the cell empty",
            ],
            Problems(TrackHeader
                + "Eng,Code Review,SWE,Manager 1,required,x,Management,,,\n"
                + "Eng,Code Review,SWE,Engineer 1,required,x,,,,\n"
                + "Eng,System Design,EM,Manager 1,required,x,IC,,,\n"
                + "Eng,System Design,SWE,Engineer 1,required,x,IC,,,\n"));
        Assert.Equal(
            ["line 2: the rows list the levels of track 'IC' in orders that disagree: give each skill's rows for a role lowest level first, in the same order in every skill"],
            Problems(TrackHeader
                + "Eng,Code Review,SWE,Engineer 1,required,x,IC,,,\n"
                + "Eng,Code Review,SWE,Engineer 2,required,x,IC,,,\n"
                + "Eng,System Design,SWE,Engineer 2,required,x,IC,,,\n"
                + "Eng,System Design,SWE,Engineer 1,required,x,IC,,,\n"));
        Assert.Equal(
            ["line 2: level aliases are given, but no row gives a track: give each row its role's track, or leave level aliases empty (the default ladder has its own aliases)"],
            Problems(TrackHeader + "Eng,Code Review,SWE,Junior,required,x,,,J1,\n"));
    }

    [Fact]
    public void An_owners_column_gives_a_skill_its_owners_separated_like_aliases_and_checks_their_shape()
    {
        const string header = "domain,skill,role,level,necessity,description,owners\n";
        var catalogue = LoadBack(Imported(header
            + "ML,Deep Learning,Data Scientist,Junior,optional,x,U0123ABCD; ana@example.com\n"
            + "ML,Deep Learning,Data Scientist,Middle,optional,y,\n"));
        Assert.Equal(["U0123ABCD", "ana@example.com"], catalogue.Skills[0].Owners.ToArray());
        Assert.Equal(
            [
                "line 2: owners: 'ana at example' is not " + Owners.Shapes + "; separate owners with ';'",
                "line 4: owners of Deep Learning differ from line 3: give them the same on every row, or leave the cell empty",
            ],
            Problems(header
                + "ML,Deep Learning,Data Scientist,Junior,optional,x,U0123ABCD; ana at example\n"
                + "ML,Deep Learning,Data Scientist,Middle,optional,x,U0123ABCD\n"
                + "ML,Deep Learning,Data Scientist,Senior,optional,x,W0123ABCD\n"));
    }

    [Fact]
    public void A_header_without_rows_is_reported()
    {
        Assert.Equal(["line 1: no rows below the header"], Problems(Header));
    }

    [Fact]
    public void Every_bad_row_is_reported_by_its_line_number()
    {
        var csv = Header                                                           // line 1
            + "ML,Deep Learning,Data Scientist,Junior,optional,Fine\n"             // 2
            + "ML,Deep Learning,Data Scientist,Middle,optional\n"                  // 3 too few fields
            + "ML,Deep Learning,Data Scientist,Senior,optional,a,b\n"              // 4 too many
            + ",,,,,\n"                                                           // 5 all empty
            + "ML,Deep Learning,Data Scientist,Expert,optional,x\n"               // 6 unknown level
            + "ML,Deep Learning,Data Scientist,Lead,mandatory,x\n"                // 7 bad necessity
            + "ML,Deep Learning,Data Scientist,\"Principal\",optional,\"two\nlines\"\n" // 8-9 (fine)
            + "ML,deep learning,Data Scientist,jr,optional,again\n"               // 10 same as line 2
            + "Maths,Deep Learning,LLM Engineer,Junior,optional,x\n"              // 11 other domain
            + "ML,---,Data Scientist,Junior,optional,x\n"                          // 12 no letters
            + "ML,Deep Learning,\"Data\nScientist\",Middle,optional,x\n"          // 13-14 two-line role
            + "ML,Deep Learning,Data Scientist,Middle,optional,\"  \"\n"          // 15 blank description
            + "ML,Deep Learning,Data Scientist,Middle,optional,x\"y\n"           // 16 stray quote
            + "ML,Deep Learning,Data Scientist,Middle,optional,\"x\"y\n"         // 17 text after quote
            + "ML,Deep Learning,Data Scientist,Middle,optional,\"never closed\n" // 18
            + "ML,Deep Learning,Data Scientist,Middle,optional,x\n";              // 19 (inside the open quote)
        Assert.Equal(
            [
                "line 3: expected 6 fields (domain,skill,role,level,necessity,description), found 5",
                "line 4: expected 6 fields (domain,skill,role,level,necessity,description), found 7",
                "line 5: domain is empty",
                "line 5: skill is empty",
                "line 5: role is empty",
                "line 5: level is empty",
                "line 5: description is empty",
                "line 6: unknown level 'Expert' (the ladder is Junior, Middle, Senior, Lead, Principal; aliases such as jr, mid, sr and L1-L5 work too)",
                "line 7: necessity must be required or optional (or empty for optional), not 'mandatory'",
                "line 10: Deep Learning / Data Scientist / Junior is already given on line 2",
                "line 11: skill 'Deep Learning' is in domain 'ML' on line 2 but in 'Maths' here: a skill belongs to one domain",
                "line 12: skill '---' has no letters or digits",
                "line 13: role 'Data Scientist' must be on one line",
                "line 15: description is empty",
                "line 16: a quote inside an unquoted field: put the whole field in quotes and double the quote (\"\")",
                "line 17: unexpected text after a closing quote: a quoted field must end at a comma or the end of the line",
                "line 18: a quoted field opened on line 18 is never closed",
            ],
            Problems(csv));
    }

    [Fact]
    public void An_over_long_name_is_reported()
    {
        var role = new string('r', CsvImport.MaxNameLength + 1);
        Assert.Equal([$"line 2: role is 201 characters long; a name has at most 200"], Problems(Header + $"ML,DL,{role},Junior,,x\n"));
    }

    [Theory]
    [InlineData("Deep Learning", "deep-learning")]
    [InlineData("Machine Learning & AI", "machine-learning-ai")]
    [InlineData("深度学习", "深度学习")]
    [InlineData("C#", "c")]
    [InlineData("Ｆｕｌｌ　Ｗｉｄｔｈ", "full-width")]
    [InlineData("!!!", "fallback")]
    public void Slugs_are_lower_case_letters_and_digits_joined_by_dashes(string name, string slug)
    {
        Assert.Equal(slug, CsvImport.Slug(name, "fallback"));
    }

    [Fact]
    public void Thousands_of_names_that_slug_alike_get_unique_file_names_in_order()
    {
        // Slugs are cut at 60 characters, so all of these share one: each needs a number of its own.
        const int count = 3000;
        const string prefix = "Advanced distributed systems engineering practice for large organisations";
        var csv = new StringBuilder(Header);
        for (var i = 1; i <= count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Engineering,{prefix} {i},Engineer,Junior,,Does part {i}.\n");
        }

        var result = Imported(csv.ToString());
        var paths = result.Files.Skip(2).Select(f => f.Path).ToList();
        const string slug = "skills/engineering/advanced-distributed-systems-engineering-practice-for-large";
        Assert.Equal(count, paths.Count);
        Assert.Equal(count, paths.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal([$"{slug}.yaml", $"{slug}-2.yaml", $"{slug}-3.yaml"], paths.Take(3));
        Assert.Equal($"{slug}-{count}.yaml", paths[^1]);
        Assert.Equal(paths, Imported(csv.ToString()).Files.Skip(2).Select(f => f.Path)); // the same CSV, the same files
        Assert.Equal(count, LoadBack(result).Skills.Length);
    }

    [Fact]
    public void Unique_paths_are_found_in_one_pass_however_many_names_collide()
    {
        // Counting from 2 for every name (as before) tried n²/2 paths for n names alike: 4.5 million here.
        var paths = new CsvImport.UniquePaths();
        var claimed = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            claimed.Add(paths.Claim("skills/d/same"));
            if (i % 100 == 0)
            {
                claimed.Add(paths.Claim($"skills/d/same-{i + 5}")); // a name that looks like a numbered one takes that number first
            }
        }
        Assert.Equal(claimed.Count, claimed.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("skills/d/same-5.yaml", claimed);
        Assert.InRange(paths.Probes, claimed.Count, 2 * claimed.Count);
    }
}
