using System.Text;
using CsCheck;
using SkillBot.CatalogueFiles;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

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
                "skills/dl.yaml:3:1: unknown key 'updatd' (expected skill, domain, aliases, updated, owners, roles)",
                "skills/dl.yaml:7:7: unknown key 'descripton' (expected necessity, description, examples)",
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
        Assert.Equal(["levels.yaml:1:1: unknown key 'level' (expected levels, tracks)", "levels.yaml:1:1: missing required field: 'levels:' or 'tracks:'"], problems);
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
                "roles.yaml:4:5: each role must be a mapping with 'name' (and optionally 'aliases', 'track', 'description')",
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
                "skills/dl.yaml:6:7: unknown key 'descripton' (expected necessity, description, examples)",
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
        Assert.Equal(["skills: no skill files: add at least one skills/**/*.yaml"], problems);
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
                "skills/a/dl.yaml:9:7: unknown key 'descripton' (expected necessity, description, examples)",
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
            var result = CatalogueFolder.Load(folder);
            var problem = Assert.Single(result.Problems);
            Assert.Equal("skills/ml/broken.yaml", problem.File);

            System.IO.File.Delete(Path.Combine(folder, "skills", "ml", "broken.yaml"));
            Assert.Equal("Deep Learning", Assert.Single(CatalogueFolder.Load(folder).Catalogue!.Skills).Name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8 with a byte order mark")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void A_skill_file_reads_as_File_ReadAllText_reads_it(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(DeepLearning),
            "utf-8 with a byte order mark" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(DeepLearning)],
            var name => [.. Encoding.GetEncoding(name).GetPreamble(), .. Encoding.GetEncoding(name).GetBytes(DeepLearning)],
        };
        using var folder = new TempCatalogue();
        var path = folder.Write("skills/dl.yaml", "");
        System.IO.File.WriteAllBytes(path, bytes);
        var loaded = Assert.Single(CatalogueFolder.Load(folder.Path).Catalogue!.Skills);
        Assert.Equal(Assert.Single(Catalogues.Load(new CatalogueFile("skills/dl.yaml", System.IO.File.ReadAllText(path))).Skills), loaded, SameSkill.Instance);
    }

    /// <summary>Skills equal by name, aliases and every description (records compare their arrays by reference).</summary>
    private sealed class SameSkill : IEqualityComparer<Skill>
    {
        public static readonly SameSkill Instance = new();

        public bool Equals(Skill? x, Skill? y) =>
            x!.Name == y!.Name && x.Aliases.SequenceEqual(y.Aliases)
            && x.Roles.SelectMany(r => r.ByLevel).Select(e => e?.Description).SequenceEqual(y.Roles.SelectMany(r => r.ByLevel).Select(e => e?.Description));

        public int GetHashCode(Skill obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_reported()
    {
        var missing = Path.Combine(Path.GetTempPath(), "skillbot-no-such-folder-" + Guid.NewGuid());
        var problem = Assert.Single(CatalogueFolder.Load(missing).Problems);
        Assert.Equal($"{missing}: catalogue folder not found", problem.ToString());
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

    // ---- what YAML the node builder is never given (issue #12) ----

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_where_it_goes_too_deep()
    {
        // Root mapping (1) and the aliases list (2) count: the 64th '[' opens the 65th level, at column 9 + 64.
        var deep = DeepLearning.Replace("domain:", $"aliases: {Nested(CatalogueLoader.MaxDepth)}\ndomain:");
        Assert.Equal(
            [$"skills/dl.yaml:2:73: the YAML is nested more than {CatalogueLoader.MaxDepth} levels deep here; a catalogue file needs no more than a few"],
            Problems(File("skills/dl.yaml", deep)));

        // One level less is only a wrong alias, as before.
        var deepest = DeepLearning.Replace("domain:", $"aliases: {Nested(CatalogueLoader.MaxDepth - 1)}\ndomain:");
        Assert.Equal(["skills/dl.yaml:2:11: an alias must be non-empty text"], Problems(File("skills/dl.yaml", deepest)));
    }

    [Fact]
    public void Fifty_thousand_nested_brackets_are_a_problem_not_a_stack_overflow()
    {
        var text = DeepLearning.Replace("domain:", $"aliases: {Nested(50_000)}\ndomain:");
        var problem = Assert.Single(Problems(File("skills/dl.yaml", text)));
        Assert.StartsWith("skills/dl.yaml:2:73: the YAML is nested more than 64 levels deep", problem);
    }

    [Fact]
    public void Deep_block_nesting_is_refused_too()
    {
        // key0: / key1: / ... each indented two more: block mappings, 70 deep.
        var mappings = string.Concat(Enumerable.Range(0, 70).Select(i => $"{new string(' ', 2 * i)}key{i}:\n")) + new string(' ', 140) + "x\n";
        Assert.Equal(
            ["skills/deep.yaml:65:129: the YAML is nested more than 64 levels deep here; a catalogue file needs no more than a few"],
            Problems(File("skills/deep.yaml", mappings)));

        // "- - - - x": block sequences, nested on one line.
        var sequences = "skill: X\ndomain: D\naliases:\n  " + string.Concat(Enumerable.Repeat("- ", 100)) + "x\n";
        var problem = Assert.Single(Problems(File("skills/seq.yaml", sequences)));
        Assert.StartsWith("skills/seq.yaml:4:129: the YAML is nested more than 64 levels deep", problem);
    }

    [Fact]
    public void Brackets_in_quoted_and_block_scalars_and_comments_are_not_nesting()
    {
        var brackets = new string('[', 200) + new string('{', 200);
        var catalogue = Loads(File("skills/dl.yaml", $$"""
            # {{brackets}}
            skill: "Deep {{brackets}} Learning"
            domain: '{{brackets}}'   # {{brackets}}
            aliases: ["dl {{brackets}}", 'deep {{brackets}}']
            roles:
              Data Scientist:
                Junior:
                  description: |-
                    {{brackets}}
                    - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - x
                Middle:
                  description: plain text with {{brackets}} in it
            """));
        Assert.Equal($"Deep {brackets} Learning", catalogue.Skills[0].Name);
        Assert.StartsWith(brackets, catalogue.Skills[0].Roles[0].ByLevel[0]!.Description);
    }

    [Theory]
    [InlineData("x: &a [*a]\n? *a\n: y\n", 2, 3)]                       // a self-referring list as a key: endless hashing
    [InlineData("? [a, b]\n: y\n", 1, 3)]
    [InlineData("? {a: b}\n: y\n", 1, 3)]
    [InlineData("a: &name Deep Learning\n*name : y\n", 2, 1)]
    public void A_mapping_key_that_is_not_plain_text_is_refused(string text, int line, int column)
    {
        Assert.Equal(
            [$"skills/x.yaml:{line}:{column}: a mapping key must be plain text, not a list, a mapping or an alias"],
            Problems(File("skills/x.yaml", text)));
    }

    [Fact]
    public async Task An_alias_chain_as_a_key_is_refused_before_it_is_hashed()
    {
        // Each list holds the one before twice: hashing the last as a key would visit 2^40 nodes.
        var text = "a0: &a0 [x, x]\n"
            + string.Concat(Enumerable.Range(1, 40).Select(i => $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n"))
            + "? *a40\n: boom\n";
        var problem = await Task.Run(() => Assert.Single(Problems(File("skills/x.yaml", text)))).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("skills/x.yaml:42:3: a mapping key must be plain text, not a list, a mapping or an alias", problem);
    }

    [Fact]
    public void A_tab_used_as_indentation_is_reported_at_its_line()
    {
        var problem = Assert.Single(Problems(File("skills/dl.yaml", DeepLearning.Replace("    Junior:", "\tJunior:"))));
        Assert.Equal("skills/dl.yaml:5:1: YAML syntax: While scanning a mapping, found invalid tab as indentation.", problem);

        problem = Assert.Single(Problems(File("skills/dl.yaml", DeepLearning.Replace("      description:", "\t  description:"))));
        Assert.Equal("skills/dl.yaml:6:1: YAML syntax: While scanning a mapping, found invalid tab as indentation.", problem);
    }

    [Fact]
    public void An_unknown_alias_is_reported_where_it_is_used()
    {
        var problem = Assert.Single(Problems(File("skills/dl.yaml", DeepLearning.Replace("domain: Machine Learning & AI", "domain: *ml"))));
        Assert.Equal("skills/dl.yaml:2:9: YAML syntax: the alias '*ml' names no anchor ('&ml') before it", problem);
    }

    // ---- size limits ----

    /// <summary>A valid skill file of exactly <paramref name="bytes"/> bytes of UTF-8.</summary>
    private static string SkillOfSize(string name, int bytes)
    {
        var head = $"skill: {name}\ndomain: D\nroles:\n  R:\n    Junior:\n      description: ";
        return head + new string('x', bytes - head.Length - 1) + "\n";
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_naming_its_size_and_the_limit()
    {
        Assert.Equal(4 * 1024 * 1024, CatalogueLoader.MaxFileBytes);
        Loads(File("skills/a.yaml", SkillOfSize("A", CatalogueLoader.MaxFileBytes)));
        Assert.Equal(
            ["skills/b.yaml: the file is 4.0 MiB (4,194,305 bytes); a catalogue file may be at most 4 MiB (4,194,304 bytes): split it, or shorten its descriptions"],
            Problems(File("skills/a.yaml", DeepLearning), File("skills/b.yaml", SkillOfSize("B", CatalogueLoader.MaxFileBytes + 1))));
        Assert.Equal(
            ["skills/c.yaml: the file is 50 MiB (52,428,800 bytes); a catalogue file may be at most 4 MiB (4,194,304 bytes): split it, or shorten its descriptions"],
            Problems(File("skills/a.yaml", DeepLearning), File("skills/c.yaml", SkillOfSize("C", 50 * 1024 * 1024))));
        // Files that are not catalogue files are not counted.
        Loads(File("skills/a.yaml", DeepLearning), File("notes.yaml", SkillOfSize("N", 2 * CatalogueLoader.MaxFileBytes)));
    }

    [Fact]
    public void A_catalogue_over_the_total_limit_is_refused_at_the_file_that_crosses_it()
    {
        Assert.Equal(256L * 1024 * 1024, CatalogueLoader.MaxTotalBytes);
        var comment = "#" + new string('x', 1024 * 1024 - 2) + "\n"; // one string, shared: a MiB each
        var files = Enumerable.Range(0, 257).Select(i => File($"skills/f{i:D3}.yaml", comment)).Prepend(File("skills/a.yaml", DeepLearning)).ToArray();
        var problems = Problems(files);
        // a.yaml and f000 … f254 are just under 256 MiB; f255 crosses it, and f256 is not even looked at.
        Assert.Equal("skills/f255.yaml: with this file the catalogue's files add up to more than 256 MiB (268,435,456 bytes), the most a catalogue may hold", problems[^1]);
        Assert.Equal(255, problems.Count(p => p.EndsWith(": the file is empty", StringComparison.Ordinal)));
    }

    // ---- roles that roles.yaml does not list (1.1) ----

    private const string Roles = """
        roles:
          - name: Data Scientist
            aliases: [DS]
          - name: Data Engineer
          - name: LLM Engineer
        """;

    [Fact]
    public void A_role_missing_from_roles_yaml_is_a_warning_naming_the_nearest_listed_role()
    {
        var result = CatalogueLoader.Load([
            File("roles.yaml", Roles),
            File("skills/de.yaml", DeepLearning.Replace("  Data Scientist:", "  Data Enginer:")),
            File("skills/st.yaml", Statistics.Replace("  Data Scientist:", "  Product Manager:")),
        ]);
        Assert.True(result.Succeeded); // still served: a role used in a skill file is a role (format v1)
        Assert.Empty(result.Problems);
        Assert.Equal(
            [
                "skills/de.yaml:4:3: warning: role 'Data Enginer' is not listed in roles.yaml; did you mean 'Data Engineer'? (if it is a new role, add it to roles.yaml)",
                "skills/st.yaml:4:3: warning: role 'Product Manager' is not listed in roles.yaml (the nearest listed role is 'Data Engineer'): add it to roles.yaml, or use a listed role",
            ],
            result.Warnings.Select(w => w.ToString()));
        Assert.True(result.Warnings.All(w => w.IsWarning));
        Assert.NotNull(result.Catalogue!.FindRole("Data Enginer"));
    }

    [Fact]
    public void Listed_roles_and_aliases_give_no_warning_and_without_roles_yaml_nothing_is_listed_to_miss()
    {
        var listed = CatalogueLoader.Load([File("roles.yaml", Roles), File("skills/dl.yaml", DeepLearning.Replace("  Data Scientist:", "  ds:"))]);
        Assert.True(listed.Succeeded);
        Assert.Empty(listed.Warnings);

        var unlisted = CatalogueLoader.Load([File("skills/dl.yaml", DeepLearning.Replace("  Data Scientist:", "  Data Enginer:"))]);
        Assert.True(unlisted.Succeeded);
        Assert.Empty(unlisted.Warnings);
    }

    [Fact]
    public void Warnings_come_with_problems_too()
    {
        var result = CatalogueLoader.Load([
            File("roles.yaml", Roles),
            File("skills/dl.yaml", DeepLearning.Replace("  Data Scientist:", "  Data Enginer:").Replace("Junior:", "Expert:")),
        ]);
        Assert.False(result.Succeeded);
        Assert.Equal(["skills/dl.yaml:5:5: unknown level 'Expert' (the ladder is Junior, Middle, Senior, Lead, Principal)"], result.Problems.Select(p => p.ToString()));
        Assert.StartsWith("skills/dl.yaml:4:3: warning: role 'Data Enginer'", Assert.Single(result.Warnings).ToString());
    }

    // ---- a folder that changes or holds odd files while it is read (issue #12) ----

    /// <summary>A temporary catalogue folder with the given skill files, deleted afterwards whatever the test left in it.</summary>
    private sealed class TempCatalogue : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("skillbot-folder-").FullName;

        public TempCatalogue(params (string Relative, string Text)[] files)
        {
            foreach (var (relative, text) in files)
            {
                Write(relative, text);
            }
        }

        public string Full(string relative) => System.IO.Path.Combine(Path, relative);

        public string Write(string relative, string text)
        {
            var full = Full(relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            System.IO.File.WriteAllText(full, text);
            return full;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>CatalogueFolder.Load, failing the test (not hanging it) if loading does not finish.</summary>
    private static Task<CatalogueLoadResult> LoadWithin(string folder, Action<string>? beforeRead = null) =>
        Task.Run(() => CatalogueFolder.Load(folder, beforeRead)).WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task A_dangling_link_is_a_problem_naming_the_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // symbolic links need privileges there
        }
        using var folder = new TempCatalogue(("skills/dl.yaml", DeepLearning));
        System.IO.File.CreateSymbolicLink(folder.Full("skills/broken.yaml"), "/nonexistent/x.yaml");
        System.IO.File.CreateSymbolicLink(folder.Full("roles.yaml"), "/nonexistent/roles.yaml");

        var result = await LoadWithin(folder.Path);
        Assert.Equal(
            ["roles.yaml: a link to /nonexistent/roles.yaml, which does not exist", "skills/broken.yaml: a link to /nonexistent/x.yaml, which does not exist"],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task A_file_removed_between_listing_and_reading_is_read_again_without_it()
    {
        using var folder = new TempCatalogue(("skills/a.yaml", DeepLearning), ("skills/b.yaml", Statistics));
        var reads = new List<string>();
        var result = await LoadWithin(folder.Path, path =>
        {
            reads.Add(System.IO.Path.GetFileName(path));
            if (path.EndsWith("b.yaml", StringComparison.Ordinal))
            {
                System.IO.File.Delete(path); // as git pull or rsync --delete would, right after the listing
            }
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(["Deep Learning"], result.Catalogue!.Skills.Select(s => s.Name));
        Assert.Equal(["a.yaml", "b.yaml", "a.yaml"], reads); // the second reading lists the folder afresh
    }

    [Fact]
    public async Task A_file_that_vanishes_on_both_readings_is_a_problem_not_a_crash()
    {
        using var folder = new TempCatalogue(("skills/a.yaml", DeepLearning), ("skills/z/b.yaml", Statistics));
        var result = await LoadWithin(folder.Path, path =>
        {
            if (path.EndsWith("a.yaml", StringComparison.Ordinal))
            {
                folder.Write("skills/z/b.yaml", Statistics); // back in time to be listed...
            }
            else if (path.EndsWith("b.yaml", StringComparison.Ordinal))
            {
                System.IO.File.Delete(path); // ...and gone when read
            }
        });
        Assert.Equal(
            ["skills/z/b.yaml: was removed while the catalogue was being read (is the folder being updated?); it is read again on the next change"],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task A_folder_removed_while_it_is_read_is_read_again()
    {
        using var folder = new TempCatalogue(("skills/a.yaml", DeepLearning), ("skills/z/b.yaml", Statistics));
        var result = await LoadWithin(folder.Path, path =>
        {
            if (path.EndsWith("a.yaml", StringComparison.Ordinal) && Directory.Exists(folder.Full("skills/z")))
            {
                Directory.Delete(folder.Full("skills/z"), recursive: true);
            }
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(["Deep Learning"], result.Catalogue!.Skills.Select(s => s.Name));
    }

    [Fact]
    public async Task A_fifo_or_device_is_refused_without_being_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no FIFOs among files there
        }
        using var folder = new TempCatalogue(("skills/dl.yaml", DeepLearning));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [folder.Full("skills/fifo.yaml"), folder.Full("levels.yaml")]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        System.IO.File.CreateSymbolicLink(folder.Full("skills/zero.yaml"), "/dev/zero");

        // Opening a FIFO for reading blocks until someone writes to it: the old loader never came back.
        var result = await LoadWithin(folder.Path);
        Assert.Equal(
            [
                "levels.yaml: not a regular file (a pipe, socket or device): SkillBot reads only regular files",
                "skills/fifo.yaml: not a regular file (a pipe, socket or device): SkillBot reads only regular files",
                "skills/zero.yaml: not a regular file (a pipe, socket or device): SkillBot reads only regular files",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task A_link_to_a_folder_is_followed_once_and_a_link_loop_is_a_problem()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var shared = new TempCatalogue(("statistics.yaml", Statistics));
        using var folder = new TempCatalogue(("skills/ml/dl.yaml", DeepLearning));
        Directory.CreateSymbolicLink(folder.Full("skills/shared"), shared.Path);
        var linked = await LoadWithin(folder.Path);
        Assert.True(linked.Succeeded, string.Join("\n", linked.Problems));
        Assert.Equal(["Deep Learning", "Statistics"], linked.Catalogue!.Skills.Select(s => s.Name).Order());

        // A loop (the old walk went round it until the path was too long, branching at every turn).
        Directory.CreateSymbolicLink(folder.Full("skills/ml/up"), "..");
        Directory.CreateSymbolicLink(folder.Full("skills/ml/self"), ".");
        System.IO.File.CreateSymbolicLink(folder.Full("skills/ml/itself.yaml"), "itself.yaml");
        var looped = await LoadWithin(folder.Path);
        Assert.Equal(
            [
                "skills/ml/itself.yaml: cannot be read: Too many levels of symbolic links in 'skills/ml/itself.yaml'.",
                "skills/ml/self: leads to a folder that is read already (a link loop, or two links to one folder): remove the link",
                "skills/ml/up: leads to a folder that is read already (a link loop, or two links to one folder): remove the link",
            ],
            looped.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task A_large_file_on_disk_is_refused_before_it_is_read()
    {
        using var folder = new TempCatalogue(("skills/dl.yaml", DeepLearning));
        using (var big = System.IO.File.Create(folder.Full("skills/big.yaml")))
        {
            big.SetLength(50L * 1024 * 1024); // sparse: 50 MiB that cost nothing
        }
        var result = await LoadWithin(folder.Path);
        Assert.Equal(
            ["skills/big.yaml: the file is 50 MiB (52,428,800 bytes); a catalogue file may be at most 4 MiB (4,194,304 bytes): split it, or shorten its descriptions"],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_a_problem()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            return; // root reads anything
        }
        using var folder = new TempCatalogue(("skills/dl.yaml", DeepLearning), ("skills/secret.yaml", Statistics));
        System.IO.File.SetUnixFileMode(folder.Full("skills/secret.yaml"), UnixFileMode.None);
        var problem = Assert.Single((await LoadWithin(folder.Path)).Problems);
        Assert.StartsWith("skills/secret.yaml: cannot be read: permission denied", problem.ToString());
    }
}
