namespace SkillBot.Core.Text;

/// <summary>
/// Text that is valid UTF-16: a surrogate without its pair (chat clients and fuzzers send them) is
/// replaced by U+FFFD, because Unicode normalisation and JSON writing reject such text.
/// </summary>
public static class WellFormed
{
    public static string Text(string text)
    {
        // The common case costs one vectorised scan and no allocation.
        var first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return text;
        }
        char[]? repaired = null;
        for (var i = first; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                repaired ??= text.ToCharArray();
                repaired[i] = '\uFFFD';
            }
        }
        return repaired is null ? text : new string(repaired);
    }
}
