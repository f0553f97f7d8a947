using SkillBot.Core.Catalogue;
using SkillBot.Core.Text;

namespace SkillBot.Core.Understanding;

/// <summary>
/// The skills and roles whose names come closest to words the catalogue does not know (for not_found).
/// Index-based, so a lookup costs a few hash probes per word however large the catalogue is: every word
/// of every name and alias points at the names it is part of, and its 3+ letter prefixes point at it.
/// The words come from <see cref="QuestionReader"/>, which has already corrected what was within the
/// typo budget, so there is no second fuzzy pass here. Built once per catalogue; thread-safe.
/// </summary>
public sealed class NearestNames
{
    private const double Exact = 1, Prefix = 0.7;
    private const int MinPrefix = 3;

    /// <summary>A name or alias of a skill or role: the canonical name it stands for and how many words it has.</summary>
    private sealed record Entry(string Canonical, int Words);

    private readonly Dictionary<string, List<Entry>> _entriesByWord;
    private readonly Dictionary<string, List<string>> _wordsByPrefix;
    private readonly Dictionary<string, List<Entry>>.AlternateLookup<ReadOnlySpan<char>> _entriesBySpan;

    /// <summary>The longest catalogue word: no longer prefix of a typed word can be one, so none is probed.</summary>
    private readonly int _longestWord;

    public NearestNames(SkillCatalogue catalogue) : this(catalogue, StringComparer.Ordinal)
    {
    }

    /// <param name="comparer">Ordinal; a test passes one that counts the characters it hashes, to bound the work of a lookup.</param>
    internal NearestNames(SkillCatalogue catalogue, IEqualityComparer<string> comparer)
    {
        _entriesByWord = new(comparer);
        _wordsByPrefix = new(comparer);
        foreach (var skill in catalogue.Skills)
        {
            AddAll(skill.Name, skill.Aliases);
        }
        foreach (var role in catalogue.Roles)
        {
            AddAll(role.Name, role.Aliases);
        }
        foreach (var word in _entriesByWord.Keys)
        {
            for (var length = MinPrefix; length < word.Length; length++)
            {
                var prefix = word[..length];
                if (!_wordsByPrefix.TryGetValue(prefix, out var words))
                {
                    _wordsByPrefix[prefix] = words = [];
                }
                words.Add(word);
            }
        }
        _entriesBySpan = _entriesByWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestWord = _entriesByWord.Keys.Select(w => w.Length).DefaultIfEmpty(0).Max();
    }

    /// <summary>
    /// Up to <paramref name="max"/> canonical names, best first: the most words matched (exactly or by
    /// prefix), then the name most covered by them, then by name.
    /// </summary>
    public IReadOnlyList<string> Find(IReadOnlyList<string> words, int max = 5)
    {
        // An unknown Chinese name is one run of characters; names are indexed by character.
        if (words.Any(w => w.Any(Tokenizer.IsCjk)))
        {
            words = [.. words.SelectMany(w => w.Any(Tokenizer.IsCjk) ? Tokenizer.Tokenize(w) : [w])];
        }
        // Per entry, the best score each word reached in it.
        var scores = new Dictionary<Entry, double[]>(ReferenceEqualityComparer.Instance);
        for (var w = 0; w < words.Count; w++)
        {
            foreach (var (word, score) in Matches(words[w]))
            {
                foreach (var entry in _entriesByWord[word])
                {
                    if (!scores.TryGetValue(entry, out var perWord))
                    {
                        scores[entry] = perWord = new double[words.Count];
                    }
                    perWord[w] = Math.Max(perWord[w], score);
                }
            }
        }
        // Each canonical name scores as its best name or alias.
        var byName = new Dictionary<string, Rank>(StringComparer.Ordinal);
        foreach (var (entry, perWord) in scores)
        {
            var score = perWord.Sum();
            var rank = new Rank(entry.Canonical, score, score / entry.Words);
            if (!byName.TryGetValue(entry.Canonical, out var before) || rank.IsBetterThan(before))
            {
                byName[entry.Canonical] = rank;
            }
        }
        // The best few by insertion: a common word can match hundreds of names, and a full sort of them costs more than the rest.
        var top = new List<Rank>(max + 1);
        foreach (var rank in byName.Values)
        {
            var at = top.Count;
            while (at > 0 && rank.IsBetterThan(top[at - 1]))
            {
                at--;
            }
            if (at < max)
            {
                top.Insert(at, rank);
                if (top.Count > max)
                {
                    top.RemoveAt(max);
                }
            }
        }
        return [.. top.Select(r => r.Name)];
    }

    private readonly record struct Rank(string Name, double Score, double Coverage)
    {
        public bool IsBetterThan(Rank other) =>
            Score != other.Score ? Score > other.Score
            : Coverage != other.Coverage ? Coverage > other.Coverage
            : string.Compare(Name, other.Name, StringComparison.OrdinalIgnoreCase) < 0;
    }

    /// <summary>The catalogue words a typed word may stand for, with how well it matches each.</summary>
    private IEnumerable<(string Word, double Score)> Matches(string typed)
    {
        if (_entriesByWord.ContainsKey(typed))
        {
            // A word the catalogue has is that word, not every longer word it begins.
            yield return (typed, Exact);
            yield break;
        }
        if (typed.Length < MinPrefix)
        {
            yield break;
        }
        // "learn" → "learning", and "scientists" → "scientist".
        if (_wordsByPrefix.TryGetValue(typed, out var longer))
        {
            foreach (var word in longer)
            {
                yield return (word, Prefix);
            }
        }
        // Each probe hashes its prefix, so probing every prefix of a long word costs the square of its length
        // (a 120k-character card value took seconds): prefixes longer than any catalogue word cannot match.
        for (var length = MinPrefix; length < Math.Min(typed.Length, _longestWord + 1); length++)
        {
            if (_entriesBySpan.TryGetValue(typed.AsSpan(0, length), out var shorter, out _))
            {
                yield return (shorter, Prefix);
            }
        }
    }

    private void AddAll(string canonical, IEnumerable<string> aliases)
    {
        foreach (var name in aliases.Prepend(canonical))
        {
            var tokens = Tokenizer.Tokenize(name);
            var entry = new Entry(canonical, tokens.Count);
            foreach (var token in tokens.Distinct(StringComparer.Ordinal))
            {
                if (!_entriesByWord.TryGetValue(token, out var entries))
                {
                    _entriesByWord[token] = entries = [];
                }
                entries.Add(entry);
            }
        }
    }
}
