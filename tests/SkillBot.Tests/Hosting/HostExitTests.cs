using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SkillBot.Hosting;

namespace SkillBot.Tests.Hosting;

/// <summary>The server's exit code, so a supervisor set to restart on failure restarts a host a failure stopped.</summary>
public sealed class HostExitTests
{
    /// <summary>Fails once the host has started, as a channel's loop would.</summary>
    private sealed class Failing(IHostApplicationLifetime lifetime) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(started.SetResult))
            {
                await started.Task;
            }
            throw new InvalidOperationException("a background loop failed");
        }
    }

    [Fact]
    public async Task A_host_stopped_by_a_failed_background_service_exits_1()
    {
        var app = SkillBotApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], s => s.AddHostedService<Failing>())!;
        var hostedServices = app.Services.GetServices<IHostedService>().ToArray();
        await app.RunAsync().WaitAsync(TimeSpan.FromSeconds(30)); // returns normally: the failure stopped the host
        Assert.Equal(1, HostExit.Code(hostedServices));
    }

    [Fact]
    public async Task A_host_stopped_on_request_exits_0()
    {
        var app = SkillBotApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing"])!;
        var hostedServices = app.Services.GetServices<IHostedService>().ToArray();
        app.Lifetime.ApplicationStarted.Register(app.Lifetime.StopApplication);
        await app.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, HostExit.Code(hostedServices));
    }
}
