using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SkillBot.Teams;

/// <summary>
/// The fields of a Bot Framework activity SkillBot reads. Unknown fields are skipped, and the parts that
/// grow without notice (entities, channelData, value) stay raw JSON read leniently: Teams stops delivering
/// to bots that fail on new entity types.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? Locale { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<JsonElement>? Entities { get; init; }
    public JsonElement? ChannelData { get; init; }
    public JsonElement? Value { get; init; }

    /// <summary>installationUpdate: "add" (or "add-upgrade") when SkillBot is installed in a team, "remove" when taken out.</summary>
    public string? Action { get; init; }
}

public sealed record ChannelAccount(string? Id, string? Name = null)
{
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
}

public sealed record ConversationAccount(string? Id)
{
    public string? ConversationType { get; init; }
    public bool? IsGroup { get; init; }
    public string? TenantId { get; init; }
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

/// <summary>
/// JSON kept as the bytes it was written to (a rendered card): a reply copies them rather than walking a
/// tree, and a card rendered once serves every reply that shows it.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson(byte[] utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public static RawJson Of<T>(T value, JsonTypeInfo<T> type) => new(JsonSerializer.SerializeToUtf8Bytes(value, type));
}

public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    // Cards and replies only ever go out; nothing SkillBot reads contains one.
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("RawJson is only written.");

    // Written as is: the bytes come from our own serialiser and renderer, never from a request.
    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}

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
