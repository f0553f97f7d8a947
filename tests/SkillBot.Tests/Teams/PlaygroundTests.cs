using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SkillBot.Testing;

namespace SkillBot.Tests.Teams;

/// <summary>
/// End to end through the Microsoft 365 Agents Playground (Microsoft's local Teams simulator) in headless
/// Chromium: SkillBot in development mode, the Playground posting real activities to it and showing the
/// cards SkillBot posts back to the Playground's connector. The Playground comes from npm with the other
/// test tools (tests/node, installed by the build); Chromium is Debian's.
/// </summary>
public sealed class PlaygroundTests
{
    [Fact]
    public async Task The_playground_shows_the_welcome_and_the_answer_card_for_the_seed_question()
    {
        var output = await RunAsync();
        Assert.Contains("step: welcome card shown", output);
        Assert.Contains("step: answer card shown", output);
    }

    // The Playground sends the adaptiveCard/action invoke for the card's "Lead ▶" button; the card is replaced in place.
    [Fact]
    public async Task Pressing_next_level_in_the_playground_updates_the_card_in_place()
    {
        var output = await RunAsync("--next-level");
        Assert.Contains("step: card updated to the next level in place", output);
    }

    private static async Task<string> RunAsync(params string[] flags)
    {
        var folder = NodeScript.Directory;
        await using var app = await RunningApp.StartAsync(); // no Teams:AppId: development mode
        var screenshots = Directory.CreateTempSubdirectory("skillbot-playground-").FullName;
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in new[] { "playground-e2e.mjs", new Uri(app.Client.BaseAddress!, "/api/messages").ToString(), FreePort().ToString(), screenshots }.Concat(flags))
        {
            start.ArgumentList.Add(argument);
        }
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await node.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }
        var output = await stdout + await stderr;
        Assert.True(node.ExitCode == 0, output);
        Assert.Contains("e2e: passed", output);
        return output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
