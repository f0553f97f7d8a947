using System.Globalization;
using Microsoft.Extensions.Options;

namespace SkillBot.Slack;

/// <summary>
/// Settings of the <c>Slack</c> section. Slack is on when a signing secret (HTTP endpoints) or an app token
/// (Socket Mode) is set. List settings take an array or one comma-separated string (handy in environment variables).
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Every signing secret accepted: <c>Slack:SigningSecret</c> plus <c>Slack:SigningSecrets</c> (two at once while rotating).</summary>
    public IReadOnlyList<string> SigningSecrets { get; set; } = [];

    public string? BotToken { get; set; }

    /// <summary>App-level token (xapp-…): set, SkillBot connects to Slack with Socket Mode.</summary>
    public string? AppToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>The only hosts a response_url may point at, so a forged payload cannot make the bot POST elsewhere.</summary>
    public IReadOnlyList<string> ResponseUrlHosts { get; set; } = ["hooks.slack.com"];

    public string CommandsPath { get; set; } = "/api/slack/commands";

    public string EventsPath { get; set; } = "/api/slack/events";

    public string InteractionsPath { get; set; } = "/api/slack/interactions";

    /// <summary>Larger bodies get 413 before being verified or read. Interaction payloads carry the whole message, so not tiny.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    public bool HttpEnabled => SigningSecrets.Count > 0;

    public bool SocketModeEnabled => !string.IsNullOrWhiteSpace(AppToken);

    public bool Enabled => HttpEnabled || SocketModeEnabled;

    public Uri ApiBaseUri => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");

    /// <summary>Reads the section by hand: the binder cannot take a list as one comma-separated string.</summary>
    public void ReadFrom(IConfigurationSection section)
    {
        SigningSecrets = [.. List(section.GetSection("SigningSecret")), .. List(section.GetSection("SigningSecrets"))];
        BotToken = Value(section, "BotToken") ?? BotToken;
        AppToken = Value(section, "AppToken") ?? AppToken;
        ApiBaseUrl = Value(section, "ApiBaseUrl") ?? ApiBaseUrl;
        var hosts = List(section.GetSection("ResponseUrlHosts"));
        ResponseUrlHosts = hosts.Count > 0 ? hosts : ResponseUrlHosts;
        CommandsPath = Value(section, "CommandsPath") ?? CommandsPath;
        EventsPath = Value(section, "EventsPath") ?? EventsPath;
        InteractionsPath = Value(section, "InteractionsPath") ?? InteractionsPath;
        // An unreadable size becomes zero, which the validator names (it used to fall back to the default silently).
        MaxBodyBytes = Value(section, "MaxBodyBytes") is not { } size ? MaxBodyBytes
            : long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? max : 0;
    }

    public static SlackOptions From(IConfiguration configuration)
    {
        var options = new SlackOptions();
        options.ReadFrom(configuration.GetSection(Section));
        return options;
    }

    private static string? Value(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();

    private static List<string> List(IConfigurationSection section)
    {
        var values = section.Value is { } one ? [one] : section.GetChildren().Select(c => c.Value ?? "");
        return [.. values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
    }
}

/// <summary>Refuses half a Slack configuration at startup, naming the setting that is missing or wrong.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            // Mentions, DMs and App Home are answered through the Web API, which needs the bot token.
            problems.Add("Slack:BotToken is missing. Slack is enabled (a signing secret or Slack:AppToken is set), and answering mentions, DMs and App Home needs the bot token (xoxb-…) from the app's OAuth & Permissions page.");
        }
        else if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            problems.Add("Slack:BotToken must be a bot token (it starts with xoxb-).");
        }
        if (options.SocketModeEnabled && !options.AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            problems.Add("Slack:AppToken must be an app-level token (it starts with xapp-) with the connections:write scope.");
        }
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"Slack:ApiBaseUrl must be an absolute http(s) URL, e.g. https://slack.com/api/ (it is '{options.ApiBaseUrl}').");
        }
        if (options.ResponseUrlHosts.Count == 0)
        {
            problems.Add("Slack:ResponseUrlHosts is empty: list the hosts response_url may point at (default hooks.slack.com).");
        }
        foreach (var (key, path) in new[] { ("CommandsPath", options.CommandsPath), ("EventsPath", options.EventsPath), ("InteractionsPath", options.InteractionsPath) })
        {
            if (!path.StartsWith('/'))
            {
                problems.Add($"Slack:{key} must start with '/' (it is '{path}').");
            }
        }
        if (options.MaxBodyBytes < 1024)
        {
            problems.Add("Slack:MaxBodyBytes must be a whole number of bytes, at least 1024.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
