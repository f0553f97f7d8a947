using System.Threading.Channels;

namespace SkillBot.Hosting;

/// <summary>
/// Work done after the HTTP answer (posting replies), by a few consumers from a bounded queue. When full,
/// new work is refused at once (counted as <c>skillbot.queue.shed</c>; the caller logs and answers), never
/// waited for: a stalled consumer must not hold inbound requests. On shutdown nothing new is taken and
/// what was accepted is finished, until the host's shutdown timeout.
/// </summary>
public abstract class DrainingQueue<T>(int capacity, int consumers) : IHostedService, IDisposable
{
    private readonly Channel<T> _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _abort = new();
    private Task _consumers = Task.CompletedTask;

    /// <summary>Queues without waiting; false (and counted as shed) when the queue is full or shutting down.</summary>
    protected bool TryEnqueue(T item)
    {
        if (_channel.Writer.TryWrite(item))
        {
            return true;
        }
        SkillBotMetrics.RecordShed(GetType().Name);
        return false;
    }

    /// <summary>Does one item; <paramref name="abort"/> fires only when shutdown runs out of time.</summary>
    protected abstract Task ProcessAsync(T item, CancellationToken abort);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _consumers = Task.WhenAll(Enumerable.Range(0, consumers).Select(_ => Task.Run(ConsumeAsync, CancellationToken.None)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        using var timeout = cancellationToken.Register(_abort.Cancel);
        await _consumers.ConfigureAwait(false);
    }

    public void Dispose() => _abort.Dispose();

    private async Task ConsumeAsync()
    {
        try
        {
            await foreach (var item in _channel.Reader.ReadAllAsync(_abort.Token))
            {
                await ProcessAsync(item, _abort.Token);
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // Shutdown ran out of time: what is left is dropped.
        }
    }
}
