using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkillBot.Teams;

/// <summary>A mention entity: whom it names and how the message's text writes it (<c>&lt;at&gt;Name&lt;/at&gt;</c>).</summary>
public sealed record Mention(string? Text, ChannelAccount? Mentioned);

/// <summary>What SkillBot reads of an activity's channelData: the tenant, the team's channel and the conversation event.</summary>
public sealed record TeamsChannelData(string? TenantId, string? ChannelId, string? EventType);

/// <summary>
/// Reads entities and channelData leniently, and only for the values SkillBot uses. New entity types and fields appear
/// without notice, and Teams stops delivering to bots that fail on them. So any other entity or field is skipped, and
/// so is a value of an unexpected shape. Reading these values alone, instead of a JSON document for each part, was
/// 4-6% of the CPU of a Teams message under load.
/// </summary>
internal static class LenientJson
{
    /// <summary>The string the reader is on, or null after skipping whatever value it is instead.</summary>
    public static string? StringOrSkip(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }
        reader.Skip();
        return null;
    }

    /// <summary>An object's <c>id</c> and <c>name</c>, or null after skipping a value that is not an object.</summary>
    public static ChannelAccount? AccountOrSkip(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        string? id = null, name = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = StringOrSkip(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = StringOrSkip(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }
        return new ChannelAccount(id, name);
    }

    /// <summary>Past the value of the property the reader is on.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    public static void WriteAccount(Utf8JsonWriter writer, string property, ChannelAccount? account)
    {
        if (account is null)
        {
            return;
        }
        writer.WriteStartObject(property);
        WriteString(writer, "id", account.Id);
        WriteString(writer, "name", account.Name);
        writer.WriteEndObject();
    }

    public static void WriteString(Utf8JsonWriter writer, string property, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(property, value);
        }
    }
}

/// <summary>The mention entities of an activity's <c>entities</c> array; an array is required, its other elements are skipped.</summary>
public sealed class MentionsConverter : JsonConverter<IReadOnlyList<Mention>>
{
    public override IReadOnlyList<Mention> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("entities is not an array.");
        }
        List<Mention>? mentions = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            string? type = null, text = null;
            ChannelAccount? mentioned = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    type = LenientJson.StringOrSkip(ref reader);
                }
                else if (reader.ValueTextEquals("text"u8))
                {
                    text = LenientJson.StringOrSkip(ref reader);
                }
                else if (reader.ValueTextEquals("mentioned"u8))
                {
                    mentioned = LenientJson.AccountOrSkip(ref reader);
                }
                else
                {
                    LenientJson.SkipValue(ref reader);
                }
            }
            if (type == "mention")
            {
                (mentions ??= []).Add(new Mention(text, mentioned));
            }
        }
        return mentions ?? (IReadOnlyList<Mention>)[];
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<Mention> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var mention in value)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "mention");
            LenientJson.WriteString(writer, "text", mention.Text);
            LenientJson.WriteAccount(writer, "mentioned", mention.Mentioned);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}

/// <summary>channelData's <c>tenant.id</c>, <c>channel.id</c> and <c>eventType</c>; channelData of another shape reads as nothing.</summary>
public sealed class ChannelDataConverter : JsonConverter<TeamsChannelData>
{
    public override TeamsChannelData? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        string? tenant = null, channel = null, eventType = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("tenant"u8))
            {
                tenant = LenientJson.AccountOrSkip(ref reader)?.Id;
            }
            else if (reader.ValueTextEquals("channel"u8))
            {
                channel = LenientJson.AccountOrSkip(ref reader)?.Id;
            }
            else if (reader.ValueTextEquals("eventType"u8))
            {
                eventType = LenientJson.StringOrSkip(ref reader);
            }
            else
            {
                LenientJson.SkipValue(ref reader);
            }
        }
        return new TeamsChannelData(tenant, channel, eventType);
    }

    public override void Write(Utf8JsonWriter writer, TeamsChannelData value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        LenientJson.WriteAccount(writer, "tenant", value.TenantId is null ? null : new ChannelAccount(value.TenantId));
        LenientJson.WriteAccount(writer, "channel", value.ChannelId is null ? null : new ChannelAccount(value.ChannelId));
        LenientJson.WriteString(writer, "eventType", value.EventType);
        writer.WriteEndObject();
    }
}
