using System.Runtime.CompilerServices;
using System.Text;

namespace SkillBot.Core.Text;

/// <summary>
/// Cuts text into the tokens that questions and catalogue names are compared by: NFKC-normalised,
/// lower-case words of letters and digits, and every CJK character as a token of its own, so that
/// Chinese written without spaces can be segmented by the catalogue's own names.
/// </summary>
public static class Tokenizer
{
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        Tokenize(text, tokens);
        return tokens;
    }

    public static void Tokenize(string text, List<string> tokens)
    {
        // Normalisation throws on a lone surrogate.
        text = WellFormed.Text(text);
        if (!text.IsNormalized(NormalizationForm.FormKC))
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }

        Span<char> word = stackalloc char[64];
        var length = 0;
        StringBuilder? longWord = null;

        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (IsCjk(c))
            {
                Flush(tokens, word, ref length, ref longWord);
                tokens.Add(CjkToken(c));
            }
            else if (char.IsLetterOrDigit(c)
                || ((c is '+' or '#') && length > 0)
                || (IsApostrophe(c) && length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1])))
            {
                var lower = IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c);
                if (length < word.Length)
                {
                    word[length++] = lower;
                }
                else
                {
                    longWord ??= new StringBuilder().Append(word);
                    longWord.Append(lower);
                    length++;
                }
            }
            else
            {
                Flush(tokens, word, ref length, ref longWord);
            }
        }
    }

    /// <summary>A name's identity for lookups and clash checks: its tokens joined by single spaces.</summary>
    public static string Key(string name) => string.Join(' ', Tokenize(name));

    public static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF'      // Hiragana, Katakana
          or >= '\u3400' and <= '\u4DBF'      // CJK Extension A
          or >= '\u4E00' and <= '\u9FFF'      // CJK Unified Ideographs
          or >= '\uAC00' and <= '\uD7AF'      // Hangul syllables
          or >= '\uF900' and <= '\uFAFF';     // CJK Compatibility Ideographs

    public static bool IsCjkToken(string token) => token.Length == 1 && IsCjk(token[0]);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called for every word of every name while a catalogue loads (PlainYaml)
    private static void Flush(List<string> tokens, Span<char> word, ref int length, ref StringBuilder? longWord)
    {
        if (length == 0)
        {
            return;
        }
        var token = longWord?.ToString() ?? new string(word[..length]);
        // Possessives: "scientist's" is "scientist".
        if (token.EndsWith("'s", StringComparison.Ordinal) && token.Length > 2)
        {
            token = token[..^2];
        }
        tokens.Add(token);
        length = 0;
        longWord = null;
    }

    private static readonly string[] s_cjkCache = new string['\u9FFF' - '\u4E00' + 1];

    private static string CjkToken(char c)
    {
        if (c is < '\u4E00' or > '\u9FFF')
        {
            return c.ToString();
        }
        ref var slot = ref s_cjkCache[c - '\u4E00'];
        return slot ??= c.ToString();
    }
}
