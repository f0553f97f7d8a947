using System.Runtime.CompilerServices;

namespace SkillBot.Core.Understanding;

/// <summary>
/// Finds the catalogue word a misspelt word was meant to be, without scanning the vocabulary:
/// a symmetric-delete index (each word stored under every form with up to two letters deleted),
/// so a lookup costs a few probes however large the catalogue is.
/// </summary>
/// <remarks>
/// The forms are kept as the hash of their characters in one sorted array, with the word each came from beside it,
/// not as a string and a list each in a dictionary: objects that every collection copies while a catalogue loads (a
/// 20,000-skill catalogue's Assistant allocated 35 MiB less this way). Two forms with the same hash only make a word a
/// candidate that is not one; every candidate's distance is measured.
/// </remarks>
internal sealed class FuzzyWords
{
    private const int MinWordLength = 4;

    /// <summary>Longer tokens (codes, identifiers) are not words anyone misspells, and their forms grow with the square of their length.</summary>
    private const int MaxWordLength = 48;

    /// <summary>A bound on the index (64 MiB), however many words a catalogue has: the words past it are matched exactly only.</summary>
    private const int MaxForms = 8 << 20;
    private readonly string[] _words;
    /// <summary>The hash of each form of each word, sorted; <see cref="_wordOfForm"/> holds the index of its word in <see cref="_words"/>.</summary>
    private readonly int[] _forms;
    private readonly int[] _wordOfForm;
    private readonly int _longestWord;

    // Built once a catalogue loads: compiled optimized at once, as the tiered JIT would leave it unoptimized for most of a start (PlainYaml).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public FuzzyWords(IEnumerable<string> vocabulary)
    {
        var words = new List<string>();
        var count = 0;
        foreach (var word in vocabulary)
        {
            if (word.Length is < MinWordLength or > MaxWordLength || !IsLetters(word) || count + FormsOf(word.Length) > MaxForms)
            {
                continue;
            }
            words.Add(word);
            count += FormsOf(word.Length);
            _longestWord = Math.Max(_longestWord, word.Length);
        }
        _words = [.. words];
        _forms = GC.AllocateUninitializedArray<int>(count);
        _wordOfForm = GC.AllocateUninitializedArray<int>(count);
        var buffer = new char[_longestWord];
        var at = 0;
        for (var index = 0; index < _words.Length; index++)
        {
            var word = _words[index];
            _forms[at] = string.GetHashCode(word.AsSpan());
            _wordOfForm[at++] = index;
            for (var i = 0; i < word.Length; i++)
            {
                _forms[at] = string.GetHashCode(Without(word, i, buffer));
                _wordOfForm[at++] = index;
                for (var j = i + 1; j < word.Length; j++)
                {
                    _forms[at] = string.GetHashCode(Without(word, i, j, buffer));
                    _wordOfForm[at++] = index;
                }
            }
        }
        Array.Sort(_forms, _wordOfForm);
    }

    /// <summary>A word of <paramref name="length"/> letters, with none, one and two of them deleted.</summary>
    private static int FormsOf(int length) => 1 + length + (length * (length - 1) / 2);

    private static bool IsLetters(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }
        return true;
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
        Offer(ref best, word);
        for (var i = 0; i < word.Length; i++)
        {
            Offer(ref best, Without(word, i, buffer));
            for (var j = i + 1; budget >= 2 && j < word.Length; j++)
            {
                Offer(ref best, Without(word, i, j, buffer));
            }
        }
        return best.Distance <= budget ? best.Word : null;
    }

    /// <summary>Every word with a form of the same hash as <paramref name="form"/> is a candidate.</summary>
    private void Offer(ref Best best, ReadOnlySpan<char> form)
    {
        var hash = string.GetHashCode(form);
        var at = _forms.AsSpan().BinarySearch(hash);
        if (at < 0)
        {
            return;
        }
        while (at > 0 && _forms[at - 1] == hash)
        {
            at--;
        }
        for (; at < _forms.Length && _forms[at] == hash; at++)
        {
            best.Offer(_words[_wordOfForm[at]]);
        }
    }

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

        public void Offer(string candidate)
        {
            var distance = EditDistance.Bounded(word, candidate, budget);
            if (distance < Distance || (distance == Distance && Word is not null && Better(word, candidate, Word)))
            {
                Word = candidate;
                Distance = distance;
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
}
