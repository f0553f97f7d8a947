using System.Text;
using CsCheck;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Core.Tests;

/// <summary>
/// PlainYaml reads what it reads exactly as YamlDotNet does (values, tags, positions), and gives up on whatever
/// YamlDotNet would refuse, so that the problems reported stay YamlDotNet's. It must also read the files
/// catalogues are really made of, or loading them stays slow.
/// </summary>
public sealed class PlainYamlTests
{
    private const string Skill = """
        # yaml-language-server: $schema=../../schemas/skill.schema.json
        skill: Deep Learning
        domain: "Machine Learning & AI"
        aliases: [DL, deep-learning, 深度学习, 'it''s']
        updated: 2026-02-22   # last review
        owners:
        - U0123ABCD
        - ana@example.com
        roles:

          Data Scientist:
            Junior:
              necessity: optional
              description: >-
                Understands the fundamentals of Deep Learning.
                Applies basic practices in daily work.

                Follows recommendations.
            "Middle":
              necessity: required
              description: |-
                Line one
                  indented: two

                after a blank
              examples:
                - Took a model to production.
                - "Wrote \"the\" guide\u00e9"
            Senior:
              description: |
                clipped
        """;

    [Fact]
    public void Reads_a_skill_file_written_by_hand_as_YamlDotNet_does()
    {
        Assert.NotNull(SameAsYamlDotNet(Skill));
        Assert.NotNull(SameAsYamlDotNet(Skill.ReplaceLineEndings("\r\n")));
    }

    [Fact]
    public void Reads_every_generated_and_built_in_skill_file()
    {
        var files = GeneratedCatalogue.Generate().Files
            .Concat(GeneratedCatalogue.Generate(50, shape: GeneratedShape.Uniform).Files)
            .Where(f => f.Path.StartsWith("skills/", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(Path.Combine(Catalogues.BuiltInFolder, "skills"), "*.yaml", SearchOption.AllDirectories)
                .Select(path => new CatalogueFile(path, File.ReadAllText(path))))
            .ToList();
        Assert.True(files.Count > 2000);
        Assert.All(files, file => Assert.NotNull(SameAsYamlDotNet(file.Text)));
    }

    [Fact]
    public void Reads_skill_files_as_the_spreadsheet_import_writes_them()
    {
        // YamlText writes the scalars of imported files: plain when safe, double-quoted, or blocks for descriptions.
        var text = Gen.OneOf(Gen.String, Gen.String[Gen.Char["ab: #-'\"\n\\é中"], 0, 40], Gen.Const("a\n\nb"), Gen.Const("x  \ny"));
        var read = 0;
        Gen.Select(text, text, text).Sample((name, alias, description) =>
        {
            var yaml = new StringBuilder()
                .AppendLine($"skill: {YamlText.Scalar("S" + name)}")
                .AppendLine($"aliases: [{YamlText.Scalar("A" + alias)}, {YamlText.DoubleQuoted(alias)}]")
                .AppendLine("roles:")
                .AppendLine($"  {YamlText.Scalar("R" + name)}:")
                .AppendLine("    Junior:");
            foreach (var line in YamlText.BlockValue("description", description, indent: 6))
            {
                yaml.AppendLine(line);
            }
            yaml.AppendLine("    Senior:").AppendLine("      necessity: optional");
            if (SameAsYamlDotNet(yaml.ToString()) is not null)
            {
                Interlocked.Increment(ref read);
            }
        }, iter: 3000);
        Assert.True(read > 1000, $"PlainYaml read only {read} of 3000 imported files");
    }

    [Fact]
    public void Gives_up_on_whatever_it_might_read_differently_from_YamlDotNet()
    {
        // Any character at any place of a file that reads: what PlainYaml still reads, it reads as YamlDotNet does.
        // Line breaks, indicators, tabs, a digit, a letter, and what the plain-character check must stop at wherever it
        // falls in a vector of characters: control characters, DEL, a byte order mark, a lone surrogate, a line separator.
        var significant = "\n :#-[]{},'\"|>!&*?%@`\\\t\r\u00857x\u0001\u001F\u007F\uFEFF\uD800\u2028é";
        Gen.Select(Gen.Int[0, Skill.Length - 1], Gen.Int[0, Skill.Length - 1], Gen.Char[significant], Gen.Int[0, 2]).Sample((at, other, c, how) =>
        {
            var mutated = how switch
            {
                0 => Skill[..at] + c + Skill[(at + 1)..],
                1 => Skill[..at] + c + Skill[at..],
                _ => Skill[..Math.Min(at, other)] + Skill[Math.Max(at, other)..],
            };
            SameAsYamlDotNet(mutated);
        }, iter: 20000);
    }

    [Theory]
    [InlineData("skill: a\nskill: b\n")]
    [InlineData("skill: a\n---\nskill: b\n")]
    [InlineData("skill: !!str a\n")]
    [InlineData("skill: &x a\nalso: *x\n")]
    [InlineData("skill:\n")]
    [InlineData("skill: a\n  b\n")]
    [InlineData("skill: \"a\n  b\"\n")]
    [InlineData("skill:\tb\n")]
    [InlineData("roles:\n  - name: a\n")]
    [InlineData("")]
    public void Leaves_to_YamlDotNet_what_it_does_not_read(string text)
    {
        Assert.Null(PlainYaml.TryRead(text));
    }

    /// <summary>PlainYaml's tree, which (when there is one) is YamlDotNet's, node by node and position by position.</summary>
    private static YamlTreeNode? SameAsYamlDotNet(string text)
    {
        var plain = PlainYaml.TryRead(text);
        if (plain is null)
        {
            return null;
        }
        var parsed = CatalogueYaml.ParseWithYamlDotNet(new CatalogueFile("f.yaml", text));
        Assert.True(parsed.Problems.IsEmpty, $"PlainYaml read what YamlDotNet refuses ({string.Join("; ", parsed.Problems)}):\n{text}");
        AssertSame(parsed.Root!, plain, text);
        return plain;
    }

    private static void AssertSame(YamlTreeNode expected, YamlTreeNode actual, string text)
    {
        var where = $"at {expected.Line}:{expected.Column} (PlainYaml: {actual.Line}:{actual.Column}) of:\n{text}";
        Assert.True(expected.Line == actual.Line && expected.Column == actual.Column && expected.GetType() == actual.GetType(), $"{expected.GetType().Name} {where}");
        switch (expected)
        {
            case YamlTreeScalar scalar:
                var other = (YamlTreeScalar)actual;
                Assert.True(scalar.Value == other.Value && scalar.Tagged == other.Tagged, $"'{scalar.Value}' != '{other.Value}' {where}");
                break;
            case YamlTreeSequence list:
                var otherList = (YamlTreeSequence)actual;
                Assert.True(list.Children.Count == otherList.Children.Count, $"list length {where}");
                for (var i = 0; i < list.Children.Count; i++)
                {
                    AssertSame(list.Children[i], otherList.Children[i], text);
                }
                break;
            case YamlTreeMapping map:
                var otherMap = (YamlTreeMapping)actual;
                Assert.True(map.Children.Count == otherMap.Children.Count, $"mapping size {where}");
                for (var i = 0; i < map.Children.Count; i++)
                {
                    AssertSame(map.Children[i].Key, otherMap.Children[i].Key, text);
                    AssertSame(map.Children[i].Value, otherMap.Children[i].Value, text);
                }
                break;
        }
    }
}
