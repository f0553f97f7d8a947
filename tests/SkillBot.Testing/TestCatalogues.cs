using System.Text;
using System.Text.Json;
using SkillBot.Core.Catalogue;

namespace SkillBot.Testing;

/// <summary>
/// The built-in catalogue with what its seed lacks: owners on the skill (a Slack id, a Teams id, an e-mail address)
/// and two examples on every expectation, one of them with characters that mean something to Slack and HTML.
/// </summary>
public static class TestCatalogues
{
    public static readonly IReadOnlyList<string> Owners = ["U0123ABCD", "29:1a2B3c4D5e6F7g", "ana@example.com"];

    public static IReadOnlyList<string> ExamplesAt(string role, string level) =>
    [
        $"{role} at {level}: took a churn model from notebook to a nightly production job.",
        $"Cut training time by 30% & wrote it up <for the team> as *the* guide ({level}).",
    ];

    /// <summary>The files, as a folder would hold them (levels.yaml, roles.yaml and the one skill file).</summary>
    public static CatalogueFile[] WithExamplesAndOwnersFiles() => Files(ExamplesAt, Owners);

    public static SkillCatalogue WithExamplesAndOwners() => Catalogues.Load(WithExamplesAndOwnersFiles());

    /// <summary>
    /// The most a catalogue allows, to break renderings: <see cref="Owners.MaxPerSkill"/> owners as long as an owner id
    /// may be, and on every expectation <see cref="ExampleLimits.MaxPerExpectation"/> examples as long as an example may
    /// be, full of characters that mean something to Slack, HTML and markdown.
    /// </summary>
    public static SkillCatalogue ManyLongExamples() => Catalogues.Load(Files(
        (role, level) => [.. Enumerable.Range(1, ExampleLimits.MaxPerExpectation).Select(i => LongExample(role, level, i))],
        [.. Enumerable.Range(1, Core.Catalogue.Owners.MaxPerSkill).Select(i => $"owner{i}." + new string('x', Core.Catalogue.Owners.MaxLength - 24) + "@example.com")]));

    private static string LongExample(string role, string level, int number)
    {
        var text = new StringBuilder($"{number}. {role} at {level}: ");
        while (text.Length < ExampleLimits.MaxLength)
        {
            text.Append("<!here> & <@U123> <https://x.example|y> *a* _b_ ~c~ `d` 🚀 shipped ");
        }
        var cut = ExampleLimits.MaxLength - (char.IsHighSurrogate(text[ExampleLimits.MaxLength - 1]) ? 1 : 0);
        return text.ToString(0, cut).TrimEnd();
    }

    private static CatalogueFile[] Files(Func<string, string, IReadOnlyList<string>> examples, IReadOnlyList<string> owners)
    {
        var folder = Catalogues.BuiltInFolder;
        return [.. Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Select(path =>
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var text = File.ReadAllText(path);
            return new CatalogueFile(relative, relative.StartsWith("skills/", StringComparison.Ordinal) ? AddExamplesAndOwners(text, examples, owners) : text);
        })];
    }

    /// <summary>Writes the catalogue into <paramref name="folder"/> (for a SkillBot started on it).</summary>
    public static void WriteWithExamplesAndOwners(string folder)
    {
        foreach (var file in WithExamplesAndOwnersFiles())
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }

    /// <summary>Owners before roles:, and examples before each expectation's necessity: (key order does not matter in YAML).</summary>
    private static string AddExamplesAndOwners(string skillYaml, Func<string, string, IReadOnlyList<string>> examples, IReadOnlyList<string> owners)
    {
        var text = new StringBuilder();
        string? role = null, level = null;
        foreach (var line in skillYaml.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line == "roles:")
            {
                text.Append("owners: [").AppendJoin(", ", owners.Select(Quoted)).Append("]\n");
            }
            else if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal) && line.EndsWith(':'))
            {
                role = line.Trim().TrimEnd(':');
            }
            else if (line.StartsWith("    ", StringComparison.Ordinal) && !line.StartsWith("     ", StringComparison.Ordinal) && line.EndsWith(':'))
            {
                level = line.Trim().TrimEnd(':');
            }
            else if (line.StartsWith("      necessity:", StringComparison.Ordinal))
            {
                text.Append("      examples: [").AppendJoin(", ", examples(role!, level!).Select(Quoted)).Append("]\n");
            }
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A JSON string is a YAML double-quoted scalar.</summary>
    private static string Quoted(string text) => JsonSerializer.Serialize(text);
}
