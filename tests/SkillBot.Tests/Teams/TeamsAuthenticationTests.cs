using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using SkillBot.Teams;

namespace SkillBot.Tests.Teams;

/// <summary>Inbound Bot Framework authentication: every refusal is a 401 and nothing is answered.</summary>
public sealed class TeamsAuthenticationTests : IAsyncLifetime
{
    private TeamsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_valid_token_is_served_and_answered()
    {
        var response = await _bed.PostAsync(_bed.Message("what does senior LLM engineer need in deep learning?"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _bed.Microsoft.NextReplyAsync();
        Assert.Equal("Bearer app-token-1", reply.Authorization);
    }

    [Fact]
    public async Task No_token_is_refused() =>
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token: ""));

    [Fact]
    public async Task A_token_in_another_scheme_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(_bed.Message("hello").ToJsonString()) };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + _bed.Token());
        await AssertRefused(await _bed.App.Client.SendAsync(request));
    }

    [Fact]
    public async Task Garbage_instead_of_a_jwt_is_refused() =>
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token: "not.a.jwt"));

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var now = DateTime.UtcNow;
        var token = TestTokens.Create(_bed.Key.Credentials(), _bed.Microsoft.ServiceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6));
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token));
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_skew_is_still_accepted()
    {
        var now = DateTime.UtcNow;
        var token = TestTokens.Create(_bed.Key.Credentials(), _bed.Microsoft.ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-3));
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(_bed.Message("hello"), token)).StatusCode);
    }

    [Fact]
    public async Task A_token_not_yet_valid_is_refused()
    {
        var now = DateTime.UtcNow;
        var token = TestTokens.Create(_bed.Key.Credentials(), _bed.Microsoft.ServiceUrl, notBefore: now.AddMinutes(10), expires: now.AddHours(1));
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token));
    }

    [Fact]
    public async Task A_wrong_issuer_is_refused()
    {
        var token = TestTokens.Create(_bed.Key.Credentials(), _bed.Microsoft.ServiceUrl, issuer: "https://api.botframework.com.evil.example");
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token));
    }

    [Fact]
    public async Task A_tenant_issuer_is_refused_when_the_bot_is_not_single_tenant()
    {
        var token = TestTokens.Create(_bed.Key.Credentials(), _bed.Microsoft.ServiceUrl, issuer: $"https://sts.windows.net/{TestTokens.TenantId}/");
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token));
    }

    [Fact]
    public async Task A_wrong_audience_is_refused()
    {
        var token = TestTokens.Create(_bed.Key.Credentials(), _bed.Microsoft.ServiceUrl, audience: "another-bot-app-id");
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token));
    }

    [Fact]
    public async Task A_key_the_bot_framework_does_not_publish_is_refused()
    {
        var token = TestTokens.Create(TestKey.Teams("made-up-key").Credentials(), _bed.Microsoft.ServiceUrl);
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token));
    }

    [Fact]
    public async Task A_forged_signature_under_a_published_key_id_is_refused()
    {
        var token = TestTokens.Create(TestKey.Teams(_bed.Key.Kid).Credentials(), _bed.Microsoft.ServiceUrl);
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token));
    }

    [Fact]
    public async Task Alg_none_is_refused() =>
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), TestTokens.Unsigned(_bed.Key.Kid, _bed.Microsoft.ServiceUrl)));

    [Fact]
    public async Task Hs256_is_refused() =>
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), TestTokens.Hmac(_bed.Key.Kid, _bed.Microsoft.ServiceUrl)));

    [Fact]
    public async Task Rs512_is_refused_as_only_rs256_is_accepted()
    {
        var token = TestTokens.Create(_bed.Key.Credentials(SecurityAlgorithms.RsaSha512), _bed.Microsoft.ServiceUrl);
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token));
    }

    [Fact]
    public async Task A_key_not_endorsed_for_msteams_is_refused()
    {
        var skypeOnly = new TestKey("skype-only", ["skype"]);
        lock (_bed.Microsoft.BotFrameworkKeys)
        {
            _bed.Microsoft.BotFrameworkKeys.Add(skypeOnly);
        }
        var token = TestTokens.Create(skypeOnly.Credentials(), _bed.Microsoft.ServiceUrl);
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token));
    }

    [Fact]
    public async Task A_bot_framework_key_without_endorsements_is_refused()
    {
        var bare = new TestKey("no-endorsements");
        lock (_bed.Microsoft.BotFrameworkKeys)
        {
            _bed.Microsoft.BotFrameworkKeys.Add(bare);
        }
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), TestTokens.Create(bare.Credentials(), _bed.Microsoft.ServiceUrl)));
    }

    [Fact]
    public async Task A_serviceurl_claim_for_another_service_is_refused()
    {
        var token = _bed.Token(serviceUrl: "https://smba.trafficmanager.net/emea/");
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token));
    }

    [Fact]
    public async Task A_token_without_the_serviceurl_claim_is_refused()
    {
        var token = TestTokens.Create(_bed.Key.Credentials(), serviceUrl: null);
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), token));
    }

    [Fact]
    public async Task A_serviceUrl_off_the_allow_list_is_refused_and_never_sent_the_token()
    {
        // Same fake connector under another host name: a validly signed activity naming a host not on the list.
        var offList = _bed.Microsoft.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var activity = _bed.Message("what does senior LLM engineer need in deep learning?");
        activity["serviceUrl"] = offList;
        await AssertRefused(await _bed.PostAsync(activity, _bed.Token(offList)));
        Assert.Equal(0, _bed.Microsoft.TokenRequestCount);
    }

    [Fact]
    public async Task A_serviceUrl_on_an_allowed_host_but_another_port_is_refused_and_never_sent_the_token()
    {
        // The allow-list names the fake connector's origin with its port; a second connector on 127.0.0.1 has another.
        await using var otherPort = await FakeMicrosoft.StartAsync();
        var activity = _bed.Message("what does senior LLM engineer need in deep learning?");
        activity["serviceUrl"] = otherPort.ServiceUrl;
        await AssertRefused(await _bed.PostAsync(activity, _bed.Token(otherPort.ServiceUrl)));

        var reply = new ReplyActivity("message", null, null, new ConversationAccount("a:1"), "1", null, []);
        var connector = _bed.App.Services.GetRequiredService<ConnectorClient>();
        Assert.False(await connector.SendAsync(new PendingReply(otherPort.ServiceUrl, "a:1", "1", reply), CancellationToken.None));
        Assert.Equal(0, otherPort.ConnectorAttempts);
        Assert.Equal(0, _bed.Microsoft.TokenRequestCount);
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("nbf")]
    [InlineData("iat")]
    public async Task A_time_claim_that_is_not_a_json_number_is_refused(string claim)
    {
        var payload = TestTokens.Payload(_bed.Microsoft.ServiceUrl);
        payload[claim] = payload[claim]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), TestTokens.WithPayload(_bed.Key, payload)));

        // The same token with the number as a number passes: only the type was wrong.
        var numeric = TestTokens.WithPayload(_bed.Key, TestTokens.Payload(_bed.Microsoft.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(_bed.Message("hello", id: "numeric"), numeric)).StatusCode);
    }

    [Fact]
    public async Task An_exp_given_as_a_json_object_or_boolean_is_refused_not_a_500()
    {
        foreach (var value in new JsonNode[] { new JsonObject { ["n"] = 1 }, JsonValue.Create(true) })
        {
            var payload = TestTokens.Payload(_bed.Microsoft.ServiceUrl);
            payload["exp"] = value;
            await AssertRefused(await _bed.PostAsync(_bed.Message("hello"), TestTokens.WithPayload(_bed.Key, payload)));
        }
    }

    [Fact]
    public async Task An_unknown_key_id_refreshes_the_keys_once_then_waits_before_refreshing_again()
    {
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(_bed.Message("hello", id: "m1"))).StatusCode);
        Assert.Equal(1, _bed.Microsoft.KeyFetches);

        // Key rotation: a new key published after the bot read the keys is found by one refresh.
        var rotated = TestKey.Teams("bf-key-2");
        lock (_bed.Microsoft.BotFrameworkKeys)
        {
            _bed.Microsoft.BotFrameworkKeys.Add(rotated);
        }
        var response = await _bed.PostAsync(_bed.Message("hello", id: "m2"), TestTokens.Create(rotated.Credentials(), _bed.Microsoft.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _bed.Microsoft.KeyFetches);
        await _bed.Microsoft.NextReplyAsync();
        await _bed.Microsoft.NextReplyAsync();

        // Made-up key ids right after cannot make the bot fetch again.
        for (var i = 0; i < 3; i++)
        {
            var token = TestTokens.Create(TestKey.Teams($"made-up-{i}").Credentials(), _bed.Microsoft.ServiceUrl);
            await AssertRefused(await _bed.PostAsync(_bed.Message("hello", id: $"x{i}"), token));
        }
        Assert.Equal(2, _bed.Microsoft.KeyFetches);
    }

    [Fact]
    public async Task A_token_that_passed_is_still_held_to_each_activitys_serviceUrl_and_channel()
    {
        var token = _bed.Token();
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(_bed.Message("hello", id: "first"), token)).StatusCode);
        await _bed.Microsoft.NextReplyAsync();

        // The same token, remembered as valid, on an activity naming another service or channel.
        var elsewhere = _bed.Message("hello", id: "second");
        elsewhere["serviceUrl"] = "https://smba.trafficmanager.net/emea/";
        await AssertRefused(await _bed.PostAsync(elsewhere, token));
        var otherChannel = _bed.Message("hello", id: "third");
        otherChannel["channelId"] = "webchat";
        await AssertRefused(await _bed.PostAsync(otherChannel, token));
    }

    [Fact]
    public async Task A_refused_token_is_checked_again_every_time_and_refused_again()
    {
        var token = TestTokens.Create(_bed.Key.Credentials(), _bed.Microsoft.ServiceUrl, audience: "another-bot");
        for (var i = 0; i < 3; i++)
        {
            await AssertRefused(await _bed.PostAsync(_bed.Message("hello", id: $"m{i}"), token));
        }
    }

    private async Task AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.WwwAuthenticate.FirstOrDefault()?.Parameter);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("key", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("issuer", body, StringComparison.OrdinalIgnoreCase);
        Assert.False(_bed.Microsoft.TryTakeReply(out _));
    }
}

/// <summary>A single-tenant bot also accepts its tenant's Entra ID tokens, with that tenant's keys.</summary>
public sealed class TeamsSingleTenantTests : IAsyncLifetime
{
    private TeamsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync(singleTenant: true);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory]
    [InlineData("https://login.microsoftonline.com/{0}/v2.0")]
    [InlineData("https://sts.windows.net/{0}/")]
    public async Task The_tenants_entra_issuers_are_accepted_with_the_tenants_keys(string issuerFormat)
    {
        var token = TestTokens.Create(_bed.TenantKey.Credentials(), _bed.Microsoft.ServiceUrl, issuer: string.Format(issuerFormat, TestTokens.TenantId));
        var response = await _bed.PostAsync(_bed.Message("what does senior LLM engineer need in deep learning?"), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _bed.Microsoft.NextReplyAsync();
        Assert.Equal(TeamsTestBed.BotId, reply.Activity["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bot_framework_tokens_are_still_accepted() =>
        Assert.Equal(HttpStatusCode.OK, (await _bed.PostAsync(_bed.Message("hello"))).StatusCode);

    [Fact]
    public async Task The_single_tenants_token_endpoint_gets_the_client_credentials()
    {
        await _bed.PostAsync(_bed.Message("hello"));
        await _bed.Microsoft.NextReplyAsync();
        var form = Assert.Single(_bed.Microsoft.TokenRequests);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TestTokens.AppId, form["client_id"]);
        Assert.Equal(FakeMicrosoft.ClientSecret, form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task Another_tenants_issuer_is_refused()
    {
        var token = TestTokens.Create(_bed.TenantKey.Credentials(), _bed.Microsoft.ServiceUrl, issuer: "https://sts.windows.net/00000000-0000-0000-0000-000000000001/");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bed.PostAsync(_bed.Message("hello"), token)).StatusCode);
    }

    [Fact]
    public async Task A_bot_framework_key_cannot_sign_a_tenant_token()
    {
        var token = TestTokens.Create(_bed.Key.Credentials(), _bed.Microsoft.ServiceUrl, issuer: $"https://sts.windows.net/{TestTokens.TenantId}/");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bed.PostAsync(_bed.Message("hello"), token)).StatusCode);
    }

    [Fact]
    public async Task A_tenant_key_cannot_sign_a_bot_framework_token()
    {
        var token = TestTokens.Create(_bed.TenantKey.Credentials(), _bed.Microsoft.ServiceUrl);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bed.PostAsync(_bed.Message("hello"), token)).StatusCode);
    }

    [Fact]
    public async Task A_tenant_token_with_a_serviceurl_claim_must_match_the_activity()
    {
        var token = TestTokens.Create(_bed.TenantKey.Credentials(), "https://smba.trafficmanager.net/emea/", issuer: $"https://sts.windows.net/{TestTokens.TenantId}/");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bed.PostAsync(_bed.Message("hello"), token)).StatusCode);
    }
}
