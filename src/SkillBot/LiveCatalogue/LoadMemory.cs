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

    /// <summary>Short collections after the background one, so the regions it freed are handed back (see <see cref="ReturnAfterReload"/>).</summary>
    private const int ReturningCollections = 20;

    /// <summary>
    /// While serving, after a swap: a background collection, which runs beside the requests instead of pausing
    /// them, so the old catalogue does not stay in memory until the next allocation burst. The collector hands freed
    /// regions back to the system only at the end of later collections. A server answering from its caches allocates
    /// little and so runs few of them: 10 s after a 20,000-skill reload it still held 712-767 MiB, against 534-650 MiB
    /// with these. So once the background collection is done, a few gen0 collections follow, on a thread of their own.
    /// Each pauses for the little gen0 holds.
    /// </summary>
    public static void ReturnAfterReload(SkillCatalogue catalogue)
    {
        if (!IsLarge(catalogue))
        {
            return;
        }
        var background = GC.GetGCMemoryInfo(GCKind.Background).Index;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false, compacting: false);
        _ = Task.Factory.StartNew(() =>
        {
            // Until the background collection is done (at most 10 s): what it frees is what the short ones hand back.
            for (var waited = 0; GC.GetGCMemoryInfo(GCKind.Background).Index == background && waited < 200; waited++)
            {
                Thread.Sleep(50);
            }
            for (var i = 0; i < ReturningCollections; i++)
            {
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                Thread.Sleep(50);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
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
