namespace SkillBot.Slack.Handlers;

/// <summary>
/// The last <see cref="Capacity"/> event ids, so a redelivered event (a retry, or a duplicate) is acknowledged but
/// not answered twice. Bounded: the oldest ids are forgotten first, long after Slack's retries (≤ 5 min) are over.
/// </summary>
public sealed class SeenEvents
{
    public const int Capacity = 10_000;

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool FirstTime(string eventId)
    {
        lock (_lock)
        {
            if (!_ids.Add(eventId))
            {
                return false;
            }
            _order.Enqueue(eventId);
            if (_order.Count > Capacity)
            {
                _ids.Remove(_order.Dequeue());
            }
            return true;
        }
    }
}
