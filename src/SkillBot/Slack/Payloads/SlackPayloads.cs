using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkillBot.Slack.Payloads;

/// <summary>A slash command: form fields over HTTP, the same fields as JSON over Socket Mode (protocol-slack.md §2).</summary>
public sealed record SlashCommand(string TeamId, string UserId, string ChannelId, string Command, string Text, string? ResponseUrl)
{
    /// <summary>Null when a required field is missing: the body is not a slash command.</summary>
    public static SlashCommand? From(Func<string, string?> field)
    {
        var (team, user, command) = (field("team_id"), field("user_id"), field("command"));
        return string.IsNullOrEmpty(team) || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(command)
            ? null
            : new SlashCommand(team, user, field("channel_id") ?? "", command, field("text") ?? "", field("response_url"));
    }
}

/// <summary>The Events API envelope (protocol-slack.md §3). <see cref="Event"/> stays raw: its shape depends on its type.</summary>
public sealed record EventEnvelope(
    string? Type,
    string? Challenge,
    string? TeamId,
    string? EventId,
    JsonElement? Event,
    IReadOnlyList<EventAuthorization>? Authorizations)
{
    public const string UrlVerification = "url_verification";
    public const string EventCallback = "event_callback";

    public IReadOnlyList<EventAuthorization>? Authorizations { get; init; } = SlackShape.WithoutNulls(Authorizations, "authorizations");
}

public sealed record EventAuthorization(string? TeamId, string? UserId, bool IsBot);

/// <summary>The inner event fields SkillBot reads, for the types it handles (app_mention, message, app_home_opened).</summary>
public sealed record SlackEvent(
    string? Type,
    string? Subtype,
    string? User,
    string? BotId,
    string? Text,
    string? Ts,
    string? ThreadTs,
    string? Channel,
    string? ChannelType,
    string? Tab);

/// <summary>A block_actions interaction (protocol-slack.md §4): who clicked, where to answer, and what.</summary>
public sealed record BlockActionsPayload(
    string? Type,
    InteractionUser? User,
    InteractionTeam? Team,
    string? ResponseUrl,
    IReadOnlyList<BlockAction>? Actions)
{
    /// <summary>For views.open (a modal), within 3 s and once.</summary>
    public string? TriggerId { get; init; }

    /// <summary>Where the clicked message is: a DM ("D…") or a channel.</summary>
    public InteractionChannel? Channel { get; init; }

    public const string TypeName = "block_actions";

    public IReadOnlyList<BlockAction>? Actions { get; init; } = SlackShape.WithoutNulls(Actions, "actions");
}

public sealed record InteractionUser(string? Id, string? TeamId);

public sealed record InteractionTeam(string? Id);

public sealed record InteractionChannel(string? Id);

/// <summary>A modal's view_submission (protocol-slack.md §4): who submitted, and the view with its inputs' state.</summary>
public sealed record ViewSubmissionPayload(string? Type, InteractionUser? User, InteractionTeam? Team, SubmittedView? View)
{
    public const string TypeName = "view_submission";
}

public sealed record SubmittedView(string? Id, string? CallbackId, string? PrivateMetadata, ViewState? State);

/// <summary><c>state.values[block_id][action_id]</c>: a text input's value, a radio group's selected option.</summary>
public sealed record ViewState(Dictionary<string, Dictionary<string, ViewInput?>?>? Values);

public sealed record ViewInput(string? Type, string? Value, SelectedOption? SelectedOption);

public sealed record BlockAction(string? ActionId, string? Type, string? Value, SelectedOption? SelectedOption);

public sealed record SelectedOption(string? Value);

/// <summary>
/// Shape rules the JSON types alone cannot state. The serializer already refuses a wrong JSON type for any field
/// (a JsonException, which every entry point answers as a malformed payload); a null inside a list is refused here,
/// while the payload is read, so no handler ever meets one.
/// </summary>
internal static class SlackShape
{
    public static IReadOnlyList<T>? WithoutNulls<T>(IReadOnlyList<T>? list, string name) where T : class =>
        list?.Any(item => item is null) == true ? throw new JsonException($"'{name}' has a null element.") : list;
}

/// <summary>
/// link_shared: links to the app's unfurl domains in a message (or in the composer, with <see cref="UnfurlId"/> and
/// <see cref="Source"/> instead of a posted message's channel and ts).
/// </summary>
public sealed record LinkSharedEvent(string? Channel, string? User, string? MessageTs, string? UnfurlId, string? Source, IReadOnlyList<SharedLink?>? Links);

public sealed record SharedLink(string? Domain, string? Url);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(SlackEvent))]
[JsonSerializable(typeof(LinkSharedEvent))]
[JsonSerializable(typeof(BlockActionsPayload))]
[JsonSerializable(typeof(ViewSubmissionPayload))]
[JsonSerializable(typeof(SlashCommandJson))]
public sealed partial class SlackJsonContext : JsonSerializerContext;

/// <summary>Socket Mode's slash_commands payload (all fields optional until checked by <see cref="SlashCommand.From"/>).</summary>
public sealed record SlashCommandJson(string? TeamId, string? UserId, string? ChannelId, string? Command, string? Text, string? ResponseUrl)
{
    public SlashCommand? ToCommand() => SlashCommand.From(name => name switch
    {
        "team_id" => TeamId,
        "user_id" => UserId,
        "channel_id" => ChannelId,
        "command" => Command,
        "text" => Text,
        "response_url" => ResponseUrl,
        _ => null,
    });
}
