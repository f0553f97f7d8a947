using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SkillBot.LiveCatalogue;
using SkillBot.Owners;

namespace SkillBot.SharedState;

/// <summary>Where to post into a Teams channel proactively: the connector's service URL and the channel's conversation id.</summary>
public sealed record ChannelReference(string ServiceUrl, string ConversationId, string? TenantId, string? BotId, string? BotName);

/// <summary>
/// The conversation references of the Teams channels SkillBot posts into (the owners' channel, the unanswered-question
/// channels, the announcements' channel), recorded when SkillBot is added to a team (conversationUpdate, installationUpdate),
/// when a channel is created in it, or when it hears from the channel. Shared through Redis (no expiry:
/// a channel is added once), so any replica can post; kept in memory too, which answers while Redis is down.
/// </summary>
public sealed class TeamsChannels(SharedStore store, IOptions<OwnersOptions> owners, IOptions<UnansweredOptions> unanswered, IOptions<AnnouncementOptions> announcements)
{
    private const string Prefix = "skillbot:teams-channel:";
    private readonly ConcurrentDictionary<string, ChannelReference> _known = new(StringComparer.Ordinal);

    /// <summary>True for a channel a setting names: a message heard there records (or refreshes) its reference.</summary>
    public bool IsWanted(string channelId) =>
        owners.Value.TeamsChannel == channelId
        || announcements.Value.TeamsChannel == channelId
        || (unanswered.Value.Enabled && (unanswered.Value.TeamsChannel == channelId || unanswered.Value.Domains.Values.Any(d => d.TeamsChannel == channelId)));

    public async ValueTask RememberAsync(string channelId, ChannelReference reference)
    {
        if (_known.TryGetValue(channelId, out var known) && known == reference)
        {
            return; // already recorded by this replica
        }
        _known[channelId] = reference;
        if (store.Database is { } redis)
        {
            try
            {
                await redis.StringSetAsync(Prefix + channelId, JsonSerializer.Serialize(reference, TeamsChannelsJsonContext.Default.ChannelReference));
            }
            catch (Exception e) when (SharedUserContext.IsRedisFailure(e))
            {
                store.Failed(e);
            }
        }
    }

    /// <summary>The channel's reference, as any replica recorded it; null when SkillBot has not been added to it (or heard from it).</summary>
    public async ValueTask<ChannelReference?> FindAsync(string channelId)
    {
        if (store.Database is { } redis)
        {
            try
            {
                var value = await redis.StringGetAsync(Prefix + channelId);
                if (value.HasValue && JsonSerializer.Deserialize((string)value!, TeamsChannelsJsonContext.Default.ChannelReference) is { } shared)
                {
                    return _known[channelId] = shared;
                }
            }
            catch (Exception e) when (SharedUserContext.IsRedisFailure(e))
            {
                store.Failed(e);
            }
        }
        return _known.GetValueOrDefault(channelId);
    }
}

[JsonSerializable(typeof(ChannelReference))]
internal sealed partial class TeamsChannelsJsonContext : JsonSerializerContext;
