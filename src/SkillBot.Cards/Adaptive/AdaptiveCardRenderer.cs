using System.Buffers;
using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Cards.Pages;
using SkillBot.Cards.Templating;
using SkillBot.Cards.Text;
using SkillBot.Core.Answers;

namespace SkillBot.Cards.Adaptive;

/// <summary>
/// The answer as an Adaptive Card (schema 1.5) for Teams, the web chat, the API and the command line: the
/// intent's template from cards/ expanded with the answer's card data, and the answer as text in
/// <c>fallbackText</c> for clients that cannot show the card. Templates are parsed once; rendering is thread-safe.
/// With <paramref name="links"/> every card ends with "Open in browser", whatever its template.
/// </summary>
public sealed class AdaptiveCardRenderer(PageLinks? links = null)
{
    private readonly FrozenDictionary<string, CardTemplate> _templates = Enum.GetValues<Intent>()
        .Select(AdaptiveCardData.TemplateFor)
        .Distinct()
        .ToFrozenDictionary(name => name, name => CardTemplate.Parse(Embedded($"cards/{name}.json")));

    /// <summary>Teams' strictest documented limit for a card is 28 KB; keep a little under it.</summary>
    public const int MaxBytes = 27 * 1024;

    /// <summary>The most a UTF-16 character can take in JSON: <c>\uXXXX</c>.</summary>
    private const int MaxEscapedBytesPerChar = 6;

    /// <summary>What <c>,"fallbackText":""</c> adds around the text itself.</summary>
    private static readonly int FallbackOverhead = ",\"fallbackText\":\"\"".Length;

    /// <summary>
    /// The card as UTF-8 JSON, with long catalogue text shortened and long lists cut until it fits
    /// <see cref="MaxBytes"/>: the most generous <see cref="CardBudget"/> that fits, the fallback text in the room left.
    /// </summary>
    /// <param name="pages">Instead of the renderer's own links: the web chat links the host it is served from.</param>
    public byte[] Render(Answer answer, PageLinks? pages = null)
    {
        var template = _templates[AdaptiveCardData.TemplateFor(answer.Intent)];
        var view = AnswerView.Of(answer, pages ?? links);
        var fallback = TextRenderer.Render(view);
        var budgets = CardBudget.GenerousToTightest;
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        if (Write(buffer, template, view, budgets[0], fallback) is { } generous)
        {
            return generous; // nearly every card
        }
        // A tighter budget never makes a card larger, so the first that fits is found by halving the
        // range instead of expanding the template with every budget in turn; the tightest is taken regardless.
        var (low, high) = (1, budgets.Count - 1);
        byte[]? atHigh = null;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Write(buffer, template, view, budgets[middle], fallback) is { } card)
            {
                (atHigh, high) = (card, middle);
            }
            else
            {
                low = middle + 1;
            }
        }
        return atHigh ?? Write(buffer, template, view, budgets[high], fallback, always: true)!;
    }

    /// <summary>
    /// The card written once, measured as it is written: null when it does not fit (unless <paramref name="always"/>),
    /// else the card with the fallback text, cut to the room left under <see cref="MaxBytes"/>, as its last property.
    /// </summary>
    private static byte[]? Write(ArrayBufferWriter<byte> buffer, CardTemplate template, AnswerView view, CardBudget budget, string fallback, bool always = false)
    {
        var card = template.Expand(AdaptiveCardData.Build(view, budget)) as JsonObject
            ?? throw new InvalidOperationException($"the {view.Answer.Intent} template expanded to nothing");
        AddPageLink(card, view);
        buffer.ResetWrittenCount();
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        foreach (var (name, value) in card)
        {
            json.WritePropertyName(name);
            if (value is null)
            {
                json.WriteNullValue();
            }
            else
            {
                value.WriteTo(json);
            }
        }
        var size = json.BytesCommitted + json.BytesPending + 1; // and the closing brace
        // The fallback text is never cut below the ellipsis: a card that leaves no room for it does not fit.
        if (size + FallbackOverhead + (MaxEscapedBytesPerChar * TextFit.Ellipsis.Length) > MaxBytes && !always)
        {
            return null;
        }
        json.WriteString("fallbackText", FitFallback(fallback, (int)(MaxBytes - size - FallbackOverhead)));
        json.WriteEndObject();
        json.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>"Open in browser" after the card's own actions: in the renderer, so no template can forget it.</summary>
    private static void AddPageLink(JsonObject card, AnswerView view)
    {
        if (view.PageUrl is not { } url)
        {
            return;
        }
        if (card["actions"] is not JsonArray actions)
        {
            card["actions"] = actions = [];
        }
        actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = view.Labels["openInBrowser"], ["url"] = url });
    }

    /// <summary>The text whole when its JSON fits <paramref name="room"/> bytes, else cut at a word with "…" until it does.</summary>
    private static string FitFallback(string text, int room)
    {
        if (MaxEscapedBytesPerChar * (long)text.Length <= room)
        {
            return text; // nearly always: no need to escape it to know
        }
        var fitted = text;
        var bytes = JsonEncodedText.Encode(fitted).EncodedUtf8Bytes.Length;
        for (var length = text.Length; bytes > room && length > TextFit.Ellipsis.Length;)
        {
            // Escaping lengthens some characters more than others: shrink in proportion to the excess, by a tenth at least.
            length = Math.Max(TextFit.Ellipsis.Length, Math.Min(length * 9 / 10, (int)((long)length * Math.Max(room, 0) / bytes)));
            fitted = TextFit.Fit(text, length);
            bytes = JsonEncodedText.Encode(fitted).EncodedUtf8Bytes.Length;
        }
        return fitted;
    }

    private static string Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"card template '{name}' is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
