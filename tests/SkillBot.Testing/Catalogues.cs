using SkillBot.CatalogueFiles;
using SkillBot.Core.Catalogue;

namespace SkillBot.Testing;

/// <summary>Catalogues for tests and benchmarks.</summary>
public static class Catalogues
{
    /// <summary>The built-in catalogue as shipped (src/SkillBot/catalogue), found from the test's own folder.</summary>
    public static string BuiltInFolder => Path.Combine(RepoRoot, "src", "SkillBot", "catalogue");

    public static SkillCatalogue BuiltIn() => Load(BuiltInFolder);

    /// <summary>The built-in catalogue with some words changed (and so its content hash), as an edited folder would load.</summary>
    public static SkillCatalogue BuiltInEdited(string find, string replace) =>
        Load([.. Directory.EnumerateFiles(BuiltInFolder, "*.yaml", SearchOption.AllDirectories)
            .Select(path => new CatalogueFile(
                Path.GetRelativePath(BuiltInFolder, path).Replace('\\', '/'),
                File.ReadAllText(path).Replace(find, replace, StringComparison.Ordinal)))]);

    /// <summary>Writes the built-in catalogue's files into <paramref name="folder"/> (with some words changed, when asked), for a test to edit and serve.</summary>
    public static string CopyBuiltInTo(string folder, string? find = null, string replace = "")
    {
        foreach (var file in Directory.EnumerateFiles(BuiltInFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(BuiltInFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (find is null)
            {
                File.Copy(file, target);
            }
            else
            {
                File.WriteAllText(target, File.ReadAllText(file).Replace(find, replace, StringComparison.Ordinal));
            }
        }
        return folder;
    }

    public static SkillCatalogue Load(string folder)
    {
        var result = CatalogueFolder.Load(folder);
        return result.Catalogue ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    }

    public static SkillCatalogue Load(params CatalogueFile[] files)
    {
        var result = CatalogueLoader.Load(files);
        return result.Catalogue ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    }

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SkillBot.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("SkillBot.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
