using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.SharedState;
using SkillBot.Testing;
using SkillBot.Tests.Teams;

namespace SkillBot.Tests.LiveCatalogue;

/// <summary>
/// Announcements:TeamsChannel: the reload's changes are posted into the Teams channel whose conversation reference
/// SkillBot recorded when it was installed in the team (installationUpdate) or the channel was created (channelCreated);
/// before that there is nowhere to post, and nothing is.
/// </summary>
public sealed class TeamsChannelAnnouncementTests : IAsyncLifetime
{
    private const string ApiKey = "test-admin-key-0123456789";
    private const string AnnouncementsChannel = "19:announcements@thread.tacv2";
    private const string GeneralChannel = "19:general@thread.tacv2";
    private readonly string _folder = Directory.CreateTempSubdirectory("skillbot-announce-").FullName;
    private TeamsTestBed _bed = null!;

    private string SkillFile => Path.Combine(_folder, "skills", "machine-learning-ai", "deep-learning.yaml");

    public async Task InitializeAsync()
    {
        Catalogues.CopyBuiltInTo(_folder);
        _bed = await TeamsTestBed.StartAsync(settings: new Dictionary<string, string>
        {
            ["Catalogue:Path"] = _folder,
            ["Admin:ApiKey"] = ApiKey,
            ["Announcements:TeamsChannel"] = AnnouncementsChannel,
        });
    }

    public async Task DisposeAsync()
    {
        await _bed.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task EditAndReloadAsync(string find, string replace)
    {
        await File.WriteAllTextAsync(SkillFile, (await File.ReadAllTextAsync(SkillFile)).Replace(find, replace, StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/catalogue/reload") { Headers = { { "X-Api-Key", ApiKey } } };
        using var response = await _bed.App.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A team event as Teams sends it: in the team's general channel, naming the channel it is about.</summary>
    private JsonObject TeamEvent(string type, string id, string channel, Action<JsonObject> more)
    {
        var activity = _bed.Message("", id: id);
        activity.Remove("text");
        activity["type"] = type;
        activity["conversation"] = new JsonObject { ["id"] = GeneralChannel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TestTokens.TenantId };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TestTokens.TenantId },
            ["team"] = new JsonObject { ["id"] = GeneralChannel },
            ["channel"] = new JsonObject { ["id"] = channel },
        };
        more(activity);
        return activity;
    }

    [Fact]
    public async Task A_reload_is_announced_in_the_channel_recorded_when_it_was_created_and_not_before()
    {
        await EditAndReloadAsync("necessity: optional", "necessity: required");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(_bed.Microsoft.TryTakeReply(out _)); // SkillBot has not been added there: nowhere to post

        var installed = TeamEvent("installationUpdate", "install-1", GeneralChannel, a => a["action"] = "add");
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(installed)).StatusCode);
        var channels = _bed.App.Services.GetRequiredService<TeamsChannels>();
        Assert.Equal((_bed.Microsoft.ServiceUrl, GeneralChannel, TestTokens.TenantId), (await channels.FindAsync(GeneralChannel)) is { } general
            ? (general.ServiceUrl, general.ConversationId, general.TenantId)
            : default);

        var created = TeamEvent("conversationUpdate", "created-1", AnnouncementsChannel, a => a["channelData"]!["eventType"] = "channelCreated");
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(created)).StatusCode);
        Assert.False(_bed.Microsoft.TryTakeReply(out _)); // recorded quietly: no welcome for a new channel

        await EditAndReloadAsync("Designs custom training loops for LLM", "Designs bespoke training loops for LLM");
        var post = await _bed.Microsoft.NextReplyAsync();
        Assert.Equal((AnnouncementsChannel, ""), (post.ConversationId, post.ActivityId)); // a new post in that channel
        Assert.StartsWith("Bearer ", post.Authorization, StringComparison.Ordinal);
        Assert.Equal(TestTokens.TenantId, (string?)post.Activity["conversation"]!["tenantId"]);
        var card = post.Activity["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains("What changed", card, StringComparison.Ordinal);
        Assert.Contains("Designs bespoke training loops", card, StringComparison.Ordinal);
    }
}
