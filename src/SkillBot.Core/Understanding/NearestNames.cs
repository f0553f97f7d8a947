using System.Runtime.CompilerServices;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Text;

namespace SkillBot.Core.Understanding;

/// <summary>
/// The skills and roles whose names come closest to words the catalogue does not know (for not_found).
/// Index-based: every word of every name and alias points at the names it is part of, best first (fewest
/// words, then by name), and its 3+ letter prefixes point at it. A common word ("engineer", "data") is part
/// of thousands of names in a large catalogue, so a list is scored only as far as the best few names it alone
/// gives, and past that only looked through for names that also have another word asked (not the longest list).
/// The words come from <see cref="QuestionReader"/>, which has already corrected what was within the
/// typo budget, so there is no second fuzzy pass here. Built once per catalogue; thread-safe.
/// </summary>
public sealed class NearestNames
{
    private const double Exact = 1, Prefix = 0.7;
    private const int MinPrefix = 3;

    /// <summary>A name or alias of a skill or role: the canonical name it stands for, how many words it has, and its distinct words.</summary>
    private sealed record Entry(string Canonical, int Words, string[] Distinct);

    /// <summary>The names and aliases each word is part of, best first: fewest words, then by canonical name, then as built.</summary>
    private readonly Dictionary<string, Entry[]> _entriesByWord;
    private readonly Dictionary<string, List<string>> _wordsByPrefix;
    private readonly Dictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _entriesBySpan;

    /// <summary>The longest catalogue word: no longer prefix of a typed word can be one, so none is probed.</summary>
    private readonly int _longestWord;

    public NearestNames(SkillCatalogue catalogue) : this(catalogue, StringComparer.Ordinal)
    {
    }

    /// <param name="comparer">Ordinal; a test passes one that counts the characters it hashes, to bound the work of a lookup.</param>
    // Built once a catalogue loads: compiled optimized at once, as the tiered JIT would leave it unoptimized for most of a start (PlainYaml).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal NearestNames(SkillCatalogue catalogue, IEqualityComparer<string> comparer)
    {
        var entriesByWord = new Dictionary<string, List<Entry>>(comparer);
        _wordsByPrefix = new(comparer);
        foreach (var skill in catalogue.Skills)
        {
            AddAll(entriesByWord, skill.Name, skill.Aliases);
        }
        foreach (var role in catalogue.Roles)
        {
            AddAll(entriesByWord, role.Name, role.Aliases);
        }
        _entriesByWord = new(entriesByWord.Count, comparer);
        foreach (var (word, entries) in entriesByWord)
        {
            _entriesByWord[word] = BestFirst(entries);
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
        // Each catalogue word a typed word may stand for: its entries, and the score it gives that typed word.
        var lists = new List<(int Typed, string Word, double Score, Entry[] Entries)>();
        for (var w = 0; w < words.Count; w++)
        {
            foreach (var (word, score) in Matches(words[w]))
            {
                lists.Add((w, word, score, _entriesByWord[word]));
            }
        }
        if (lists.Count == 0 || max <= 0)
        {
            return [];
        }
        // Each canonical name scores as its best name or alias. An entry's score: for each typed word, the best score
        // of the catalogue words it stands for that the entry has.
        var byName = new Dictionary<string, Rank>(StringComparer.Ordinal);
        var perWord = new double[words.Count];
        void Consider(Entry entry)
        {
            Array.Clear(perWord);
            foreach (var (typed, word, score, _) in lists)
            {
                if (score > perWord[typed] && Array.IndexOf(entry.Distinct, word) >= 0)
                {
                    perWord[typed] = score;
                }
            }
            var total = perWord.Sum();
            var rank = new Rank(entry.Canonical, total, total / entry.Words);
            if (!byName.TryGetValue(entry.Canonical, out var before) || rank.IsBetterThan(before))
            {
                byName[entry.Canonical] = rank;
            }
        }
        // An entry with words of two typed words can be anywhere in a list; one with words of only one typed word scores
        // that word's score, so in each list those come best first, and past the first `max` names among them none can be
        // among the best `max`. Every list is walked (a check of the entry's few words) but for the longest: what it has
        // of other typed words, their lists have too.
        var longest = 0;
        for (var l = 1; l < lists.Count; l++)
        {
            longest = lists[l].Entries.Length > lists[longest].Entries.Length ? l : longest;
        }
        var alone = new HashSet<string>(StringComparer.Ordinal);
        for (var l = 0; l < lists.Count; l++)
        {
            alone.Clear();
            var typed = lists[l].Typed;
            foreach (var entry in lists[l].Entries)
            {
                if (HasOtherTypedWord(entry, typed))
                {
                    Consider(entry);
                    continue;
                }
                if (alone.Count == max && !alone.Contains(entry.Canonical))
                {
                    if (l == longest)
                    {
                        break;
                    }
                    continue;
                }
                alone.Add(entry.Canonical);
                Consider(entry);
            }
        }
        bool HasOtherTypedWord(Entry entry, int typed)
        {
            foreach (var list in lists)
            {
                if (list.Typed != typed && Array.IndexOf(entry.Distinct, list.Word) >= 0)
                {
                    return true;
                }
            }
            return false;
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

    /// <summary>Fewest words first, then by canonical name; OrderBy is stable, so equal entries keep the order they were built in (skills, then roles, as the catalogue has them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Entry[] BestFirst(List<Entry> entries) =>
        entries.Count == 1 ? [entries[0]] : [.. entries.OrderBy(e => e.Words).ThenBy(e => e.Canonical, StringComparer.OrdinalIgnoreCase)];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddAll(Dictionary<string, List<Entry>> entriesByWord, string canonical, IEnumerable<string> aliases)
    {
        foreach (var name in aliases.Prepend(canonical))
        {
            var tokens = Tokenizer.Tokenize(name);
            var entry = new Entry(canonical, tokens.Count, [.. tokens.Distinct(StringComparer.Ordinal)]);
            foreach (var token in entry.Distinct)
            {
                if (!entriesByWord.TryGetValue(token, out var entries))
                {
                    entriesByWord[token] = entries = [];
                }
                entries.Add(entry);
            }
        }
    }
}
