using Microsoft.Extensions.Options;
using SkillBot.Cards.Slack;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Hosting;
using SkillBot.Owners;
using SkillBot.SharedState;
using SkillBot.Slack.WebApi;
using SkillBot.Teams;

namespace SkillBot.LiveCatalogue;

/// <summary>Where a reload that changes something is announced; every channel is off until configured.</summary>
public sealed class AnnouncementOptions
{
    public const string Section = "Announcements";

    /// <summary>A Slack channel id (C0123ABCD) the bot is in: its token is Slack:BotToken. Empty: no Slack announcement.</summary>
    public string? SlackChannel { get; set; }

    /// <summary>The Teams channel's service URL, as Teams sent it with a message from that team (on Teams:AllowedServiceUrls).</summary>
    public string? TeamsServiceUrl { get; set; }

    /// <summary>The Teams channel's conversation id (19:…@thread.tacv2). With <see cref="TeamsServiceUrl"/>, or neither.</summary>
    public string? TeamsConversationId { get; set; }

    /// <summary>
    /// A Teams channel id (19:…@thread.tacv2) SkillBot has been added to: how to post there is what SkillBot recorded
    /// then (the service URL comes with it). Instead of <see cref="TeamsServiceUrl"/> and <see cref="TeamsConversationId"/>.
    /// </summary>
    public string? TeamsChannel { get; set; }

    public bool SlackEnabled => !string.IsNullOrWhiteSpace(SlackChannel);

    public bool TeamsEnabled => TeamsChannelEnabled || (!string.IsNullOrWhiteSpace(TeamsConversationId) && !string.IsNullOrWhiteSpace(TeamsServiceUrl));

    public bool TeamsChannelEnabled => !string.IsNullOrWhiteSpace(TeamsChannel);
}

public sealed class AnnouncementOptionsValidator : IValidateOptions<AnnouncementOptions>
{
    public ValidateOptionsResult Validate(string? name, AnnouncementOptions options)
    {
        var problems = new List<string>();
        if (options.SlackChannel is { Length: > 0 } channel && (channel.Length > 80 || channel.Any(char.IsWhiteSpace)))
        {
            problems.Add($"{AnnouncementOptions.Section}:SlackChannel must be a channel id such as C0123ABCD, not '{LogSafe.Text(channel)}'");
        }
        if (string.IsNullOrWhiteSpace(options.TeamsServiceUrl) != string.IsNullOrWhiteSpace(options.TeamsConversationId))
        {
            problems.Add($"{AnnouncementOptions.Section}:TeamsServiceUrl and {AnnouncementOptions.Section}:TeamsConversationId go together: set both to announce in a Teams channel, or neither");
        }
        if (options.TeamsChannel is { Length: > 0 } teamsChannel && !TeamsChannelIds.IsChannelId(teamsChannel))
        {
            problems.Add($"{AnnouncementOptions.Section}:TeamsChannel must be a Teams channel id such as 19:abc123@thread.tacv2 (it is '{LogSafe.Text(teamsChannel)}'): copy it from the channel's link.");
        }
        if (!string.IsNullOrWhiteSpace(options.TeamsChannel) && !string.IsNullOrWhiteSpace(options.TeamsConversationId))
        {
            problems.Add($"{AnnouncementOptions.Section}:TeamsChannel and {AnnouncementOptions.Section}:TeamsConversationId both name a Teams channel: give one");
        }
        if (options.TeamsServiceUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            problems.Add($"{AnnouncementOptions.Section}:TeamsServiceUrl must be an http(s) URL such as https://smba.trafficmanager.net/emea/, not '{LogSafe.Text(url)}'");
        }
        return Settings.Result(problems);
    }
}

/// <summary>
/// Tells the configured Slack and Teams channels what a reload changed: the same <c>changes</c> answer anyone gets
/// for "what changed?", rendered for each channel within its limits. Sent from a queue after the reload, so a slow
/// or refusing channel never holds a reload up; a failure is logged and the next reload announces again.
/// </summary>
public sealed partial class CatalogueAnnouncer(
    IOptions<AnnouncementOptions> options,
    IServiceProvider services,
    ILogger<CatalogueAnnouncer> logger) : DrainingQueue<Answer>(capacity: 8, consumers: 1)
{
    public const string Question = "what changed?";

    public bool Enabled => options.Value.SlackEnabled || options.Value.TeamsEnabled;

    /// <summary>Queues the announcement of what the catalogue <paramref name="assistant"/> now serves changed; nothing when off or nothing changed.</summary>
    public bool Announce(Assistant assistant, CatalogueDiff diff)
    {
        if (!Enabled || diff.IsEmpty)
        {
            return false;
        }
        if (!TryEnqueue(assistant.Ask(Question)))
        {
            LogShed(diff.NewVersion);
            return false;
        }
        return true;
    }

    protected override async Task ProcessAsync(Answer answer, CancellationToken abort)
    {
        var settings = options.Value;
        if (settings.SlackEnabled)
        {
            try
            {
                await services.GetRequiredService<SlackApiClient>().PostMessage(
                    BlockKitRenderer.ToUtf8(answer, SlackPlacement.Post(settings.SlackChannel!.Trim(), null)), abort);
                LogAnnounced("Slack", answer.CatalogueVersion);
            }
            catch (SlackApiException e)
            {
                LogFailed("Slack", answer.CatalogueVersion, e.Error);
            }
        }
        if (settings.TeamsEnabled)
        {
            try
            {
                if (await TeamsChannelAsync(settings) is not { } channel)
                {
                    LogFailed("Teams", answer.CatalogueVersion, "SkillBot has not been added to the announcements' Teams channel yet (Announcements:TeamsChannel)");
                    return;
                }
                var post = services.GetRequiredService<TeamsOutbound>().Post(channel, "", answer);
                if (await services.GetRequiredService<ConnectorClient>().SendAsync(post, abort))
                {
                    LogAnnounced("Teams", answer.CatalogueVersion);
                }
                else
                {
                    LogFailed("Teams", answer.CatalogueVersion, "the connector refused it (logged above)");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                       || (e is OperationCanceledException && !abort.IsCancellationRequested))
            {
                LogFailed("Teams", answer.CatalogueVersion, e.GetType().Name);
            }
        }
    }

    /// <summary>The channel to post into: as SkillBot recorded it when added there (TeamsChannel), or as configured.</summary>
    private async Task<ChannelReference?> TeamsChannelAsync(AnnouncementOptions settings) =>
        settings.TeamsChannelEnabled
            ? await services.GetRequiredService<TeamsChannels>().FindAsync(settings.TeamsChannel!.Trim())
            : new ChannelReference(settings.TeamsServiceUrl!.Trim(), settings.TeamsConversationId!.Trim(), null, null, null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Announced the changes of catalogue {Version} in {Channel}")]
    private partial void LogAnnounced(string channel, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce the changes of catalogue {Version} in {Channel}: {Reason}")]
    private partial void LogFailed(string channel, string version, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcements are backed up: the changes of catalogue {Version} are not announced")]
    private partial void LogShed(string version);
}
