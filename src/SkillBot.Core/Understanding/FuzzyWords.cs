using System.Runtime.CompilerServices;

namespace SkillBot.Core.Understanding;

/// <summary>
/// Finds the catalogue word a misspelt word was meant to be, without scanning the vocabulary:
/// a symmetric-delete index (each word stored under every form with up to two letters deleted),
/// so a lookup costs a few hash probes however large the catalogue is.
/// </summary>
internal sealed class FuzzyWords
{
    private const int MaxDeletes = 2;
    private const int MinWordLength = 4;
    private readonly Dictionary<string, List<string>> _byDeletion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>>.AlternateLookup<ReadOnlySpan<char>> _byDeletionSpans;
    private readonly int _longestWord;

    // Built once a catalogue loads: compiled optimized at once, as the tiered JIT would leave it unoptimized for most of a start (PlainYaml).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public FuzzyWords(IEnumerable<string> vocabulary)
    {
        foreach (var word in vocabulary)
        {
            if (word.Length < MinWordLength || !word.All(char.IsLetter))
            {
                continue;
            }
            foreach (var variant in Deletions(word, MaxDeletes))
            {
                if (!_byDeletion.TryGetValue(variant, out var words))
                {
                    _byDeletion[variant] = words = [];
                }
                if (!words.Contains(word))
                {
                    words.Add(word);
                }
            }
            _longestWord = Math.Max(_longestWord, word.Length);
        }
        _byDeletionSpans = _byDeletion.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The nearest vocabulary word within the budget for the word's length, or null.</summary>
    public string? Nearest(string word)
    {
        var budget = EditDistance.Budget(word.Length);
        // A word longer than every vocabulary word by more than the budget is near none of them; and its
        // deletion variants, the square of its length in number, would cost that square times the length.
        if (budget == 0 || word.Length > _longestWord + budget)
        {
            return null;
        }
        // The word with up to `budget` letters deleted, probed as spans: a question costs no allocation here.
        // A variant reached twice (deleting either of a double letter) only re-offers the same candidate.
        var best = new Best(word, budget);
        var buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        best.Offer(Probe(word));
        for (var i = 0; i < word.Length; i++)
        {
            best.Offer(Probe(Without(word, i, buffer)));
            for (var j = i + 1; budget >= 2 && j < word.Length; j++)
            {
                best.Offer(Probe(Without(word, i, j, buffer)));
            }
        }
        return best.Distance <= budget ? best.Word : null;
    }

    private List<string>? Probe(ReadOnlySpan<char> variant) =>
        _byDeletionSpans.TryGetValue(variant, out var words) ? words : null;

    private static ReadOnlySpan<char> Without(string word, int i, Span<char> buffer)
    {
        word.AsSpan(0, i).CopyTo(buffer);
        word.AsSpan(i + 1).CopyTo(buffer[i..]);
        return buffer[..(word.Length - 1)];
    }

    private static ReadOnlySpan<char> Without(string word, int i, int j, Span<char> buffer)
    {
        word.AsSpan(0, i).CopyTo(buffer);
        word.AsSpan(i + 1, j - i - 1).CopyTo(buffer[i..]);
        word.AsSpan(j + 1).CopyTo(buffer[(j - 1)..]);
        return buffer[..(word.Length - 2)];
    }

    /// <summary>The closest candidate so far; ties broken by <see cref="Better"/>.</summary>
    private struct Best(string word, int budget)
    {
        public string? Word;
        public int Distance = budget + 1;

        public void Offer(List<string>? candidates)
        {
            if (candidates is null)
            {
                return;
            }
            foreach (var candidate in candidates)
            {
                var distance = EditDistance.Bounded(word, candidate, budget);
                if (distance < Distance || (distance == Distance && Word is not null && Better(word, candidate, Word)))
                {
                    Word = candidate;
                    Distance = distance;
                }
            }
        }
    }

    /// <summary>Ties go to the same first letter, then the closer length, then the ordinal order (deterministic).</summary>
    private static bool Better(string word, string candidate, string best)
    {
        var a = candidate[0] == word[0];
        var b = best[0] == word[0];
        if (a != b)
        {
            return a;
        }
        var lengthA = Math.Abs(candidate.Length - word.Length);
        var lengthB = Math.Abs(best.Length - word.Length);
        return lengthA != lengthB ? lengthA < lengthB : string.CompareOrdinal(candidate, best) < 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static HashSet<string> Deletions(string word, int depth)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { word };
        var frontier = new List<string> { word };
        for (var d = 0; d < depth; d++)
        {
            var next = new List<string>();
            foreach (var w in frontier)
            {
                if (w.Length <= 1)
                {
                    continue;
                }
                for (var i = 0; i < w.Length; i++)
                {
                    var variant = string.Concat(w.AsSpan(0, i), w.AsSpan(i + 1));
                    if (result.Add(variant))
                    {
                        next.Add(variant);
                    }
                }
            }
            frontier = next;
        }
        return result;
    }
}
