using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace SkillBot.Tests.Teams;

/// <summary>SkillBot configured as a Teams bot against <see cref="FakeMicrosoft"/>, plus helpers to post activities.</summary>
public sealed class TeamsTestBed : IAsyncDisposable
{
    public const string BotId = "28:" + TestTokens.AppId;
    public const string UserId = "29:1a2b3c-user";
    public const string UserAadId = "6b1d9a44-0c5e-4c2a-9d57-3c0a8f2e11aa";

    private TeamsTestBed(FakeMicrosoft microsoft, RunningApp app, TestKey key)
    {
        Microsoft = microsoft;
        App = app;
        Key = key;
    }

    public FakeMicrosoft Microsoft { get; }

    public RunningApp App { get; }

    /// <summary>The Bot Framework key (endorsed for msteams) that signs tokens by default.</summary>
    public TestKey Key { get; }

    /// <summary>The single tenant's Entra ID key (no endorsements), published by the fake tenant metadata.</summary>
    public TestKey TenantKey { get; } = new("entra-key-1");

    /// <param name="overrides">Services replaced before the bot is built (a log capture, a clock).</param>
    public static async Task<TeamsTestBed> StartAsync(
        bool authentication = true, bool singleTenant = false, Dictionary<string, string>? settings = null, Action<IServiceCollection>? overrides = null)
    {
        var microsoft = await FakeMicrosoft.StartAsync();
        var key = TestKey.Teams("bf-key-1");
        microsoft.BotFrameworkKeys.Add(key);
        var all = new Dictionary<string, string>
        {
            ["Teams:OpenIdMetadataUrl"] = microsoft.BotFrameworkMetadataUrl,
            ["Teams:TokenEndpoint"] = microsoft.TokenEndpoint,
            ["Teams:ConnectorRetryDelay"] = "00:00:00.050",
        };
        if (authentication)
        {
            all["Teams:AppId"] = TestTokens.AppId;
            all["Teams:AppPassword"] = FakeMicrosoft.ClientSecret;
            all["Teams:AllowedServiceUrls"] = microsoft.BaseUrl; // origins include the port
        }
        if (singleTenant)
        {
            all["Teams:TenantId"] = TestTokens.TenantId;
            all["Teams:TenantOpenIdMetadataUrl"] = microsoft.TenantMetadataUrl;
        }
        foreach (var (name, value) in settings ?? [])
        {
            all[name] = value;
        }
        var bed = new TeamsTestBed(microsoft, await RunningApp.StartAsync(overrides, [.. all.Select(s => $"--{s.Key}={s.Value}")]), key);
        microsoft.TenantKeys.Add(bed.TenantKey);
        return bed;
    }

    public string Token(string? serviceUrl = null) => TestTokens.Create(Key.Credentials(), serviceUrl ?? Microsoft.ServiceUrl);

    /// <summary>Posts an activity as Teams does: JSON with the bearer token (a valid one by default; "" sends none).</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null, CancellationToken cancellation = default) =>
        PostRawAsync(activity.ToJsonString(), token ?? Token(activity["serviceUrl"]?.GetValue<string>()), cancellation);

    public Task<HttpResponseMessage> PostRawAsync(string body, string? token, CancellationToken cancellation = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return App.Client.SendAsync(request, cancellation);
    }

    public JsonObject Message(string text, string conversationType = "personal", string? conversationId = null, string? id = null) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? "1481567603816",
        ["timestamp"] = "2026-11-29T03:00:00.000Z",
        ["serviceUrl"] = Microsoft.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Megan Bowen", ["aadObjectId"] = UserAadId },
        ["conversation"] = new JsonObject
        {
            ["id"] = conversationId ?? "a:1pL6gJuM2xbOQW7CFCm4P5Ws2NZHcQZ3Fr7wZdSQzxVNq",
            ["conversationType"] = conversationType,
            ["tenantId"] = TestTokens.TenantId,
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "SkillBot" },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web", ["timezone"] = "Europe/London",
        }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TestTokens.TenantId } },
    };

    public JsonObject Invoke(string name, JsonNode value)
    {
        var activity = Message("");
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Microsoft.DisposeAsync();
    }
}
