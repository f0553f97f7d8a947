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
        }
    }

    /// <summary>The nearest vocabulary word within the budget for the word's length, or null.</summary>
    public string? Nearest(string word)
    {
        var budget = EditDistance.Budget(word.Length);
        if (budget == 0)
        {
            return null;
        }
        string? best = null;
        var bestDistance = budget + 1;
        foreach (var variant in Deletions(word, budget))
        {
            if (!_byDeletion.TryGetValue(variant, out var candidates))
            {
                continue;
            }
            foreach (var candidate in candidates)
            {
                var distance = EditDistance.Bounded(word, candidate, budget);
                if (distance < bestDistance || (distance == bestDistance && best is not null && Better(word, candidate, best)))
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return bestDistance <= budget ? best : null;
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
