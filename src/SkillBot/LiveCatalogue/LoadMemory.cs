using System.Runtime;
using SkillBot.Core.Catalogue;

namespace SkillBot.LiveCatalogue;

/// <summary>
/// Hands back to the system what loading a large catalogue used on the way (its files' text, their YAML trees,
/// and after a reload the catalogue before it). The GC would keep that memory committed for the next burst, which
/// for a 20,000-skill catalogue is more than the catalogue itself.
/// </summary>
internal static class LoadMemory
{
    /// <summary>From this many expectations a load is worth a collection of its own; smaller ones leave little behind.</summary>
    public const int LargeCatalogue = 20_000;

    /// <summary>Before serving: a blocking, compacting collection that returns the free memory, since nothing waits on it yet.</summary>
    public static void ReturnAfterStartup(SkillCatalogue catalogue)
    {
        if (IsLarge(catalogue))
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>
    /// While serving, after a swap: a background collection, which runs beside the requests instead of pausing
    /// them, so the old catalogue does not stay in memory until the next allocation burst.
    /// </summary>
    public static void ReturnAfterReload(SkillCatalogue catalogue)
    {
        if (IsLarge(catalogue))
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false, compacting: false);
        }
    }

    private static bool IsLarge(SkillCatalogue catalogue)
    {
        var expectations = 0;
        foreach (var skill in catalogue.Skills)
        {
            foreach (var role in skill.Roles)
            {
                expectations += role.ByLevel.Length;
                if (expectations >= LargeCatalogue)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
