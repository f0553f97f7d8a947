namespace SkillBot.Core.Answers;

/// <summary>
/// What a higher level's text adds to a lower one's, word by word: the higher text cut into runs whose
/// concatenation is exactly that text, each run marked added or not (a longest-common-subsequence diff
/// over words compared without case or surrounding punctuation).
/// </summary>
public static class WordDiff
{
    public static IReadOnlyList<Segment> Added(string lower, string higher)
    {
        var higherWords = Words(higher);
        if (higherWords.Count == 0)
        {
            return [new Segment(higher, false)];
        }
        var lowerKeys = Words(lower).Select(w => Key(lower, w)).ToArray();
        var higherKeys = higherWords.Select(w => Key(higher, w)).ToArray();
        var kept = CommonWords(lowerKeys, higherKeys);
        AbsorbIslands(kept);

        var segments = new List<Segment>();
        var runStart = 0;
        var runAdded = !kept[0];
        for (var i = 1; i < higherWords.Count; i++)
        {
            var added = !kept[i];
            if (added != runAdded)
            {
                segments.Add(new Segment(higher[runStart..higherWords[i].Start], runAdded));
                runStart = higherWords[i].Start;
                runAdded = added;
            }
        }
        segments.Add(new Segment(higher[runStart..], runAdded));
        return segments;
    }

    /// <summary>Word spans; each word owns the whitespace after it, the first word also what precedes it.</summary>
    private static List<(int Start, int End)> Words(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i > start)
            {
                words.Add((words.Count == 0 ? 0 : start, i));
            }
        }
        return words;
    }

    private static string Key(string text, (int Start, int End) word)
    {
        var span = text.AsSpan(word.Start, word.End - word.Start).Trim();
        var first = 0;
        var last = span.Length - 1;
        while (first <= last && !char.IsLetterOrDigit(span[first]))
        {
            first++;
        }
        while (last >= first && !char.IsLetterOrDigit(span[last]))
        {
            last--;
        }
        return first <= last ? span[first..(last + 1)].ToString().ToLowerInvariant() : span.ToString();
    }

    /// <summary>
    /// A word or two that both texts happen to share ("for", "the", "training"), sitting between new
    /// words, reads as part of the new phrase: marking it unchanged would chop the phrase into islands.
    /// Runs of kept words no longer than the added runs on both sides become added.
    /// </summary>
    private static void AbsorbIslands(bool[] kept)
    {
        var runs = new List<(int Start, int Length, bool Kept)>();
        for (var i = 0; i < kept.Length;)
        {
            var start = i;
            while (i < kept.Length && kept[i] == kept[start])
            {
                i++;
            }
            runs.Add((start, i - start, kept[start]));
        }
        for (var r = 1; r + 1 < runs.Count; r++)
        {
            var (start, length, isKept) = runs[r];
            if (isKept && length <= 2 && length <= runs[r - 1].Length && length <= runs[r + 1].Length)
            {
                Array.Fill(kept, false, start, length);
            }
        }
    }

    /// <summary>For each word of b, whether it belongs to a longest common subsequence with a.</summary>
    private static bool[] CommonWords(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }
        var kept = new bool[b.Length];
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] == b[j])
            {
                kept[j] = true;
                i++;
                j++;
            }
            else if (table[i + 1, j] >= table[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return kept;
    }
}
