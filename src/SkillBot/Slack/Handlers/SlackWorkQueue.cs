using System.Threading.Channels;
using SkillBot.Slack.WebApi;

namespace SkillBot.Slack.Handlers;

/// <summary>Work that answers Slack after the acknowledgement (posting, publishing), so a slow Slack never delays an ack.</summary>
public sealed record SlackWork(string What, Func<CancellationToken, Task> Run);

/// <summary>A bounded queue: when full, new work is dropped and logged rather than blocking an acknowledgement.</summary>
public sealed class SlackWorkQueue(ILogger<SlackWorkQueue> logger)
{
    public const int Capacity = 1000;

    private readonly Channel<SlackWork> _channel = Channel.CreateBounded<SlackWork>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<SlackWork> Reader => _channel.Reader;

    public void Enqueue(SlackWork work)
    {
        if (!_channel.Writer.TryWrite(work))
        {
            logger.LogWarning("Slack work queue full: dropped {What}", work.What);
        }
    }
}

/// <summary>Runs queued Slack work, a few items at a time; a failure is logged and never stops the worker.</summary>
public sealed class SlackWorker(SlackWorkQueue queue, ILogger<SlackWorker> logger) : BackgroundService
{
    private const int Parallelism = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Parallelism).Select(_ => Consume(stoppingToken)));

    private async Task Consume(CancellationToken stop)
    {
        await foreach (var work in queue.Reader.ReadAllAsync(stop))
        {
            try
            {
                await work.Run(stop);
            }
            catch (SlackApiException e)
            {
                logger.LogWarning("Slack work {What} failed: {Method} {Error}", work.What, e.Method, e.Error);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Slack work {What} failed", work.What);
            }
        }
    }
}
