using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using SkillBot.Core.Catalogue;

namespace SkillBot.Cards;

/// <summary>
/// The words around the catalogue's text, one resource per language (cards/labels/LANG.json, every one embedded:
/// a new language's labels are a new file). English by default, and for any label a language lacks; the
/// answer's language otherwise. Catalogue text is never translated.
/// </summary>
public sealed class Labels
{
    private const string Prefix = "cards/labels/";

    private static readonly FrozenDictionary<string, Labels> ByLanguage = Assembly.GetExecutingAssembly().GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".json".Length])
        .ToFrozenDictionary(lang => lang, lang => new Labels(lang, Read(lang)));

    /// <summary>The languages that have labels.</summary>
    public static IEnumerable<string> Languages => ByLanguage.Keys;

    /// <summary>Every label's key, as English has them.</summary>
    public static IEnumerable<string> Keys => ByLanguage["en"]._text.Keys;

    /// <summary>Whether this language's own file has the label (rather than falling back to English).</summary>
    public bool Has(string key) => _text.ContainsKey(key);

    private readonly FrozenDictionary<string, string> _text;

    private Labels(string language, FrozenDictionary<string, string> text)
    {
        Language = language;
        _text = text;
    }

    public string Language { get; }

    public static Labels For(string? language) =>
        language is not null && ByLanguage.TryGetValue(language, out var labels) ? labels : ByLanguage["en"];

    public string this[string key] => _text.TryGetValue(key, out var text) ? text : ByLanguage["en"]._text[key];

    public string Format(string key, string argument) => string.Format(CultureInfo.InvariantCulture, this[key], argument);

    /// <summary>A level's display name: the default ladder's names are translated, a custom ladder's shown as written.</summary>
    public string Level(string name) => _text.TryGetValue("level." + name, out var text) ? text : name;

    public string Necessity(Necessity necessity) =>
        this[necessity == Core.Catalogue.Necessity.Required ? "necessity.required" : "necessity.optional"];

    private static FrozenDictionary<string, string> Read(string language)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"{Prefix}{language}.json")
            ?? throw new InvalidOperationException($"labels for '{language}' are not embedded");
        return JsonSerializer.Deserialize(stream, CardsJsonContext.Default.DictionaryStringString)!.ToFrozenDictionary();
    }
}
