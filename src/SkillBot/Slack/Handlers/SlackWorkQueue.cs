using SkillBot.Hosting;
using SkillBot.Slack.WebApi;

namespace SkillBot.Slack.Handlers;

/// <summary>Work that answers Slack after the acknowledgement (posting, publishing), so a slow Slack never delays an ack.</summary>
public sealed record SlackWork(string What, Func<CancellationToken, Task> Run);

/// <summary>
/// A bounded queue run by a few workers: when full, new work is dropped and logged rather than blocking an
/// acknowledgement; a failure is logged and never stops the workers; on shutdown accepted work is finished.
/// </summary>
public sealed class SlackWorkQueue(ILogger<SlackWorkQueue> logger) : DrainingQueue<SlackWork>(Capacity, Parallelism)
{
    public const int Capacity = 1000;
    private const int Parallelism = 4;

    public void Enqueue(SlackWork work)
    {
        if (!TryEnqueue(work))
        {
            logger.LogWarning("Slack work queue full: dropped {What}", work.What);
        }
    }

    protected override async Task ProcessAsync(SlackWork work, CancellationToken abort)
    {
        try
        {
            await work.Run(abort);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Slack work {What} failed: {Method} {Error}", work.What, e.Method, e.Error);
        }
        catch (Exception e) when (e is not OperationCanceledException || !abort.IsCancellationRequested)
        {
            logger.LogError(e, "Slack work {What} failed", work.What);
        }
    }
}
