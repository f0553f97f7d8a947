namespace SkillBot.Core.Understanding;

/// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), bounded: linear in the length.</summary>
internal static class EditDistance
{
    /// <summary>How many edits a word of this length may carry and still be recognised.</summary>
    public static int Budget(int length) => length switch
    {
        < 5 => 0,
        < 9 => 1,
        _ => 2,
    };

    /// <summary>The distance, or <paramref name="max"/> + 1 as soon as it is known to exceed it.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }
        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }
        // No distance exceeds the longer length: a larger bound (int.MaxValue - 1 for "any distance") would overflow below.
        max = Math.Min(max, Math.Max(a.Length, b.Length));
        // Only the diagonal band |i - j| <= max can hold a distance within max, so each row costs at most
        // 2 * max + 1 cells: linear in the length, where the full table was the product of the lengths.
        var over = max + 1;
        var width = b.Length + 1;
        Span<int> rows = width <= 256 ? stackalloc int[3 * width] : new int[3 * width];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j <= max ? j : over;
        }
        previous2.Fill(over);
        current.Fill(over);
        for (var i = 1; i <= a.Length; i++)
        {
            var from = Math.Max(1, i - max);
            var to = Math.Min(b.Length, i + max);
            // The cells either side of the band are read by the next row: out of reach.
            current[from - 1] = from == 1 && i <= max ? i : over;
            if (to < b.Length)
            {
                current[to + 1] = over;
            }
            var rowMin = current[from - 1];
            for (var j = from; j <= to; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                current[j] = Math.Min(value, over);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > max)
            {
                return over;
            }
            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return Math.Min(previous[b.Length], max + 1);
    }
}
