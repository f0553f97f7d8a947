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
    /// While serving, after a swap, once: the same collection, so that the old catalogue's memory goes back to the
    /// system. A background collection does not pause the requests, but it only frees the memory for the heap's own
    /// later use: 10 s after a 20,000-skill reload the process still held both catalogues' worth. This one pauses
    /// them once, for about 90 ms on 2 cores at 20,000 skills (large arrays, which hold the descriptions, stay where they are).
    /// </summary>
    public static void ReturnAfterReload(SkillCatalogue catalogue)
    {
        if (IsLarge(catalogue))
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
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
