namespace SkillBot.Tests.Telemetry;

/// <summary>The Development console stays readable: the OpenTelemetry console dump only when Telemetry:Console=true.</summary>
public sealed class TelemetryConsoleTests
{
    /// <summary>The first line of every span the console exporter writes.</summary>
    private const string SpanDump = "Activity.TraceId:";

    private static async Task<SkillBotProcess> AskInDevelopmentAsync(params string[] settings)
    {
        var process = SkillBotProcess.Start(["--environment", "Development", "--urls", "http://127.0.0.1:0", .. settings]);
        var address = await process.WaitForListeningAsync(TimeSpan.FromMinutes(1));
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        (await http.GetAsync("/api/v1/answer?q=senior+data+scientist+deep+learning")).EnsureSuccessStatusCode();
        return process;
    }

    [Fact]
    public async Task A_request_in_Development_writes_no_telemetry_dump_by_default()
    {
        await using var process = await AskInDevelopmentAsync();
        await Task.Delay(TimeSpan.FromSeconds(2)); // the exporter writes a span as it ends, within milliseconds when on
        Assert.DoesNotContain(SpanDump, process.Stdout + process.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Metric Name:", process.Stdout + process.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telemetry_Console_true_writes_the_spans_to_the_console()
    {
        await using var process = await AskInDevelopmentAsync("--Telemetry:Console=true");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!process.Stdout.Contains(SpanDump, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Contains(SpanDump, process.Stdout, StringComparison.Ordinal);
    }
}
