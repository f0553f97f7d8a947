using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkillBot.Hosting;
using SkillBot.Teams;

namespace SkillBot.Tests.Teams;

/// <summary>Development mode (no app id) and the settings that stop startup.</summary>
public sealed class TeamsSetupTests
{
    private const string Seed = "what does senior LLM engineer need in deep learning?";

    [Fact]
    public async Task Without_an_app_id_loopback_clients_are_served_without_tokens_and_replies_carry_none()
    {
        await using var bed = await TeamsTestBed.StartAsync(authentication: false);
        var response = await bed.PostAsync(bed.Message(Seed), token: "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await bed.Microsoft.NextReplyAsync();
        Assert.Null(reply.Authorization);
        Assert.Equal(0, bed.Microsoft.TokenRequestCount);
    }

    [Fact]
    public async Task Without_an_app_id_a_request_relayed_by_a_proxy_is_refused()
    {
        await using var bed = await TeamsTestBed.StartAsync(authentication: false);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(bed.Message(Seed).ToJsonString()) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.Forbidden, (await bed.App.Client.SendAsync(request)).StatusCode);
        Assert.False(bed.Microsoft.TryTakeReply(out _));
    }

    [Fact]
    public async Task Without_an_app_id_only_loopback_service_urls_are_called()
    {
        await using var bed = await TeamsTestBed.StartAsync(authentication: false);
        var message = bed.Message(Seed);
        message["serviceUrl"] = "https://evil.example.com/";
        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.PostAsync(message, token: "")).StatusCode);
    }

    [Fact]
    public async Task The_path_is_configurable()
    {
        await using var bed = await TeamsTestBed.StartAsync(authentication: false, settings: new() { ["Teams:Path"] = "/bots/teams" });
        Assert.Equal(HttpStatusCode.NotFound, (await bed.PostAsync(bed.Message(Seed), token: "")).StatusCode);
        var response = await bed.App.Client.PostAsync("/bots/teams", new StringContent(bed.Message(Seed).ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Teams:AppId", "Teams:AppPassword")]
    [InlineData("Teams:AppPassword", "Teams:AppId")]
    public async Task A_half_configuration_stops_startup_naming_the_missing_setting(string given, string missing)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RunningApp.StartAsync(new Dictionary<string, string> { [given] = "x" }));
        Assert.Contains(missing + " is missing", error.Message);
    }

    [Theory]
    [InlineData("Teams:OpenIdMetadataUrl", "http://login.example.com/metadata")]
    [InlineData("Teams:TokenEndpoint", "not a url")]
    [InlineData("Teams:AllowedServiceUrls", "https://ok.example.com,ftp://files.example.com")]
    [InlineData("Teams:Path", "api/messages")]
    public async Task A_bad_setting_stops_startup_naming_it(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RunningApp.StartAsync(new Dictionary<string, string> { [setting] = value }));
        Assert.Contains(setting, error.Message);
    }

    [Fact]
    public void Allowed_service_urls_accept_a_comma_separated_string_or_an_array()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["A:AllowedServiceUrls"] = "https://one.example.com, https://*.two.example.com",
            ["B:AllowedServiceUrls:0"] = "https://one.example.com",
            ["B:AllowedServiceUrls:1"] = "https://*.two.example.com",
        }).Build();
        string[] expected = ["https://one.example.com", "https://*.two.example.com"];
        Assert.Equal(expected, SkillBot.Hosting.Settings.List(config.GetSection("A:AllowedServiceUrls")));
        Assert.Equal(expected, SkillBot.Hosting.Settings.List(config.GetSection("B:AllowedServiceUrls")));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/72f988bf-86f1-41af-91ab-2d7cd011db47/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/", true)]
    [InlineData("http://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("https://botframework.com@evil.example/", false)]
    [InlineData("https://x.one.example.com/", false)]
    [InlineData("https://one.example.com/", true)]
    [InlineData("https://deep.sub.two.example.com/", true)]
    [InlineData("https://two.example.com/", false)]
    [InlineData("http://127.0.0.1:3978/", false)]
    [InlineData("http://127.0.0.1:5812/", true)]
    [InlineData("http://127.0.0.1:5813/", false)]
    [InlineData("http://127.0.0.1/", false)]
    [InlineData("https://one.example.com:443/", true)]
    [InlineData("https://one.example.com:8443/", false)]
    [InlineData("https://smba.trafficmanager.net:444/emea/", false)]
    [InlineData("https://deep.sub.two.example.com:8443/", false)]
    public void The_allow_list_matches_origins(string serviceUrl, bool allowed)
    {
        var list = new ServiceUrlAllowList(Options.Create(new TeamsOptions
        {
            AppId = "id",
            AllowedServiceUrls = ["https://one.example.com", "https://*.two.example.com", "http://127.0.0.1:5812"],
        }));
        Assert.Equal(allowed, list.Allows(serviceUrl));
    }

    [Fact]
    public void Development_mode_allows_loopback_connectors()
    {
        var list = new ServiceUrlAllowList(Options.Create(new TeamsOptions()));
        Assert.True(list.Allows("http://localhost:56150/_connector"));
        Assert.True(list.Allows("http://127.0.0.1:56150/_connector"));
        Assert.False(list.Allows("http://10.0.0.5:56150/_connector"));
    }

    [Fact]
    public void Default_endpoints_follow_the_tenant()
    {
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", new TeamsOptions().ResolvedTokenEndpoint);
        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
            new TeamsOptions { TenantId = "contoso.onmicrosoft.com" }.ResolvedTokenEndpoint);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", new TeamsOptions().OpenIdMetadataUrl);
    }

    [Fact]
    public void The_built_in_configuration_starts_in_development_mode()
    {
        var app = SkillBotApp.Build(["--urls", "http://127.0.0.1:0"]);
        Assert.NotNull(app);
        Assert.False(app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value.AuthenticationEnabled);
    }
}
