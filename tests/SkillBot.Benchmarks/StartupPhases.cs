using System.Diagnostics;
using System.Globalization;
using SkillBot.CatalogueFiles;
using SkillBot.Core;

namespace SkillBot.Benchmarks;

/// <summary>
/// Where the time of a server's start goes with a large catalogue: loading the folder (read, parse, validate) and
/// building the Assistant on it, each with its wall-clock and CPU time (CPU time says more on a busy machine), what it
/// allocated (the same on any machine), and the managed heap after a compacting collection.
/// </summary>
internal static class StartupPhases
{
    /// <param name="byType">Also what each phase allocates, by type (sampled: slower, so its times are not the figures).</param>
    public static void Run(string folder, TextWriter output, bool byType = false)
    {
        var catalogue = Phase("load folder", output, byType, () =>
        {
            var result = CatalogueFolder.Load(folder);
            return result.Catalogue ?? throw new InvalidOperationException(string.Join('\n', result.Problems.Take(5)));
        });
        var assistant = Phase("new Assistant", output, byType, () => new Assistant(catalogue));
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"managed heap after: {GC.GetTotalMemory(forceFullCollection: false) / (1024.0 * 1024):F0} MiB ({catalogue.Skills.Length} skills)"));
        GC.KeepAlive(assistant);
    }

    private static T Phase<T>(string name, TextWriter output, bool byType, Func<T> run)
    {
        using var allocations = byType ? new AllocationsByType() : null;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        var start = Stopwatch.GetTimestamp();
        var result = run();
        var wall = Stopwatch.GetElapsedTime(start);
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var allocatedMib = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024);
        var pausedMs = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {wall.TotalMilliseconds:F0} ms wall, {used.TotalMilliseconds:F0} ms CPU, {allocatedMib:F0} MiB allocated, {pausedMs:F0} ms paused for GC, {GC.CollectionCount(0)} gen0 / {GC.CollectionCount(1)} gen1 / {GC.CollectionCount(2)} gen2 collections so far"));
        allocations?.Report(output);
        return result;
    }
}
