using System.Collections.Concurrent;
using SkillBot.Hosting;

namespace SkillBot.Tests.Hosting;

public sealed class DrainingQueueTests
{
    private sealed class SlowQueue(TimeSpan each) : DrainingQueue<int>(capacity: 100, consumers: 2)
    {
        public ConcurrentBag<int> Done { get; } = [];

        public bool Add(int item) => TryEnqueue(item);

        protected override async Task ProcessAsync(int item, CancellationToken abort)
        {
            await Task.Delay(each, abort);
            Done.Add(item);
        }
    }

    [Fact]
    public async Task Shutdown_finishes_the_work_already_accepted_and_takes_no_more()
    {
        var queue = new SlowQueue(TimeSpan.FromMilliseconds(50));
        await queue.StartAsync(CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(queue.Add(i));
        }
        await queue.StopAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 10), queue.Done.Order());
        Assert.False(queue.Add(99));
    }

    [Fact]
    public async Task When_shutdown_runs_out_of_time_what_is_left_is_dropped()
    {
        var queue = new SlowQueue(TimeSpan.FromSeconds(30));
        await queue.StartAsync(CancellationToken.None);
        queue.Add(1);
        queue.Add(2);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await queue.StopAsync(timeout.Token).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(queue.Done);
    }
}
