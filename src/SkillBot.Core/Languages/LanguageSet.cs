using System.Collections.Immutable;
using System.Reflection;

namespace SkillBot.Core.Languages;

/// <summary>
/// The languages SkillBot reads and answers in: every languages/CODE.json built into this assembly, read once.
/// Adding a language is adding its file (the project embeds the whole folder). English is the default: an
/// answer is in it unless the question reads as another language, and a message another language lacks is English.
/// </summary>
public sealed class LanguageSet
{
    public const string DefaultCode = "en";
    private const string ResourcePrefix = "languages/";

    public static LanguageSet BuiltIn { get; } = ReadBuiltIn();

    private LanguageSet(Language @default, ImmutableArray<Language> all)
    {
        Default = @default;
        All = all;
    }

    public Language Default { get; }

    /// <summary>The default language first, then the others by code.</summary>
    public ImmutableArray<Language> All { get; }

    /// <summary>The language of that code, or the default one.</summary>
    public Language For(string? code)
    {
        foreach (var language in All)
        {
            if (language.Code == code)
            {
                return language;
            }
        }
        return Default;
    }

    /// <summary>These languages and one more (or one replaced): how a language from elsewhere, such as a test's, is served.</summary>
    public LanguageSet With(Language language) =>
        language.Code == DefaultCode
            ? new(language, [language, .. All.Where(l => l.Code != DefaultCode)])
            : new(Default, [Default, .. All.Where(l => l.Code != DefaultCode && l.Code != language.Code).Append(language).OrderBy(l => l.Code, StringComparer.Ordinal)]);

    private static LanguageSet ReadBuiltIn()
    {
        var assembly = typeof(LanguageSet).Assembly;
        var codes = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        var english = Read(assembly, DefaultCode, null);
        return new(english, [english, .. codes.Where(c => c != DefaultCode).Select(c => Read(assembly, c, english))]);
    }

    private static Language Read(Assembly assembly, string code, Language? fallback)
    {
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + code + ".json")
            ?? throw new InvalidOperationException($"The language file '{code}.json' is not embedded.");
        return Language.Parse(code, stream, fallback);
    }
}
