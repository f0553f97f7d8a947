using System.Text.Json;
using System.Text.Json.Serialization;
using SkillBot.Rendering;

namespace SkillBot.Teams;

/// <summary>
/// The fields of a Bot Framework activity SkillBot reads. Unknown fields are skipped. The parts that grow without
/// notice are read leniently, because Teams stops delivering to bots that fail on new entity types: entities and
/// channelData for the few values SkillBot uses (<see cref="MentionsConverter"/>), value as raw JSON.
/// </summary>
public sealed record Activity
{
    // Settable, not init-only: System.Text.Json then fills each object as it reads it instead of collecting every
    // value first for a constructor (a tenth of the activity's cost under load). Nothing changes one once read.
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? Text { get; set; }
    public string? Locale { get; set; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; set; }
    /// <summary>The entities of type mention; the others are skipped, whatever their shape.</summary>
    [JsonPropertyName("entities")]
    [JsonConverter(typeof(MentionsConverter))]
    public IReadOnlyList<Mention>? Mentions { get; set; }

    /// <summary>The tenant, the team's channel and the event; null when channelData is not an object.</summary>
    [JsonConverter(typeof(ChannelDataConverter))]
    public TeamsChannelData? ChannelData { get; set; }
    public JsonElement? Value { get; set; }

    /// <summary>installationUpdate: "add" (or "add-upgrade") when SkillBot is installed in a team, "remove" when taken out.</summary>
    public string? Action { get; set; }
}

/// <summary>A user or bot in an activity; read settable for speed like <see cref="Activity"/>, written through its constructor.</summary>
public sealed record ChannelAccount(string? Id, string? Name = null)
{
    [JsonConstructor]
    internal ChannelAccount()
        : this((string?)null)
    {
    }

    public string? Id { get; set; } = Id;
    public string? Name { get; set; } = Name;
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }
}

/// <summary>A conversation in an activity; read settable for speed like <see cref="Activity"/>, written through its constructor.</summary>
public sealed record ConversationAccount(string? Id)
{
    [JsonConstructor]
    internal ConversationAccount()
        : this((string?)null)
    {
    }

    public string? Id { get; set; } = Id;
    public string? ConversationType { get; set; }
    public bool? IsGroup { get; set; }
    public string? TenantId { get; set; }
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string MessageExtensionQuery = "composeExtension/query";
    public const string MessageExtensionQueryLink = "composeExtension/queryLink";
}

/// <summary>A reply posted to the connector.</summary>
public sealed record ReplyActivity(
    string Type,
    ChannelAccount? From,
    ChannelAccount? Recipient,
    ConversationAccount Conversation,
    string? ReplyToId,
    string? Summary,
    IReadOnlyList<Attachment> Attachments)
{
    /// <summary>The message's text (markdown), shown above the attachments; null for a card alone.</summary>
    public string? Text { get; init; }
}

public sealed record Attachment(string ContentType, RawJson Content);

public static class ContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string ThumbnailCard = "application/vnd.microsoft.card.thumbnail";
    public const string Error = "application/vnd.microsoft.error";
}

/// <summary>The synchronous answer to <c>adaptiveCard/action</c>: a card replacing the clicked one, or an error.</summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, RawJson Value);

public sealed record InvokeError(string Code, string Message);

/// <summary>The synchronous answer to <c>composeExtension/query</c>.</summary>
public sealed record MessageExtensionResponse(MessageExtensionResult ComposeExtension);

public sealed record MessageExtensionResult(string Type)
{
    public string? AttachmentLayout { get; init; }
    public IReadOnlyList<MessageExtensionAttachment>? Attachments { get; init; }
    public string? Text { get; init; }
}

public sealed record MessageExtensionAttachment(string ContentType, RawJson Content, Attachment Preview);

public sealed record ThumbnailCard(string Title, string? Subtitle, string? Text);

public sealed record MessageExtensionQuery(string? CommandId, IReadOnlyList<MessageExtensionParameter>? Parameters, QueryOptions? QueryOptions);

public sealed record MessageExtensionParameter(string? Name, JsonElement? Value);

public sealed record QueryOptions(int? Skip, int? Count);

/// <summary>The value of <c>composeExtension/queryLink</c>: a link to one of the app's domains, pasted in the compose box.</summary>
public sealed record AppBasedLinkQuery(string? Url);

/// <summary>The Entra ID token endpoint's answer to a client-credentials request.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] JsonElement? ExpiresIn,
    [property: JsonPropertyName("token_type")] string? TokenType);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ReplyActivity))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(InvokeError))]
[JsonSerializable(typeof(MessageExtensionResponse))]
[JsonSerializable(typeof(MessageExtensionQuery))]
[JsonSerializable(typeof(AppBasedLinkQuery))]
[JsonSerializable(typeof(ThumbnailCard))]
[JsonSerializable(typeof(TokenResponse))]
public sealed partial class TeamsJsonContext : JsonSerializerContext;
