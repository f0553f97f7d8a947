using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using SkillBot.CatalogueFiles;
using SkillBot.Core;
using SkillBot.LiveCatalogue;

namespace SkillBot.Benchmarks;

/// <summary>
/// A start and a live reload of a catalogue folder in-process, as the server does them (load, Assistant, the memory
/// hand-back after each), while one thread asks questions in a loop: resident memory after the start, before the
/// reload, at its peak, at the swap and 10 s after; the slowest answer and the longest GC pause meanwhile. Quicker to
/// iterate on than scale.sh; run with <c>DOTNET_gcServer=1</c> for the server's collector.
/// </summary>
internal static class ReloadMemory
{
    public static void Run(string folder, TextWriter output)
    {
        var (assistant, questions) = Start(folder);
        output.WriteLine($"server GC: {System.Runtime.GCSettings.IsServerGC}, ready: RSS {Resident()} MiB, heap {Heap()} MiB");

        var slowest = TimeSpan.Zero;
        var asking = true;
        var asker = new Thread(() =>
        {
            for (var i = 0; Volatile.Read(ref asking); i++)
            {
                var start = Stopwatch.GetTimestamp();
                assistant.Ask(questions[i % questions.Length]);
                var took = Stopwatch.GetElapsedTime(start);
                if (took > slowest)
                {
                    slowest = took;
                }
            }
        });
        asker.Start();
        Thread.Sleep(2000);
        var before = Resident();
        slowest = TimeSpan.Zero;
        var pausedBefore = GC.GetTotalPauseDuration();
        var peak = before;
        var reloading = true;
        var sampler = new Thread(() =>
        {
            while (Volatile.Read(ref reloading))
            {
                peak = Math.Max(peak, Resident());
                Thread.Sleep(100);
            }
        });
        sampler.Start();
        var reloadStart = Stopwatch.GetTimestamp();
        Reload(assistant, folder);
        var reloadTook = Stopwatch.GetElapsedTime(reloadStart);
        var atSwap = Resident();
        for (var i = 0; i < 100; i++)
        {
            peak = Math.Max(peak, Resident());
            Thread.Sleep(100);
        }
        Volatile.Write(ref reloading, false);
        Volatile.Write(ref asking, false);
        sampler.Join();
        asker.Join();
        var longestPause = GC.GetGCMemoryInfo(GCKind.Any).PauseDurations.ToArray().DefaultIfEmpty().Max();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reload: {reloadTook.TotalMilliseconds:F0} ms; RSS before {before} MiB, peak {peak} MiB, at the swap {atSwap} MiB, 10 s after {Resident()} MiB, heap {Heap()} MiB; "
            + $"slowest answer {slowest.TotalMilliseconds:F1} ms; GC paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms in all, the last collection's longest pause {longestPause.TotalMilliseconds:F1} ms"));
        // What is alive, to tell memory the collector keeps from memory still referenced.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        output.WriteLine($"after a full compacting collection: heap {Heap()} MiB, RSS {Resident()} MiB");
    }

    /// <summary>The start, in a frame of its own: a catalogue left in this method's stack would stay alive after the reload.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Assistant Assistant, string[] Questions) Start(string folder)
    {
        var catalogue = CatalogueFolder.Load(folder).Catalogue ?? throw new InvalidOperationException($"{folder} does not load");
        var assistant = new Assistant(catalogue);
        LoadMemory.ReturnAfterStartup(catalogue);
        return (assistant, LoadQuestions.For(catalogue).ToArray());
    }

    /// <summary>The reload as <see cref="CatalogueReloader"/> does it, in a frame of its own as well.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Reload(Assistant assistant, string folder)
    {
        var reloaded = CatalogueFolder.Load(folder, cores: 1).Catalogue!;
        assistant.Use(reloaded);
        LoadMemory.ReturnAfterReload(reloaded);
    }

    private static long Resident()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024 * 1024);
    }

    private static long Heap() => GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024);
}
