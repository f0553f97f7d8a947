using System.Collections.Immutable;
using SkillBot.CatalogueFiles;
using SkillBot.Core.Catalogue;
using SkillBot.Hosting;

namespace SkillBot.LiveCatalogue;

/// <summary>The catalogue loaded at startup: the first step of building the host, since nothing is served without one.</summary>
public sealed record ServedCatalogue(string Folder, SkillCatalogue Catalogue, ImmutableArray<string> Warnings)
{
    /// <summary>Loads the configured folder, or throws <see cref="CannotStartException"/> with every problem: a catalogue with one is never served.</summary>
    public static ServedCatalogue LoadAtStartup(IConfiguration configuration)
    {
        var folder = (configuration.GetSection(CatalogueOptions.Section).Get<CatalogueOptions>() ?? new CatalogueOptions()).ResolvedPath;
        // CatalogueFolder.Load never throws: whatever is wrong with the folder (a file it cannot read, too large, too deep) is a problem.
        var loaded = CatalogueFolder.Load(folder);
        if (loaded.Catalogue is null)
        {
            throw new CannotStartException(
                [$"the catalogue at {folder} has {loaded.Problems.Length} problem(s):"],
                [.. loaded.Problems.Concat(loaded.Warnings).Select(p => p.ToString())]);
        }
        return new ServedCatalogue(folder, loaded.Catalogue, [.. loaded.Warnings.Select(w => w.ToString())]);
    }

    public void LogLoaded(ILogger logger)
    {
        logger.LogInformation(
            "Catalogue {Path}: {Skills} skills, {Roles} roles, {Levels} levels, version {Version}",
            Folder, Catalogue.Skills.Length, Catalogue.Roles.Length, Catalogue.Levels.Length, Catalogue.Version);
        foreach (var warning in Warnings)
        {
            logger.LogWarning("Catalogue warning: {Warning}", warning);
        }
    }
}
