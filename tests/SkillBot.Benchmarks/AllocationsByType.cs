using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace SkillBot.Benchmarks;

/// <summary>
/// What a stretch of code allocates, by type, from the runtime's allocation ticks (one event about every 100 KB
/// allocated, naming the type that crossed the mark): a sample, so types are shown with their share, not exact bytes.
/// </summary>
internal sealed class AllocationsByType : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        // GCAllocationTick_V4: AllocationAmount, AllocationKind, ClrInstanceID, AllocationAmount64, TypeId, TypeName, ...
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is not { } payload)
        {
            return;
        }
        var names = eventData.PayloadNames!;
        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
    }

    public void Report(TextWriter output, int top = 25)
    {
        var total = _bytes.Values.Sum();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocations sampled: {total / (1024.0 * 1024):F0} MiB"));
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes * 100.0 / total,5:F1}% {bytes / (1024.0 * 1024),7:F0} MiB  {type}"));
        }
    }
}
