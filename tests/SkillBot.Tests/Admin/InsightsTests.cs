using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SkillBot.Admin;
using SkillBot.Cli;
using SkillBot.Core.Insights;

namespace SkillBot.Tests.Admin;

public sealed class InsightsTests
{
    [Fact]
    public async Task Owners_read_what_went_unanswered_over_HTTP_and_from_the_command_line()
    {
        await using var app = await RunningApp.StartAsync("--Admin:ApiKey=owner-key-0123456789");
        await app.Client.GetAsync("/api/v1/answer?q=Kubernetes%3F&user=ann");
        await app.Client.GetAsync("/api/v1/answer?q=kubernetes&user=bob");

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.GetAsync("/api/v1/insights")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/insights") { Headers = { { "X-Api-Key", "owner-key-0123456789" } } };
        var response = await app.Client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var first = json.RootElement.GetProperty("unanswered")[0];
        Assert.Equal("kubernetes", first.GetProperty("question").GetString());
        Assert.Equal(2, first.GetProperty("count").GetInt64());
        Assert.DoesNotContain("ann", json.RootElement.GetRawText(), StringComparison.Ordinal);

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await Task.Run(() => CommandLine.Run(["insights", "--url", app.Client.BaseAddress!.ToString(), "--api-key", "owner-key-0123456789"], stdout, stderr));
        Assert.True(exit == 0, stderr.ToString());
        Assert.Matches(@"\s+2\s+not_found\s+kubernetes", stdout.ToString());

        exit = await Task.Run(() => CommandLine.Run(["insights", "--url", app.Client.BaseAddress!.ToString(), "--api-key", "wrong"], stdout, stderr));
        Assert.Equal(1, exit);
        Assert.Contains("admin key", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_prints_no_control_characters_from_the_report()
    {
        // A report as a SkillBot of another version (or a tampered one) could send it: escape sequences in every field.
        const string hostile = "\u001b]0;owned\u0007\u001b[2J\u001b[31mred\u009b0m\u202Edesrever\r\n";
        var builder = Loopback.FakeBuilder();
        await using var server = builder.Build();
        var report = new InsightsReport(
            [new AskedQuestion("kube" + hostile, "not_found" + hostile, 3)],
            [new Votes("s" + hostile, "r" + hostile, "l" + hostile, 1, 2)]);
        server.MapGet("/api/v1/insights", () => Results.Text(JsonSerializer.Serialize(report, AdminJsonContext.Default.InsightsReport), "application/json"));
        await server.StartAsync();
        var url = Loopback.AddressOf(server);

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await Task.Run(() => CommandLine.Run(["insights", "--url", url, "--api-key", "owner-key-0123456789"], stdout, stderr));

        Assert.True(exit == 0, stderr.ToString());
        var printed = stdout.ToString();
        var lines = printed.Split(Environment.NewLine);
        Assert.DoesNotContain(printed, c => char.IsControl(c) && c != '\r' && c != '\n');
        Assert.DoesNotContain('\u202E', printed);
        Assert.Contains(lines, l => l.Contains("kube]0;owned[2J[31mred0mdesrever", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("s]0;owned[2J[31mred0mdesrever · r", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_configured_key_the_admin_API_is_off()
    {
        await using var app = await RunningApp.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/v1/insights")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.PostAsync("/api/v1/catalogue/reload", null)).StatusCode);
    }
}
