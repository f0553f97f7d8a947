namespace SkillBot.Cards;

/// <summary>Shortens text for a size-limited rendering: at a word boundary, marked with "…", never splitting an encoding.</summary>
public static class TextFit
{
    public const string Ellipsis = "…";

    /// <summary>
    /// The text, encoded, in at most <paramref name="limit"/> characters; when it does not fit, the
    /// longest prefix ending at a word that fits with "…" after it.
    /// </summary>
    public static string Fit(string raw, int limit, Func<string, string>? encode = null)
    {
        encode ??= static s => s;
        var encoded = encode(raw);
        if (encoded.Length <= limit)
        {
            return encoded;
        }
        // Step back a word at a time: encoding only lengthens text, so the first prefix that fits is the longest.
        var cut = Math.Min(raw.Length, limit - Ellipsis.Length);
        while (cut > 0)
        {
            var prefix = CutAtWord(raw, cut);
            var candidate = encode(prefix) + Ellipsis;
            if (candidate.Length <= limit)
            {
                return candidate;
            }
            cut = Math.Min(cut - 1, prefix.Length - 1);
        }
        return Ellipsis;
    }

    /// <summary>The text cut to at most <paramref name="length"/> characters at the last word boundary (or hard, for one long word).</summary>
    public static string CutAtWord(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }
        var space = text.LastIndexOf(' ', Math.Max(0, length - 1), length);
        var cut = space > length / 2 ? space : length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return text[..cut].TrimEnd();
    }
}
