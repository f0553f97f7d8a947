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
    public static CatalogueFile[] WithExamplesAndOwnersFiles()
    {
        var folder = Catalogues.BuiltInFolder;
        return [.. Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Select(path =>
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var text = File.ReadAllText(path);
            return new CatalogueFile(relative, relative.StartsWith("skills/", StringComparison.Ordinal) ? AddExamplesAndOwners(text) : text);
        })];
    }

    public static SkillCatalogue WithExamplesAndOwners() => Catalogues.Load(WithExamplesAndOwnersFiles());

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
    private static string AddExamplesAndOwners(string skillYaml)
    {
        var text = new StringBuilder();
        string? role = null, level = null;
        foreach (var line in skillYaml.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line == "roles:")
            {
                text.Append("owners: [").AppendJoin(", ", Owners.Select(Quoted)).Append("]\n");
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
                text.Append("      examples: [").AppendJoin(", ", ExamplesAt(role!, level!).Select(Quoted)).Append("]\n");
            }
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A JSON string is a YAML double-quoted scalar.</summary>
    private static string Quoted(string text) => JsonSerializer.Serialize(text);
}
