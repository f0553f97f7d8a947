using System.Text.Json.Serialization;

namespace SkillBot.Cards;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CardsJsonContext : JsonSerializerContext;
