namespace SkillBot.Tests.Admin;

/// <summary>Bad settings stop the real executable with one line each naming the setting, exit 1, never a stack trace.</summary>
public sealed class StartupSettingsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private static async Task<List<string>> ProblemsOfAsync(params string[] settings)
    {
        await using var process = SkillBotProcess.Start(["--urls", "http://127.0.0.1:0", .. settings]);
        var exit = await process.WaitForExitAsync(Timeout);

        Assert.True(exit == 1, $"exit {exit}; stderr:\n{process.Stderr}");
        Assert.DoesNotContain("   at ", process.Stderr + process.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", process.Stderr, StringComparison.Ordinal);
        return [.. process.Stderr.Split('\n').Where(l => l.StartsWith("SkillBot cannot start:", StringComparison.Ordinal))];
    }

    [Theory]
    [InlineData("--Admin:ApiKey=short", "Admin:ApiKey")]
    [InlineData("--RateLimits:PerUserPerMinute=0", "RateLimits:PerUserPerMinute")]
    [InlineData("--Conversation:MaxUsers=0", "Conversation:MaxUsers")]
    [InlineData("--Teams:ReplyQueueCapacity=0", "Teams:ReplyQueueCapacity")]
    [InlineData("--Conversation:SlidingExpiration=00:00:00", "Conversation:SlidingExpiration")]
    public async Task A_bad_setting_stops_startup_with_one_line_naming_it(string setting, string named)
    {
        Assert.Contains(named, Assert.Single(await ProblemsOfAsync(setting)), StringComparison.Ordinal);
    }

    /// <summary>Values the configuration binder cannot convert, in options classes of every kind and in plain reads.</summary>
    [Theory]
    [InlineData("--RateLimits:PerUserPerMinute=abc", "RateLimits:PerUserPerMinute must be a whole number (it is 'abc').")]
    [InlineData("--WebChat:Enabled=maybe", "WebChat:Enabled must be true or false (it is 'maybe').")]
    [InlineData("--Telemetry:Console=yes", "Telemetry:Console must be true or false (it is 'yes').")]
    [InlineData("--Teams:ConnectorRetryDelay=soon", "Teams:ConnectorRetryDelay must be a duration as [d.]hh:mm:ss, e.g. 00:00:05 (it is 'soon').")]
    [InlineData("--Teams:MaxActivityBytes=1e6", "Teams:MaxActivityBytes must be a whole number (it is '1e6').")]
    [InlineData("--urls=localhost:3978", "Urls must be http:// or https:// addresses with a port from 0 to 65535, separated by ';', e.g. http://localhost:3978 (it is 'localhost:3978').")]
    [InlineData("--urls=http://127.0.0.1:99999", "Urls must be http:// or https:// addresses with a port from 0 to 65535, separated by ';', e.g. http://localhost:3978 (it is 'http://127.0.0.1:99999').")]
    [InlineData("--urls=http://localhost:0", "Urls: port 0 (any free port) needs http://127.0.0.1:0 or http://[::1]:0, not localhost (it is 'http://localhost:0').")]
    [InlineData("--Logging:LogLevel:Default=loud", "Logging:LogLevel:Default must be one of Trace, Debug, Information, Warning, Error, Critical, None (it is 'loud').")]
    public async Task An_unreadable_value_stops_startup_with_one_line_saying_what_the_setting_takes(string setting, string line)
    {
        Assert.Equal($"SkillBot cannot start: {line}", Assert.Single(await ProblemsOfAsync(setting)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    public async Task An_unreadable_slack_body_limit_stops_startup_instead_of_falling_back_to_the_default(string value)
    {
        var line = Assert.Single(await ProblemsOfAsync("--Slack:SigningSecret=secret", "--Slack:BotToken=xoxb-1", $"--Slack:MaxBodyBytes={value}"));
        Assert.Contains("Slack:MaxBodyBytes must be a whole number", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_settings_of_several_sections_are_each_named()
    {
        var problems = await ProblemsOfAsync("--Admin:ApiKey=short", "--RateLimits:PerWorkspacePerMinute=-1");
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("Admin:ApiKey", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("RateLimits:PerWorkspacePerMinute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_address_already_in_use_stops_startup_with_a_line_naming_it()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        await using var process = SkillBotProcess.Start(["--urls", address]);
        var exit = await process.WaitForExitAsync(Timeout);

        Assert.True(exit == 1, $"exit {exit}; stderr:\n{process.Stderr}");
        var line = Assert.Single(process.Stderr.Split('\n'), l => l.StartsWith("SkillBot cannot start:", StringComparison.Ordinal));
        Assert.Contains(address, line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
    }
}
