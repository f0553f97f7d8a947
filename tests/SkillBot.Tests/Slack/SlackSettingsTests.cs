using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SkillBot.Slack;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.Slack;

public sealed class SlackSettingsTests
{
    private static SlackOptions Read(params (string Key, string Value)[] settings) =>
        SlackOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build());

    [Fact]
    public void Lists_take_an_array_or_one_comma_separated_string()
    {
        Assert.Equal(["a", "b"], Read(("Slack:SigningSecrets", " a, b ")).SigningSecrets);
        Assert.Equal(["a", "b", "c"], Read(("Slack:SigningSecret", "a"), ("Slack:SigningSecrets:0", "b"), ("Slack:SigningSecrets:1", "c")).SigningSecrets);
        Assert.Equal(["hooks.slack.com"], Read().ResponseUrlHosts);
        Assert.Equal(["x.test", "127.0.0.1"], Read(("Slack:ResponseUrlHosts:0", "x.test"), ("Slack:ResponseUrlHosts:1", "127.0.0.1")).ResponseUrlHosts);
        Assert.Equal("https://slack.com/api/", Read().ApiBaseUri.ToString());
        Assert.Equal("http://127.0.0.1:5/api/", Read(("Slack:ApiBaseUrl", "http://127.0.0.1:5/api")).ApiBaseUri.ToString());
    }

    [Fact]
    public void Slack_is_enabled_by_a_signing_secret_or_an_app_token_only()
    {
        Assert.False(Read(("Slack:BotToken", BotToken)).Enabled);
        Assert.True(Read(("Slack:SigningSecret", "s")).HttpEnabled);
        Assert.True(Read(("Slack:AppToken", AppToken)).SocketModeEnabled);
        Assert.False(Read(("Slack:AppToken", AppToken)).HttpEnabled);
    }

    [Theory]
    [InlineData("Slack:BotToken", "--Slack:SigningSecret=s")]
    [InlineData("Slack:BotToken", "--Slack:AppToken=" + AppToken)]
    [InlineData("Slack:BotToken", "--Slack:SigningSecret=s", "--Slack:BotToken=xapp-swapped")]
    [InlineData("Slack:AppToken", "--Slack:AppToken=xoxb-swapped", "--Slack:BotToken=" + BotToken)]
    [InlineData("Slack:ApiBaseUrl", "--Slack:SigningSecret=s", "--Slack:BotToken=" + BotToken, "--Slack:ApiBaseUrl=not a url")]
    [InlineData("Slack:EventsPath", "--Slack:SigningSecret=s", "--Slack:BotToken=" + BotToken, "--Slack:EventsPath=events")]
    public async Task Half_a_configuration_stops_startup_naming_the_setting(string named, params string[] args)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningApp.StartAsync(args));
        Assert.Contains(error.Failures, f => f.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_slack_settings_there_are_no_slack_endpoints()
    {
        await using var app = await RunningApp.StartAsync();
        var response = await app.Client.PostForm("/api/slack/commands", Command("help"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Endpoint_paths_are_configurable()
    {
        await using var app = await RunningApp.StartAsync("--Slack:SigningSecret=" + Secret, "--Slack:BotToken=" + BotToken, "--Slack:CommandsPath=/slack/cmd");
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostForm("/slack/cmd", Command("help"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.PostForm("/api/slack/commands", Command("help"))).StatusCode);
    }
}
