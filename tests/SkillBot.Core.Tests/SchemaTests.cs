using System.Text.Json;
using SkillBot.CatalogueFiles;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Core.Tests;

/// <summary>
/// The JSON Schemas shipped beside the built-in catalogue, checked with the npm validator ajv and the npm
/// yaml parser (YAML 1.2, as yaml-language-server reads files): each file's $schema comment must resolve,
/// relative to the file, to the schema of its kind, and the file must conform to it.
/// </summary>
public sealed class SchemaTests
{
    private static readonly string SchemasFolder = Path.Combine(Catalogues.BuiltInFolder, "schemas");

    [Theory]
    [InlineData("levels.schema.json")]
    [InlineData("roles.schema.json")]
    [InlineData("skill.schema.json")]
    public void Each_schema_is_a_draft_07_json_schema_with_help_text(string name)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemasFolder, name)));
        var root = schema.RootElement;
        Assert.Equal("http://json-schema.org/draft-07/schema#", root.GetProperty("$schema").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        Assert.NotEmpty(root.GetProperty("description").GetString()!);
        foreach (var property in root.GetProperty("properties").EnumerateObject())
        {
            Assert.True(property.Value.TryGetProperty("description", out _), $"{name}: '{property.Name}' has no description");
        }
    }

    [Fact]
    public async Task The_built_in_catalogue_conforms_to_its_schemas()
    {
        var results = await SchemaCheck.RunAsync(Catalogues.BuiltInFolder);
        Assert.Equal(
            [
                ("levels.yaml", "schemas/levels.schema.json"),
                ("roles.yaml", "schemas/roles.schema.json"),
                ("skills/machine-learning-ai/deep-learning.yaml", "schemas/skill.schema.json"),
            ],
            results.Select(r => (r.File, r.Schema)));
        Assert.All(results, r => Assert.Empty(r.Errors));
    }

    [Fact]
    public async Task The_schemas_reject_what_the_loader_rejects()
    {
        using var folder = new TempCatalogue();
        folder.Write("levels.yaml", """
            # yaml-language-server: $schema=schemas/levels.schema.json
            levels:
              - name: Junior
                alias: [jr]
            """);
        folder.Write("roles.yaml", """
            # yaml-language-server: $schema=schemas/roles.schema.json
            roles:
              - aliases: [DS]
            """);
        const string good = """
            # yaml-language-server: $schema=../../schemas/skill.schema.json
            skill: Good
            domain: ML
            updated: 2026-02-22
            aliases: [G]
            roles:
              Data Scientist:
                Junior:
                  necessity: required
                  description: >-
                    Fine.
            """;
        folder.Write("skills/ml/good.yaml", good);
        var defects = new Dictionary<string, (string From, string To)>
        {
            ["typo"] = ("description: >-", "descripton: >-"),
            ["necessity"] = ("necessity: required", "necessity: mandatory"),
            ["date"] = ("updated: 2026-02-22", "updated: 2026-13-01"),
            ["no-roles"] = ("roles:\n  Data Scientist:\n    Junior:\n      necessity: required\n      description: >-\n        Fine.", "roles: {}"),
            ["aliases"] = ("aliases: [G]", "aliases: G"),
            ["empty"] = ("description: >-\n        Fine.", "description: ''"),
            ["no-domain"] = ("domain: ML\n", ""),
            ["extra"] = ("aliases: [G]", "aliases: [G]\nowner: someone"),
            ["owners"] = ("aliases: [G]", "aliases: [G]\nowners: [U0123ABCD, someone]"),
            ["examples"] = ("necessity: required", "necessity: required\n      examples: [fine, '  ']"),
        };
        foreach (var (name, (from, to)) in defects)
        {
            var text = good.Replace("skill: Good", $"skill: Bad {name}").Replace("aliases: [G]", $"aliases: [G{name}]");
            var broken = text.Replace(from.Replace("[G]", $"[G{name}]"), to.Replace("[G]", $"[G{name}]"));
            Assert.NotEqual(text, broken);
            folder.Write($"skills/ml/{name}.yaml", broken);
        }

        var results = (await SchemaCheck.RunAsync(folder.Path)).ToDictionary(r => r.File, r => r.Errors);
        Assert.Empty(results["skills/ml/good.yaml"]);
        Assert.Contains(results["levels.yaml"], e => e.Contains("'alias'"));
        Assert.Contains(results["roles.yaml"], e => e.Contains("'name'"));
        Assert.Contains(results["skills/ml/typo.yaml"], e => e.Contains("'descripton'"));
        Assert.Contains(results["skills/ml/necessity.yaml"], e => e.Contains("allowed values"));
        Assert.Contains(results["skills/ml/date.yaml"], e => e.Contains("/updated"));
        Assert.Contains(results["skills/ml/no-roles.yaml"], e => e.Contains("/roles"));
        Assert.Contains(results["skills/ml/aliases.yaml"], e => e.Contains("/aliases must be array"));
        Assert.Contains(results["skills/ml/empty.yaml"], e => e.Contains("/description"));
        Assert.Contains(results["skills/ml/no-domain.yaml"], e => e.Contains("'domain'"));
        Assert.Contains(results["skills/ml/extra.yaml"], e => e.Contains("'owner'"));
        Assert.Contains(results["skills/ml/owners.yaml"], e => e.Contains("/owners/1"));
        Assert.Contains(results["skills/ml/examples.yaml"], e => e.Contains("/examples/1"));

        // The loader agrees: every file the schemas reject has a problem of its own.
        var problemFiles = CatalogueFolder.Load(folder.Path).Problems.Select(p => p.File).ToHashSet();
        Assert.Equal(results.Where(r => r.Value.Count > 0).Select(r => r.Key).Order(), problemFiles.Order());
    }

    [Fact]
    public async Task A_catalogue_with_owners_and_examples_conforms_to_the_schemas()
    {
        using var folder = new TempCatalogue();
        foreach (var file in TestCatalogues.WithExamplesAndOwnersFiles())
        {
            folder.Write(file.Path, file.Text);
        }
        var results = await SchemaCheck.RunAsync(folder.Path);
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.Empty(r.Errors));
    }

    [Fact]
    public async Task A_schema_comment_that_points_elsewhere_is_caught()
    {
        using var folder = new TempCatalogue();
        var skill = File.ReadAllText(Path.Combine(Catalogues.BuiltInFolder, "skills", "machine-learning-ai", "deep-learning.yaml"));
        folder.Write("skills/deeper/ml/deep-learning.yaml", skill); // one level deeper: ../../ no longer reaches schemas/
        folder.Write("roles.yaml", "# yaml-language-server: $schema=schemas/skill.schema.json\nroles: []\n");
        var results = (await SchemaCheck.RunAsync(folder.Path)).ToDictionary(r => r.File, r => r.Errors);
        Assert.Equal(["the $schema comment points at skills/schemas/skill.schema.json, which does not exist"], results["skills/deeper/ml/deep-learning.yaml"]);
        Assert.Equal(["the $schema comment points at schemas/skill.schema.json, not at roles.schema.json"], results["roles.yaml"]);
    }

    [Fact]
    public async Task An_imported_catalogue_conforms_to_the_schemas()
    {
        var csv = "domain,skill,role,level,necessity,description\n"
            + "Machine Learning & AI,Deep Learning,Data Scientist,Junior,required,\"Knows: the \"\"basics\"\" # really\"\n"
            + "\"Numbers: 42\",123,null,L2,,\"- a list?\n- no, text\"\n"
            + "数学,统计,数据科学家,高级,optional,2026-02-22\n";
        var imported = CsvImport.Import(csv);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Problems));
        using var folder = new TempCatalogue();
        foreach (var file in imported.Files)
        {
            folder.Write(file.Path, file.Text);
        }
        var results = await SchemaCheck.RunAsync(folder.Path);
        Assert.Equal(imported.Files.Length, results.Count);
        Assert.All(results, r => Assert.Empty(r.Errors));
    }

    [Fact]
    public async Task An_imported_catalogue_with_tracks_owners_and_role_descriptions_conforms_to_the_schemas()
    {
        var csv = "domain,skill,role,level,necessity,description,owners,role description,track,track aliases,level aliases\n"
            + "Engineering,Code Review,Software Engineer,Engineer 1,required,Reviews.,U0123ABCD; ana@example.com,\"Builds: software\",Individual Contributor,IC,IC1\n"
            + "Engineering,Code Review,Software Engineer,Engineer 2,optional,Reviews more.,,,Individual Contributor,,\"2\"\n"
            + "Engineering,Code Review,Engineering Manager,Engineering Manager 1,required,Leads reviews.,,,Management,\"M: lead\",M4\n";
        var imported = CsvImport.Import(csv);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Problems));
        using var folder = new TempCatalogue();
        foreach (var file in imported.Files)
        {
            folder.Write(file.Path, file.Text);
        }
        Assert.True(CatalogueFolder.Load(folder.Path).Catalogue is { HasTracks: true, Tracks.Length: 2 });
        var results = await SchemaCheck.RunAsync(folder.Path);
        Assert.Equal(imported.Files.Length, results.Count);
        Assert.All(results, r => Assert.Empty(r.Errors));
    }

    [Fact]
    public async Task A_catalogue_with_tracks_conforms_and_the_schemas_reject_what_the_loader_rejects_of_tracks()
    {
        using var folder = new TempCatalogue();
        foreach (var file in TrackedCatalogue.Files())
        {
            var schema = file.Path switch
            {
                "levels.yaml" => "schemas/levels.schema.json",
                "roles.yaml" => "schemas/roles.schema.json",
                _ => "../schemas/skill.schema.json",
            };
            folder.Write(file.Path, $"# yaml-language-server: $schema={schema}\n{file.Text}");
        }
        var results = (await SchemaCheck.RunAsync(folder.Path)).ToDictionary(r => r.File, r => r.Errors);
        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.Empty(r.Value));

        var broken = new Dictionary<string, string>
        {
            ["both"] = "levels:\n  - name: Junior\ntracks:\n  - name: IC\n    levels:\n      - name: IC1\n",
            ["empty-track"] = "tracks:\n  - name: IC\n    levels: []\n",
            ["no-levels"] = "tracks:\n  - name: IC\n",
            ["typo"] = "tracks:\n  - name: IC\n    level: [{ name: IC1 }]\n",
        };
        foreach (var (name, levels) in broken)
        {
            using var bad = new TempCatalogue();
            bad.Write("levels.yaml", "# yaml-language-server: $schema=schemas/levels.schema.json\n" + levels);
            bad.Write("skills/a.yaml", "# yaml-language-server: $schema=../schemas/skill.schema.json\nskill: A\ndomain: D\nroles:\n  R:\n    IC1:\n      description: x\n");
            var errors = (await SchemaCheck.RunAsync(bad.Path)).Single(r => r.File == "levels.yaml").Errors;
            Assert.True(errors.Count > 0, name);
            Assert.Contains(CatalogueFolder.Load(bad.Path).Problems, p => p.File == "levels.yaml");
        }
        using var badRole = new TempCatalogue();
        badRole.Write("roles.yaml", "# yaml-language-server: $schema=schemas/roles.schema.json\nroles:\n  - name: R\n    tracks: Management\n");
        Assert.Contains((await SchemaCheck.RunAsync(badRole.Path)).Single(r => r.File == "roles.yaml").Errors, e => e.Contains("'tracks'"));
    }

    /// <summary>A catalogue folder in the temp directory with a copy of the shipped schemas.</summary>
    private sealed class TempCatalogue : IDisposable
    {
        public TempCatalogue()
        {
            Path = Directory.CreateTempSubdirectory("skillbot-schema-").FullName;
            Directory.CreateDirectory(System.IO.Path.Combine(Path, "schemas"));
            foreach (var schema in Directory.EnumerateFiles(SchemasFolder))
            {
                File.Copy(schema, System.IO.Path.Combine(Path, "schemas", System.IO.Path.GetFileName(schema)));
            }
        }

        public string Path { get; }

        public void Write(string relative, string text)
        {
            var path = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

/// <summary>Runs tests/node/check-catalogue-schemas.mjs (ajv and yaml from npm) over a catalogue folder.</summary>
internal static class SchemaCheck
{
    public sealed record Result(string File, string? Schema, List<string> Errors);

    public static Task<IReadOnlyList<Result>> RunAsync(string catalogueFolder) => Task.Run(() =>
    {
        var result = NodeScript.Run("check-catalogue-schemas.mjs", [catalogueFolder]);
        Assert.True(result.ExitCode == 0, $"node check-catalogue-schemas.mjs failed ({result.ExitCode}): {result.Stderr}");
        return (IReadOnlyList<Result>)JsonSerializer.Deserialize<List<Result>>(result.Stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    });
}
