using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkillBot.Owners;
using SkillBot.Tests.Slack;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.Owners;

/// <summary>Unanswered questions routed to a channel per domain, batched on a fake clock, deduplicated, with nothing personal.</summary>
public sealed class UnansweredRoutingTests
{
    private const string Commands = "/api/slack/commands";

    private static async Task<(FakeSlack Slack, RunningApp App, FakeTimeProvider Clock)> StartAsync(params string[] settings)
    {
        var slack = await FakeSlack.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow); // now: Slack signatures are checked against this clock
        var app = await RunningApp.StartAsync(s => s.AddSingleton<TimeProvider>(clock),
            ["--Slack:SigningSecret=" + Secret, "--Slack:BotToken=" + BotToken, "--Slack:ApiBaseUrl=" + slack.ApiBaseUrl, .. settings]);
        return (slack, app, clock);
    }

    [Fact]
    public async Task Not_found_and_abandoned_clarify_questions_go_out_once_per_batch_deduplicated_and_without_who_asked()
    {
        var (slack, app, clock) = await StartAsync(
            "--Unanswered:Enabled=true", "--Unanswered:BatchMinutes=5", "--Unanswered:SlackChannel=C0DEFAULT1",
            "--Unanswered:Domains:Machine Learning & AI:SlackChannel=C0MLTEAM01");
        await using var _ = app;
        await using var __ = slack;

        await app.Client.PostForm(Commands, Command("senior kubernetes engineer", user: "U7SECRET1"));
        await app.Client.PostForm(Commands, Command("Senior Kubernetes engineer?", user: "U8SECRET2")); // the same, normalised
        await app.Client.PostForm(Commands, Command("senior deep learning", user: "U9SECRET3"));    // clarify: which role?
        await app.Client.PostForm(Commands, Command("senior deep learning", user: "U6SECRET4"));    // clarify, then answered
        await app.Client.PostForm(Commands, Command("senior data scientist deep learning", user: "U6SECRET4"));

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(slack.History); // not before the batch is due

        clock.Advance(TimeSpan.FromMinutes(1));
        var first = await slack.NextCall();
        Assert.Equal("chat.postMessage", first.Method);
        Assert.Equal("C0DEFAULT1", (string?)first.Body["channel"]); // kubernetes is no domain of the catalogue
        var text = (string)first.Body["text"]!;
        Assert.Equal("Questions SkillBot could not answer in the last 5 minutes:\n• \"senior kubernetes engineer\": not found, 2 times", text);

        // The clarify nobody followed up counts as abandoned once a batch's time has passed: it goes in the next batch,
        // to its domain's channel. The one that was answered does not.
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = await slack.NextCall();
        Assert.Equal("C0MLTEAM01", (string?)second.Body["channel"]);
        Assert.Equal("Questions SkillBot could not answer in the last 5 minutes:\n• \"senior deep learning\" (Machine Learning &amp; AI): asked back, not followed up, once", (string)second.Body["text"]!);

        // Nothing new: no message.
        clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(300);
        Assert.Equal(2, slack.History.Count);
        Assert.DoesNotContain(slack.History, c => c.Body.ToJsonString().Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_batch_is_written_in_the_language_set_for_it_and_the_questions_as_asked()
    {
        var (slack, app, clock) = await StartAsync("--Unanswered:Enabled=true", "--Unanswered:BatchMinutes=5", "--Unanswered:SlackChannel=C0DEFAULT1", "--Unanswered:Language=zh");
        await using var _ = app;
        await using var __ = slack;
        await app.Client.PostForm(Commands, Command("senior kubernetes engineer"));
        await app.Client.PostForm(Commands, Command("senior deep learning", user: "U9OTHER1")); // a clarify nobody follows up
        var texts = new List<string>();
        var lines = new List<string>();
        while (lines.Count < 2 && texts.Count < 2) // the abandoned clarify may wait for the next batch
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            var text = (string)(await slack.NextCall()).Body["text"]!;
            Assert.StartsWith("过去 5 分钟里 SkillBot 没能回答的问题：\n", text);
            texts.Add(text);
            lines.AddRange(text.Split('\n').Skip(1));
        }
        Assert.Equal(["• “senior deep learning”（Machine Learning &amp; AI）：追问后没有继续，1 次", "• “senior kubernetes engineer”：没有找到，1 次"],
            lines.Order(StringComparer.Ordinal));
        // Chinese quotes and separators only: no English ones around the questions asked in English.
        foreach (var text in texts)
        {
            Assert.DoesNotContain(": ", text, StringComparison.Ordinal);
            Assert.DoesNotContain(", ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain(" (", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Off_by_default()
    {
        var (slack, app, clock) = await StartAsync();
        await using var _ = app;
        await using var __ = slack;
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostForm(Commands, Command("senior kubernetes engineer"))).StatusCode);
        clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(300);
        Assert.Empty(slack.History);
    }

    [Theory]
    [InlineData("--Unanswered:BatchMinutes=0", "Unanswered:BatchMinutes must be a whole number of minutes from 1 to 1440 (it is 0).")]
    [InlineData("--Unanswered:Language=fr", "Unanswered:Language must be one of en, zh (it is 'fr').")]
    [InlineData("--Unanswered:SlackChannel=general", "Unanswered:SlackChannel must be a Slack channel id such as C0123ABCD (it is 'general').")]
    [InlineData("--Unanswered:Domains:ML:TeamsChannel=owners", "Unanswered:Domains:ML:TeamsChannel must be a Teams channel id such as 19:abc123@thread.tacv2 (it is 'owners').")]
    public async Task Bad_routing_settings_refuse_to_start_naming_the_setting(string setting, string problem)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningApp.StartAsync("--Unanswered:Enabled=true", "--Unanswered:TeamsChannel=19:x@thread.tacv2", setting));
        Assert.Contains(problem, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enabled_with_no_channel_refuses_to_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningApp.StartAsync("--Unanswered:Enabled=true"));
        Assert.Contains("Unanswered:Enabled is true but no channel is set", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_owners_channel_is_refused()
    {
        var result = new OwnersOptionsValidator().Validate(null, new OwnersOptions { TeamsChannel = "General" });
        Assert.True(result.Failed);
        Assert.Contains("Owners:TeamsChannel must be a Teams channel id", result.FailureMessage, StringComparison.Ordinal);
    }
}
