using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Hosting;

namespace SkillBot.Tests;

/// <summary>The real SkillBot host on Kestrel, on a free loopback port, with an HttpClient pointed at it.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningApp(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts with settings (e.g. <c>Teams:AppId</c>) given as command-line configuration, which wins over appsettings.json.</summary>
    public static Task<RunningApp> StartAsync(IReadOnlyDictionary<string, string> settings, params string[] args) =>
        StartAsync([.. args, .. settings.Select(s => $"--{s.Key}={s.Value}")]);

    public static Task<RunningApp> StartAsync(params string[] args) => StartAsync((Action<IServiceCollection>?)null, args);

    /// <param name="overrides">Replaces services before the host is built (a fixed TimeProvider, a log capture).</param>
    /// <param name="args">Extra command-line settings, e.g. <c>--Slack:SigningSecret=…</c>.</param>
    public static async Task<RunningApp> StartAsync(Action<IServiceCollection>? overrides, params string[] args)
    {
        var app = SkillBotApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing", .. args], overrides);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync(); // e.g. settings refused at startup: free the port before the test sees the error
            throw;
        }
        var address = Loopback.AddressOf(app);
        return new RunningApp(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
