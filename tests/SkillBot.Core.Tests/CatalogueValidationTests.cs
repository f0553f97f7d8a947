using CsCheck;
using SkillBot.Core.Catalogue;

namespace SkillBot.Core.Tests;

/// <summary>Every validation rule of catalogue-format.md, each with the place it is reported at.</summary>
public sealed class CatalogueValidationTests
{
    private const string DeepLearning = """
        skill: Deep Learning
        domain: Machine Learning & AI
        roles:
          Data Scientist:
            Junior:
              description: Knows the basics.
        """;

    private const string Statistics = """
        skill: Statistics
        domain: Mathematics
        roles:
          Data Scientist:
            Middle:
              necessity: required
              description: Designs experiments.
        """;

    private static CatalogueFile File(string path, string text) => new(path, text);

    private static string[] Problems(params CatalogueFile[] files)
    {
        var result = CatalogueLoader.Load(files);
        Assert.False(result.Succeeded);
        Assert.Null(result.Catalogue);
        Assert.NotEmpty(result.Problems);
        return [.. result.Problems.Select(p => p.ToString())];
    }

    private static SkillCatalogue Loads(params CatalogueFile[] files)
    {
        var result = CatalogueLoader.Load(files);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Empty(result.Problems);
        return result.Catalogue!;
    }

    [Fact]
    public void A_minimal_skill_file_loads()
    {
        var catalogue = Loads(File("skills/dl.yaml", DeepLearning));
        var skill = Assert.Single(catalogue.Skills);
        Assert.Equal("Deep Learning", skill.Name);
        Assert.Equal("Machine Learning & AI", skill.Domain);
        var junior = skill.For(catalogue.FindRole("Data Scientist")!)!.At(catalogue.FindLevel("Junior")!);
        Assert.Equal(new Expectation(catalogue.FindLevel("Junior")!, Necessity.Optional, "Knows the basics."), junior);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_at_its_line_and_column()
    {
        var problems = Problems(File("skills/dl.yaml", """
            skill: Deep Learning
            domain: [Machine Learning
            roles: {}
            """));
        Assert.Equal(["skills/dl.yaml:2:9: YAML syntax: the file ends inside an unclosed '[' or '{'"], problems);
    }

    [Fact]
    public void A_duplicate_key_is_a_yaml_problem_at_the_second_key()
    {
        var problem = Assert.Single(Problems(File("skills/dl.yaml", """
            skill: Deep Learning
            domain: ML
            skill: Again
            roles:
              DS:
                Junior:
                  description: x
            """)));
        Assert.Equal("skills/dl.yaml:3:1: YAML syntax: the key 'skill' is given twice in one mapping", problem);
    }

    [Theory]
    [InlineData("skill", "skills/s.yaml:1:1: missing required field 'skill'")]
    [InlineData("domain", "skills/s.yaml:1:1: missing required field 'domain'")]
    [InlineData("roles", "skills/s.yaml:1:1: missing required field 'roles'")]
    public void A_missing_required_field_of_a_skill_is_reported(string field, string expected)
    {
        var lines = DeepLearning.Split('\n').ToList();
        var text = field == "roles"
            ? string.Join('\n', lines.Take(2))
            : string.Join('\n', lines.Where(l => !l.StartsWith(field + ":", StringComparison.Ordinal)));
        var problems = Problems(File("skills/s.yaml", text));
        Assert.Contains(expected, problems);
    }

    [Fact]
    public void A_missing_description_is_reported_at_the_level()
    {
        var problems = Problems(File("skills/s.yaml", """
            skill: Deep Learning
            domain: ML
            roles:
              Data Scientist:
                Junior:
                  necessity: required
            """));
        Assert.Equal(["skills/s.yaml:6:7: missing required field 'description'"], problems);
    }

    [Fact]
    public void A_missing_name_in_levels_or_roles_is_reported()
    {
        var problems = Problems(
            File("levels.yaml", """
                levels:
                  - name: Junior
                  - aliases: [mid]
                """),
            File("roles.yaml", """
                roles:
                  - aliases: [DS]
                """),
            File("skills/dl.yaml", DeepLearning));
        Assert.Equal(
            ["levels.yaml:3:5: missing required field 'name'", "roles.yaml:2:5: missing required field 'name'"],
            problems);
    }

    [Fact]
    public void An_unknown_level_names_the_ladder()
    {
        var problems = Problems(File("skills/dl.yaml", """
            skill: Deep Learning
            domain: ML
            roles:
              Data Scientist:
                Expert:
                  description: Knows everything.
            """));
        Assert.Equal(["skills/dl.yaml:5:5: unknown level 'Expert' (the ladder is Junior, Middle, Senior, Lead, Principal)"], problems);
    }

    [Fact]
    public void A_skill_name_used_twice_is_reported_whatever_the_case()
    {
        var problems = Problems(
            File("skills/a.yaml", DeepLearning),
            File("skills/b.yaml", DeepLearning.Replace("skill: Deep Learning", "skill: deep LEARNING")));
        Assert.Equal(["skills/b.yaml:1:8: skill name 'deep LEARNING' is used twice (also in skills/a.yaml)"], problems);
    }

    [Fact]
    public void An_alias_claimed_by_two_skills_is_reported()
    {
        var problems = Problems(
            File("skills/a.yaml", DeepLearning.Replace("domain:", "aliases: [DL, neural nets]\ndomain:")),
            File("skills/b.yaml", Statistics.Replace("domain:", "aliases: [stats, dl]\ndomain:")));
        Assert.Equal(["skills/b.yaml:1:8: 'dl' is claimed by skill 'Deep Learning' (skills/a.yaml) and skill 'Statistics'"], problems);
    }

    [Fact]
    public void A_skill_alias_that_is_another_skills_name_is_reported()
    {
        var problems = Problems(
            File("skills/a.yaml", DeepLearning),
            File("skills/b.yaml", Statistics.Replace("domain:", "aliases: [Deep-Learning]\ndomain:")));
        Assert.Equal(["skills/b.yaml:1:8: 'deep learning' is claimed by skill 'Deep Learning' (skills/a.yaml) and skill 'Statistics'"], problems);
    }

    [Fact]
    public void An_alias_claimed_by_two_roles_is_reported()
    {
        var problems = Problems(
            File("roles.yaml", """
                roles:
                  - name: Data Scientist
                    aliases: [DS, scientist]
                  - name: Data Steward
                    aliases: [ds]
                """),
            File("skills/dl.yaml", DeepLearning));
        Assert.Equal(["roles.yaml:4:11: 'ds' is claimed by role 'Data Scientist' and role 'Data Steward'"], problems);
    }

    [Fact]
    public void An_alias_claimed_by_two_levels_is_reported()
    {
        var problems = Problems(
            File("levels.yaml", """
                levels:
                  - name: Junior
                    aliases: [jr, L1]
                  - name: Senior
                    aliases: [sr, JR]
                """),
            File("skills/dl.yaml", DeepLearning));
        Assert.Equal(["levels.yaml:4:11: 'jr' is claimed by level 'Junior' and level 'Senior'"], problems);
    }

    [Fact]
    public void A_role_or_level_named_twice_is_reported()
    {
        var problems = Problems(
            File("levels.yaml", """
                levels:
                  - name: Junior
                  - name: junior
                """),
            File("roles.yaml", """
                roles:
                  - name: Data Scientist
                  - name: data scientist
                """),
            File("skills/dl.yaml", DeepLearning));
        Assert.Equal(
            [
                "levels.yaml:3:11: 'junior' is claimed by level 'Junior' and level 'junior'",
                "roles.yaml:3:11: 'data scientist' is claimed by role 'Data Scientist' and role 'data scientist'",
            ],
            problems);
    }

    [Theory]
    [InlineData("description: ''", 20)]
    [InlineData("description: '   '", 20)]
    [InlineData("description:", 19)]
    [InlineData("description: >-\n        ", 20)]
    public void An_empty_description_is_reported(string line, int column)
    {
        var problems = Problems(File("skills/dl.yaml", DeepLearning.Replace("description: Knows the basics.", line)));
        Assert.Equal([$"skills/dl.yaml:6:{column}: description must not be empty"], problems);
    }

    [Fact]
    public void A_syntax_error_inside_a_line_is_reported_where_the_parser_stops()
    {
        var problems = Problems(File("skills/dl.yaml", """
            skill: Deep Learning
            domain: ML
            roles:
              Data Scientist:
                Junior:
                  description: "unterminated
            """));
        var problem = Assert.Single(problems);
        Assert.StartsWith("skills/dl.yaml:6:20: YAML syntax: While scanning a quoted scalar", problem); // where the quote opens
    }

    [Fact]
    public void A_description_that_is_not_text_is_reported()
    {
        var problems = Problems(File("skills/dl.yaml", DeepLearning.Replace("description: Knows the basics.", "description: [a, b]")));
        Assert.Equal(["skills/dl.yaml:6:20: description must be text"], problems);
    }

    [Theory]
    [InlineData("mandatory")]
    [InlineData("Required")]
    [InlineData("''")]
    public void A_necessity_other_than_required_or_optional_is_reported(string necessity)
    {
        var problems = Problems(File("skills/dl.yaml", DeepLearning.Replace(
            "      description: Knows the basics.",
            $"      necessity: {necessity}\n      description: Knows the basics.")));
        var problem = Assert.Single(problems);
        Assert.StartsWith("skills/dl.yaml:6:18: necessity must be 'required' or 'optional', not '", problem);
    }

    [Fact]
    public void Necessity_defaults_to_optional_and_required_is_read()
    {
        var catalogue = Loads(File("skills/dl.yaml", DeepLearning), File("skills/st.yaml", Statistics));
        var ds = catalogue.FindRole("Data Scientist")!;
        Assert.Equal(Necessity.Optional, catalogue.FindSkill("Deep Learning")!.For(ds)!.At(catalogue.Levels[0])!.Necessity);
        Assert.Equal(Necessity.Required, catalogue.FindSkill("Statistics")!.For(ds)!.At(catalogue.Levels[1])!.Necessity);
    }

    [Fact]
    public void A_typo_in_a_key_is_an_unknown_key_everywhere()
    {
        var problems = Problems(
            File("levels.yaml", """
                levels:
                  - name: Junior
                    alias: [jr]
                """),
            File("roles.yaml", """
                roles:
                  - name: Data Scientist
                rolse: []
                """),
            File("skills/dl.yaml", """
                skill: Deep Learning
                domain: ML
                updatd: 2026-01-01
                roles:
                  Data Scientist:
                    Junior:
                      descripton: Knows the basics.
                      description: Knows the basics.
                """));
        Assert.Equal(
            [
                "levels.yaml:3:5: unknown key 'alias' (expected name, aliases)",
                "roles.yaml:3:1: unknown key 'rolse' (expected roles)",
                "skills/dl.yaml:3:1: unknown key 'updatd' (expected skill, domain, aliases, updated, roles)",
                "skills/dl.yaml:7:7: unknown key 'descripton' (expected necessity, description)",
            ],
            problems);
    }

    [Fact]
    public void A_typo_in_the_only_key_of_levels_or_roles_is_reported()
    {
        var problems = Problems(
            File("levels.yaml", "level:\n  - name: Junior\n"),
            File("skills/dl.yaml", DeepLearning));
        // The skill file's levels are not reported as unknown too: with no ladder, every level would be.
        Assert.Equal(["levels.yaml:1:1: unknown key 'level' (expected levels)", "levels.yaml:1:1: missing required field 'levels'"], problems);
    }

    [Fact]
    public void Wrong_types_are_reported_where_they_are()
    {
        var problems = Problems(
            File("roles.yaml", """
                roles:
                  - name: Data Scientist
                    aliases: DS
                  - just a name
                """),
            File("skills/a.yaml", """
                skill: Deep Learning
                domain: ML
                aliases: DL
                roles:
                  - Data Scientist
                """),
            File("skills/b.yaml", """
                skill: [Statistics]
                domain: Mathematics
                roles:
                  Data Scientist: Junior
                """),
            File("skills/c.yaml", """
                - skill: Algebra
                """));
        Assert.Equal(
            [
                "roles.yaml:3:14: 'aliases' must be a list, such as [DL, deep-learning]",
                "roles.yaml:4:5: each role must be a mapping with 'name' (and optionally 'aliases')",
                "skills/a.yaml:3:10: 'aliases' must be a list, such as [DL, deep-learning]",
                "skills/a.yaml:5:3: 'roles' must be a mapping of role name to levels",
                "skills/b.yaml:1:8: 'skill' must be text",
                "skills/b.yaml:4:19: role 'Data Scientist' must map level names to expectations",
                "skills/c.yaml:1:1: a skill file must be a mapping with skill, domain and roles",
            ],
            problems);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("22.02.2026")]
    [InlineData("2026-2-22")]
    [InlineData("yesterday")]
    [InlineData("[2026-02-22]")]
    public void A_bad_updated_date_is_reported(string updated)
    {
        var problems = Problems(File("skills/dl.yaml", DeepLearning.Replace("roles:", $"updated: {updated}\nroles:")));
        Assert.Equal(["skills/dl.yaml:3:10: 'updated' must be an ISO date such as 2026-02-22"], problems);
    }

    [Fact]
    public void An_iso_updated_date_is_read()
    {
        var catalogue = Loads(File("skills/dl.yaml", DeepLearning.Replace("roles:", "updated: 2024-02-29\nroles:")));
        Assert.Equal(new DateOnly(2024, 2, 29), catalogue.Skills[0].Updated);
    }

    [Fact]
    public void A_role_listed_twice_in_a_skill_by_name_and_alias_is_reported()
    {
        var problems = Problems(
            File("roles.yaml", "roles:\n  - name: Data Scientist\n    aliases: [DS]\n"),
            File("skills/dl.yaml", """
                skill: Deep Learning
                domain: ML
                roles:
                  Data Scientist:
                    Junior:
                      description: a
                  ds:
                    Middle:
                      description: b
                """));
        Assert.Equal(["skills/dl.yaml:7:3: role 'Data Scientist' is listed twice in this skill"], problems);
    }

    [Fact]
    public void A_level_given_twice_for_a_role_by_name_and_alias_is_reported()
    {
        var problems = Problems(File("skills/dl.yaml", """
            skill: Deep Learning
            domain: ML
            roles:
              Data Scientist:
                Junior:
                  description: a
                JR:
                  description: b
            """));
        Assert.Equal(["skills/dl.yaml:7:5: level 'Junior' is given twice for role 'Data Scientist'"], problems);
    }

    [Fact]
    public void Expectations_under_a_bad_level_or_a_repeated_role_are_still_checked()
    {
        var problems = Problems(File("skills/dl.yaml", """
            skill: Deep Learning
            domain: ML
            roles:
              Data Scientist:
                Expert:
                  descripton: typo under an unknown level
                Junior:
                  necessity: maybe
                  description: a
                jr:
                  description: ''
              data scientist:
                Middle:
                  necessity: sometimes
            """));
        Assert.Equal(
            [
                "skills/dl.yaml:5:5: unknown level 'Expert' (the ladder is Junior, Middle, Senior, Lead, Principal)",
                "skills/dl.yaml:6:7: unknown key 'descripton' (expected necessity, description)",
                "skills/dl.yaml:6:7: missing required field 'description'",
                "skills/dl.yaml:8:18: necessity must be 'required' or 'optional', not 'maybe'",
                "skills/dl.yaml:10:5: level 'Junior' is given twice for role 'Data Scientist'",
                "skills/dl.yaml:11:20: description must not be empty",
                "skills/dl.yaml:12:3: role 'Data Scientist' is listed twice in this skill",
                "skills/dl.yaml:14:18: necessity must be 'required' or 'optional', not 'sometimes'",
                "skills/dl.yaml:14:7: missing required field 'description'",
            ],
            problems);
    }

    [Fact]
    public void A_role_or_skill_with_no_levels_is_reported()
    {
        var problems = Problems(
            File("skills/a.yaml", "skill: A\ndomain: D\nroles: {}\n"),
            File("skills/b.yaml", "skill: B\ndomain: D\nroles:\n  Data Scientist: {}\n"));
        Assert.Equal(
            [
                "skills/a.yaml:3:8: 'roles' must list at least one role",
                "skills/b.yaml:4:19: role 'Data Scientist' must map level names to expectations",
            ],
            problems);
    }

    [Fact]
    public void A_folder_without_skill_files_is_reported()
    {
        var problems = Problems(
            File("roles.yaml", "roles:\n  - name: Data Scientist\n"),
            File("dl.yaml", DeepLearning),
            File("skills/readme.md", DeepLearning));
        Assert.Equal(["skills:0:0: no skill files: add at least one skills/**/*.yaml"], problems);
    }

    [Fact]
    public void An_empty_file_is_reported()
    {
        var problems = Problems(File("skills/dl.yaml", DeepLearning), File("skills/empty.yaml", "# nothing yet\n"));
        Assert.Equal(["skills/empty.yaml:1:1: the file is empty"], problems);
    }

    [Fact]
    public void Files_outside_skills_are_ignored_and_yml_and_nested_folders_are_skill_files()
    {
        var catalogue = Loads(
            File("skills/ml/deep/dl.yml", DeepLearning),
            File("skills/maths/statistics.YAML", Statistics),
            File("notes.yaml", "this: is not a catalogue file: at all"),
            File("drafts/broken.yaml", "skill: [unclosed"),
            File("skills/README.md", "# not YAML"),
            File("schemas/skill.schema.json", "{}"));
        Assert.Equal(["Deep Learning", "Statistics"], catalogue.Skills.Select(s => s.Name).Order());
        Assert.Equal(["Machine Learning & AI", "Mathematics"], catalogue.Domains.AsEnumerable());
    }

    [Fact]
    public void A_role_used_in_a_skill_but_not_in_roles_yaml_is_still_a_role()
    {
        var catalogue = Loads(
            File("roles.yaml", "roles:\n  - name: LLM Engineer\n    aliases: [LLM eng]\n"),
            File("skills/dl.yaml", DeepLearning));
        Assert.Equal(["LLM Engineer", "Data Scientist"], catalogue.Roles.Select(r => r.Name));
        var ds = catalogue.FindRole("Data Scientist")!;
        Assert.Empty(ds.Aliases);
        Assert.Equal(["Deep Learning"], catalogue.SkillsOf(ds).Select(s => s.Name));
        Assert.Empty(catalogue.SkillsOf(catalogue.FindRole("LLM Engineer")!));
    }

    [Fact]
    public void A_role_used_by_alias_in_a_skill_file_resolves_to_the_listed_role()
    {
        var catalogue = Loads(
            File("roles.yaml", "roles:\n  - name: Data Scientist\n    aliases: [DS]\n"),
            File("skills/dl.yaml", DeepLearning.Replace("  Data Scientist:", "  ds:")));
        var role = Assert.Single(catalogue.Roles);
        Assert.Equal("Data Scientist", role.Name);
        Assert.NotNull(catalogue.FindSkill("Deep Learning")!.For(role));
    }

    [Fact]
    public void Without_levels_yaml_the_default_ladder_is_used()
    {
        var catalogue = Loads(File("skills/dl.yaml", DeepLearning));
        Assert.Equal(CatalogueLoader.DefaultLadder.Select(l => l.Name), catalogue.Levels.Select(l => l.Name));
        Assert.Equal([1, 2, 3, 4, 5], catalogue.Levels.Select(l => l.Number));
        Assert.Equal(["sr", "senior", "L3", "高级"], catalogue.FindLevel("Senior")!.Aliases.AsEnumerable());
    }

    [Fact]
    public void A_custom_ladder_replaces_the_default_one()
    {
        var catalogue = Loads(
            File("levels.yaml", """
                levels:
                  - name: Apprentice
                    aliases: [app]
                  - name: Journeyman
                  - name: Master
                    aliases: [mstr, 大师]
                """),
            File("skills/dl.yaml", """
                skill: Deep Learning
                domain: ML
                roles:
                  Data Scientist:
                    app:
                      description: a
                    Master:
                      description: c
                """));
        Assert.Equal(["Apprentice", "Journeyman", "Master"], catalogue.Levels.Select(l => l.Name));
        Assert.Equal([1, 2, 3], catalogue.Levels.Select(l => l.Number));
        Assert.Null(catalogue.FindLevel("Junior"));
        var byLevel = catalogue.Skills[0].Roles[0].ByLevel;
        Assert.Equal(["a", null, "c"], byLevel.Select(e => e?.Description));

        var problems = Problems(
            File("levels.yaml", "levels:\n  - name: Apprentice\n"),
            File("skills/dl.yaml", DeepLearning));
        Assert.Equal(["skills/dl.yaml:5:5: unknown level 'Junior' (the ladder is Apprentice)"], problems);
    }

    [Fact]
    public void An_empty_ladder_is_reported()
    {
        var problems = Problems(File("levels.yaml", "levels: []\n"), File("skills/dl.yaml", DeepLearning));
        Assert.Contains("levels.yaml:1:9: 'levels' must list at least one level", problems);
    }

    [Fact]
    public void Every_problem_in_every_file_is_reported_in_order_with_its_position()
    {
        var problems = Problems(
            File("roles.yaml", """
                roles:
                  - name: Data Scientist
                    aliases: [DS]
                  - name: Data Steward
                    aliases: [DS]
                """),
            File("skills/b/broken.yaml", "skill: X\ndomain: [\n"),
            File("skills/a/dl.yaml", """
                # A comment first, so positions are not line 1.
                skill: Deep Learning
                domain: ML
                updated: 2026-13-01
                roles:
                  Data Scientist:
                    Junior:
                      necessity: sometimes
                      descripton: typo
                    Wizard:
                      description: ok
                    Middle:
                      description: "  "
                """),
            File("skills/c.yaml", DeepLearning));
        Assert.Equal(
            [
                "roles.yaml:4:11: 'ds' is claimed by role 'Data Scientist' and role 'Data Steward'",
                "skills/a/dl.yaml:4:10: 'updated' must be an ISO date such as 2026-02-22",
                "skills/a/dl.yaml:9:7: unknown key 'descripton' (expected necessity, description)",
                "skills/a/dl.yaml:8:18: necessity must be 'required' or 'optional', not 'sometimes'",
                "skills/a/dl.yaml:8:7: missing required field 'description'",
                "skills/a/dl.yaml:10:5: unknown level 'Wizard' (the ladder is Junior, Middle, Senior, Lead, Principal)",
                "skills/a/dl.yaml:13:20: description must not be empty",
            ],
            problems.Take(7));
        Assert.Matches(@"^skills/b/broken\.yaml:3:1: YAML syntax: ", problems[7]);
        Assert.Equal("skills/c.yaml:1:8: skill name 'Deep Learning' is used twice (also in skills/a/dl.yaml)", problems[8]);
        Assert.Equal(9, problems.Length);
    }

    [Fact]
    public void A_name_without_letters_or_digits_is_reported()
    {
        var problems = Problems(File("skills/dl.yaml", DeepLearning.Replace("domain:", "aliases: ['--']\ndomain:")));
        Assert.Equal(["skills/dl.yaml:1:8: skill 'Deep Learning' has a name or alias without letters or digits"], problems);
    }

    [Fact]
    public void Quoted_and_block_scalars_are_read_as_text()
    {
        var catalogue = Loads(File("skills/dl.yaml", """
            "skill": "Deep: Learning # not a comment"
            'domain': 'It''s ML'
            aliases: ["-dl", '#dl']
            roles:
              "Data Scientist":
                "Junior":
                  "description": |-
                    Line one: "quoted".
                      Indented line.
                    深度学习
            """));
        var skill = catalogue.Skills[0];
        Assert.Equal("Deep: Learning # not a comment", skill.Name);
        Assert.Equal("It's ML", skill.Domain);
        Assert.Equal(["-dl", "#dl"], skill.Aliases.AsEnumerable());
        Assert.Equal("Line one: \"quoted\".\n  Indented line.\n深度学习", skill.Roles[0].ByLevel[0]!.Description);
    }

    [Fact]
    public void Loading_a_folder_reads_the_same_files()
    {
        var folder = Directory.CreateTempSubdirectory("skillbot-catalogue-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "skills", "ml"));
            System.IO.File.WriteAllText(Path.Combine(folder, "skills", "ml", "dl.yml"), DeepLearning);
            System.IO.File.WriteAllText(Path.Combine(folder, "skills", "ml", "broken.yaml"), "skill: [\n");
            System.IO.File.WriteAllText(Path.Combine(folder, "notes.yaml"), "not: [valid\n");
            var result = CatalogueLoader.LoadFolder(folder);
            var problem = Assert.Single(result.Problems);
            Assert.Equal("skills/ml/broken.yaml", problem.File);

            System.IO.File.Delete(Path.Combine(folder, "skills", "ml", "broken.yaml"));
            Assert.Equal("Deep Learning", Assert.Single(CatalogueLoader.LoadFolder(folder).Catalogue!.Skills).Name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_folder_is_reported()
    {
        var missing = Path.Combine(Path.GetTempPath(), "skillbot-no-such-folder-" + Guid.NewGuid());
        var problem = Assert.Single(CatalogueLoader.LoadFolder(missing).Problems);
        Assert.Equal($"{missing}:0:0: catalogue folder not found", problem.ToString());
    }

    [Theory]
    [InlineData("skill: !!] x\n")]
    [InlineData("roles: [a, {b: c\n")]
    [InlineData("skill: \"\\uD800\"\n")]
    [InlineData("skill: \"\\x\"\n")]
    [InlineData("a: &x 1\nb: *y\n")]
    public void Text_that_trips_the_yaml_parser_is_a_problem_not_a_crash(string text)
    {
        var problem = Assert.Single(Problems(File("skills/x.yaml", text)));
        Assert.Matches(@"^skills/x\.yaml:\d+:\d+: YAML syntax: .+", problem);
    }

    [Fact]
    public void Loading_never_throws_whatever_the_text()
    {
        // YAML-ish noise finds the parser's odd corners (unclosed brackets, stray quotes) faster than any string.
        var yamlish = Gen.OneOf(
            Gen.String,
            Gen.Char["[]{}:-#\"'|>&*!?,\n \tabcL1"].Array[0, 60].Select(c => new string(c)),
            Gen.Int[0, DeepLearning.Length].Select(n => DeepLearning[..n]));
        yamlish.Sample(text =>
        {
            var result = CatalogueLoader.Load([new CatalogueFile("skills/x.yaml", text), new CatalogueFile("levels.yaml", text)]);
            Assert.True(result.Succeeded ^ result.Problems.Length > 0);
        }, iter: 3000);
    }
}
