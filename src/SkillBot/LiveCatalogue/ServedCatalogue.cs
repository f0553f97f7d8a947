using System.Collections.Immutable;
using SkillBot.CatalogueFiles;
using SkillBot.Core.Catalogue;
using SkillBot.Hosting;

namespace SkillBot.LiveCatalogue;

/// <summary>
/// Where the served catalogue comes from and what loading it at startup warned about. It lives as long as the host, so it
/// holds no catalogue: the Assistant serves one until a reload replaces it, and then the old one must become garbage.
/// </summary>
public sealed record ServedCatalogue(string Folder, ImmutableArray<string> Warnings)
{
    /// <summary>
    /// Loads the catalogue folder (the one the settings name: <see cref="FolderOf"/>): the first step of building the host, since nothing is served without a catalogue.
    /// Throws <see cref="CannotStartException"/> with every problem: a catalogue with one is never served.
    /// </summary>
    public static (ServedCatalogue Served, SkillCatalogue Catalogue) LoadAtStartup(string folder)
    {
        // CatalogueFolder.Load never throws: whatever is wrong with the folder (a file it cannot read, too large, too deep) is a problem.
        var loaded = CatalogueFolder.Load(folder);
        if (loaded.Catalogue is null)
        {
            throw new CannotStartException(
                [$"the catalogue at {folder} has {loaded.Problems.Length} problem(s):"],
                [.. loaded.Problems.Concat(loaded.Warnings).Select(p => p.ToString())]);
        }
        return (new ServedCatalogue(folder, [.. loaded.Warnings.Select(w => w.ToString())]), loaded.Catalogue);
    }

    public void LogLoaded(ILogger logger, SkillCatalogue catalogue)
    {
        logger.LogInformation(
            "Catalogue {Path}: {Skills} skills, {Roles} roles, {Levels} levels, version {Version}",
            Folder, catalogue.Skills.Length, catalogue.Roles.Length, catalogue.Levels.Length, catalogue.Version);
        foreach (var warning in Warnings)
        {
            logger.LogWarning("Catalogue warning: {Warning}", warning);
        }
    }

    /// <summary>The catalogue folder the settings name.</summary>
    public static string FolderOf(IConfiguration configuration) =>
        (configuration.GetSection(CatalogueOptions.Section).Get<CatalogueOptions>() ?? new CatalogueOptions()).ResolvedPath;
}
