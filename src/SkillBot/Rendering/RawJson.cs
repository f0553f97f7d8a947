using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SkillBot.Rendering;

/// <summary>
/// JSON kept as the bytes it was written to (a rendered card): a reply (Teams, the web chat) copies them
/// rather than walking a tree, and a card rendered once serves every reply that shows it.
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
