using System.Text;
using System.Text.Json;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Pages;
using SkillBot.Cards.Slack;
using SkillBot.Cards.Text;
using SkillBot.Core.Answers;

namespace SkillBot.Rendering;

/// <summary>The renderings of an answer that the command line and the JSON API can return.</summary>
public enum AnswerFormat
{
    Json,
    Adaptive,
    BlockKit,
    Text,
}

public static class AnswerFormats
{
    public const string Names = "json, adaptive, blockkit, text";

    public static bool TryParse(string? name, out AnswerFormat format)
    {
        format = name?.ToLowerInvariant() switch
        {
            null or "" or "json" => AnswerFormat.Json,
            "adaptive" => AnswerFormat.Adaptive,
            "blockkit" => AnswerFormat.BlockKit,
            "text" => AnswerFormat.Text,
            _ => (AnswerFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    public static string ContentType(AnswerFormat format) =>
        format == AnswerFormat.Text ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";

    /// <param name="links">The pages' public URL for "Open in browser" (the card renderer has its own).</param>
    public static string Render(Answer answer, AnswerFormat format, AdaptiveCardRenderer cards, PageLinks? links = null) => format switch
    {
        AnswerFormat.Json => JsonSerializer.Serialize(answer, AnswerJsonContext.Default.Answer),
        AnswerFormat.Adaptive => Encoding.UTF8.GetString(cards.Render(answer)),
        AnswerFormat.BlockKit => Encoding.UTF8.GetString(BlockKitRenderer.ToUtf8(answer, SlackPlacement.None, links)),
        _ => TextRenderer.Render(answer, links),
    };
}
