using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkillBot.LiveCatalogue;
using SkillBot.Teams;
using SkillBot.Testing;
using SkillBot.Tests.Slack;
using SkillBot.Tests.Teams;

namespace SkillBot.Tests.LiveCatalogue;

/// <summary>
/// "What changed?" end to end: a served folder edited and reloaded, the changes answer on the JSON API, and the
/// announcement of the reload in a Slack channel (the fake Web API) and a Teams channel (the fake connector).
/// </summary>
public sealed class ChangesTests : IAsyncLifetime
{
    private const string ApiKey = "test-admin-key-0123456789";
    private const string SlackChannel = "C0ANNOUNCE";
    private const string TeamsChannel = "19:framework@thread.tacv2";
    private readonly string _folder = Directory.CreateTempSubdirectory("skillbot-changes-").FullName;
    private FakeSlack _slack = null!;
    private TeamsTestBed _teams = null!;

    private string SkillFile => Path.Combine(_folder, "skills", "machine-learning-ai", "deep-learning.yaml");

    public async Task InitializeAsync()
    {
        Catalogues.CopyBuiltInTo(_folder);
        _slack = await FakeSlack.StartAsync();
        _teams = await TeamsTestBed.StartAsync(
            settings: new Dictionary<string, string>
            {
                ["Catalogue:Path"] = _folder,
                ["Admin:ApiKey"] = ApiKey,
                ["Slack:SigningSecret"] = "test-signing-secret",
                ["Slack:BotToken"] = "xoxb-test-token",
                ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl,
                ["Announcements:SlackChannel"] = SlackChannel,
                ["Announcements:TeamsConversationId"] = TeamsChannel,
            },
            // The fake connector's address is known only once it runs: the one Teams origin allowed is the channel's service URL.
            overrides: services => services.AddOptions<AnnouncementOptions>().PostConfigure<IOptions<TeamsOptions>>(
                (announcements, teams) => announcements.TeamsServiceUrl = teams.Value.AllowedServiceUrls[0] + "/"));
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _slack.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private HttpClient Client => _teams.App.Client;

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<JsonElement> Ask(string question)
    {
        using var response = await Client.GetAsync("/api/v1/answer?q=" + Uri.EscapeDataString(question));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<JsonElement> Reload()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/catalogue/reload") { Headers = { { "X-Api-Key", ApiKey } } };
        using var response = await Client.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Before_a_reload_there_is_no_earlier_version_and_after_one_the_api_answers_what_changed()
    {
        var before = await Ask("what changed?");
        Assert.Equal("changes", before.GetProperty("intent").GetString());
        Assert.Empty(before.GetProperty("items").EnumerateArray());
        Assert.Contains("no earlier version", before.GetProperty("message").GetString());

        await File.WriteAllTextAsync(SkillFile, (await File.ReadAllTextAsync(SkillFile))
            .Replace("Designs custom training loops for LLM", "Designs bespoke training loops for LLM", StringComparison.Ordinal));
        await Reload();

        var after = await Ask("what's new for senior LLM engineers?");
        Assert.Equal(("changes", "LLM Engineer", "Senior"), (after.GetProperty("intent").GetString(), after.GetProperty("role").GetString(), after.GetProperty("level").GetString()));
        var item = Assert.Single(after.GetProperty("items").EnumerateArray());
        Assert.Equal("changed", item.GetProperty("change").GetString());
        Assert.Equal("Deep Learning", item.GetProperty("skill").GetString());
        Assert.StartsWith("Designs custom training loops", item.GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Designs bespoke training loops", item.GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Empty((await Ask("what changed for junior data scientists?")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_reload_that_changes_something_is_announced_in_Slack_and_Teams_and_one_that_does_not_is_not()
    {
        await File.WriteAllTextAsync(SkillFile, (await File.ReadAllTextAsync(SkillFile))
            .Replace("necessity: optional", "necessity: required", StringComparison.Ordinal));
        await Reload();

        var slack = await _slack.NextCall();
        Assert.Equal("chat.postMessage", slack.Method);
        Assert.Equal("Bearer xoxb-test-token", slack.Authorization);
        Assert.Equal(SlackChannel, slack.Body["channel"]!.GetValue<string>());
        var blocks = slack.Body["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 1, 50);
        Assert.Equal("What changed", blocks[0]!["text"]!["text"]!.GetValue<string>());
        var shown = blocks.ToJsonString(Readable);
        Assert.Contains("Changed · Deep Learning · Data Scientist · Junior", shown);
        Assert.Contains("necessity: required", shown);
        Assert.Contains("10 change(s) in the last update", slack.Body["text"]!.GetValue<string>());

        var teams = await _teams.Microsoft.NextReplyAsync();
        Assert.Equal((TeamsChannel, ""), (teams.ConversationId, teams.ActivityId));
        Assert.StartsWith("Bearer app-token-", teams.Authorization, StringComparison.Ordinal);
        var card = teams.Activity["attachments"]![0]!["content"]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", teams.Activity["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("What changed", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("Changed · Deep Learning · LLM Engineer · Principal", card.ToJsonString(Readable));
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(card).Length <= SkillBot.Cards.Adaptive.AdaptiveCardRenderer.MaxBytes);

        // Reloading the same files again (the folder watcher may already have): nothing new to say.
        await Reload();
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(_teams.Microsoft.TryTakeReply(out _));
        Assert.Equal(1, _slack.History.Count(c => c.Method == "chat.postMessage"));
    }
}
