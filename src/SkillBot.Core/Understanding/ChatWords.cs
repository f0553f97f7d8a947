using System.Collections.Frozen;
using SkillBot.Core.Languages;
using SkillBot.Core.Text;

namespace SkillBot.Core.Understanding;

/// <summary>What a word of chat around the names does in a question.</summary>
[Flags]
internal enum Meaning : long
{
    None = 0,
    Filler = 1 << 0,
    Help = 1 << 1,
    Overview = 1 << 2,
    Compare = 1 << 3,
    Towards = 1 << 4,
    Next = 1 << 5,
    Previous = 1 << 6,
    Article = 1 << 7,
    LevelWord = 1 << 8,
    LevelWordAfter = 1 << 9,
    IntroducesSelf = 1 << 10,
    /// <summary>Not filler: a level the catalogue lacks ("staff").</summary>
    LevelLike = 1 << 11,
    /// <summary>Not filler: the end of a role's name ("engineer").</summary>
    RoleWord = 1 << 12,
    /// <summary>Asks what changed in the catalogue.</summary>
    Changes = 1 << 13,
    Promotion = 1 << 24,
    FirstPerson = 1 << 14,
    Corrects = 1 << 15,
    CorrectionOpener = 1 << 16,
    Hypothetical = 1 << 17,
    SelfGlue = 1 << 18,
    ReplyGlue = 1 << 19,
    IntroducesSelfAtStart = 1 << 20,
    Opener = 1 << 21,
    Aiming = 1 << 22,
    AimFor = 1 << 23,
    Move = 1L << 25,
    MoveVerb = 1L << 26,
    MoveFrom = 1L << 27,
    MoveTo = 1L << 28,
    MoveSeparator = 1L << 29,
    Asker = 1L << 30,
    ListSkills = 1L << 31,
    ListRoles = 1L << 32,
    ListLevels = 1L << 33,
    /// <summary>With a list noun: the singular, which lists only after a cue ("list every skill").</summary>
    ListSingular = 1L << 34,
    ListCue = 1L << 35,
    Noise = 1L << 36,
}

/// <summary>
/// The chat words of every language, merged into one index the reader probes per token: a question may mix
/// languages ("高级LLM工程师"). Built once per <see cref="LanguageSet"/>; read-only after.
/// </summary>
internal sealed class ChatWords
{
    /// <summary>A chat word of one or more tokens, what it does, and which languages list it (a bit per language).</summary>
    public sealed record Word(string[] Tokens, Meaning Meaning, ulong Languages);

    private static readonly (string Kind, Meaning Meaning)[] Kinds =
    [
        (WordKinds.Filler, Meaning.Filler), (WordKinds.Help, Meaning.Help), (WordKinds.Overview, Meaning.Overview),
        (WordKinds.Compare, Meaning.Compare), (WordKinds.Towards, Meaning.Towards), (WordKinds.Next, Meaning.Next),
        (WordKinds.Previous, Meaning.Previous), (WordKinds.Articles, Meaning.Article), (WordKinds.LevelWords, Meaning.LevelWord),
        (WordKinds.LevelWordsAfter, Meaning.LevelWordAfter), (WordKinds.IntroducesSelf, Meaning.IntroducesSelf),
        (WordKinds.LevelLike, Meaning.LevelLike), (WordKinds.RoleWords, Meaning.RoleWord),
        (WordKinds.Changes, Meaning.Changes),
        (WordKinds.Promotion, Meaning.Promotion), (WordKinds.FirstPerson, Meaning.FirstPerson), (WordKinds.Corrects, Meaning.Corrects),
        (WordKinds.CorrectionOpeners, Meaning.CorrectionOpener), (WordKinds.Hypothetical, Meaning.Hypothetical),
        (WordKinds.SelfGlue, Meaning.SelfGlue), (WordKinds.ReplyGlue, Meaning.ReplyGlue),
        (WordKinds.IntroducesSelfAtStart, Meaning.IntroducesSelfAtStart), (WordKinds.Openers, Meaning.Opener),
        (WordKinds.Aiming, Meaning.Aiming), (WordKinds.AimFor, Meaning.AimFor),
        (WordKinds.Moves, Meaning.Move), (WordKinds.MoveVerbs, Meaning.MoveVerb), (WordKinds.MoveFrom, Meaning.MoveFrom),
        (WordKinds.MoveTo, Meaning.MoveTo), (WordKinds.MoveSeparators, Meaning.MoveSeparator), (WordKinds.Asker, Meaning.Asker),
        (WordKinds.ListSkills, Meaning.ListSkills), (WordKinds.ListSkill, Meaning.ListSkills | Meaning.ListSingular),
        (WordKinds.ListRoles, Meaning.ListRoles), (WordKinds.ListRole, Meaning.ListRoles | Meaning.ListSingular),
        (WordKinds.ListLevels, Meaning.ListLevels), (WordKinds.ListLevel, Meaning.ListLevels | Meaning.ListSingular),
        (WordKinds.ListCues, Meaning.ListCue), (WordKinds.Noise, Meaning.Noise),
    ];

    private const Meaning NameParts = Meaning.LevelLike | Meaning.RoleWord;

    private readonly FrozenDictionary<string, Word[]> _byFirstToken;

    public ChatWords(LanguageSet languages)
    {
        Languages = languages;
        if (languages.All.Length > 64)
        {
            throw new ArgumentException("At most 64 languages.", nameof(languages));
        }
        var words = new Dictionary<string, (string[] Tokens, Meaning Meaning, ulong Languages)>(StringComparer.Ordinal);
        var cardinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < languages.All.Length; index++)
        {
            var language = languages.All[index];
            var bit = 1UL << index;
            foreach (var (kind, meaning) in Kinds)
            {
                foreach (var text in language.WordsOf(kind))
                {
                    var tokens = Tokenizer.Tokenize(text);
                    if (tokens.Count == 0)
                    {
                        continue;
                    }
                    var key = string.Join(' ', tokens);
                    var known = words.GetValueOrDefault(key, ([.. tokens], Meaning.None, 0UL));
                    words[key] = (known.Tokens, known.Meaning | meaning, known.Languages | bit);
                }
            }
            foreach (var (word, number) in language.Cardinals)
            {
                cardinals.TryAdd(Tokenizer.Key(word), number);
            }
            foreach (var (word, number) in language.Ordinals)
            {
                ordinals.TryAdd(Tokenizer.Key(word), number);
            }
        }
        _byFirstToken = words.Values
            .Select(w => new Word(w.Tokens, Normalise(w.Meaning), w.Languages))
            .GroupBy(w => w.Tokens[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Tokens.Length).ToArray(), StringComparer.Ordinal);
        Cardinals = cardinals.ToFrozenDictionary(StringComparer.Ordinal);
        Ordinals = ordinals.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public LanguageSet Languages { get; }

    public FrozenDictionary<string, int> Cardinals { get; }

    public FrozenDictionary<string, int> Ordinals { get; }

    /// <summary>
    /// Every word that asks for something is also filler; a word listed both as filler and as part of a name
    /// (a level-like word, a role word) stays filler, as it was before it was listed.
    /// </summary>
    private static Meaning Normalise(Meaning meaning)
    {
        var asks = meaning & ~NameParts;
        return asks == Meaning.None ? meaning : asks | Meaning.Filler;
    }

    /// <summary>The longest chat word at <paramref name="start"/> within <paramref name="end"/>, or null.</summary>
    public Word? At(List<string> tokens, int start, int end)
    {
        if (!_byFirstToken.TryGetValue(tokens[start], out var candidates))
        {
            return null;
        }
        foreach (var word in candidates)
        {
            if (start + word.Tokens.Length > end)
            {
                continue;
            }
            var all = true;
            for (var k = 1; k < word.Tokens.Length && all; k++)
            {
                all = string.Equals(tokens[start + k], word.Tokens[k], StringComparison.Ordinal);
            }
            if (all)
            {
                return word;
            }
        }
        return null;
    }

    /// <summary>What one token does on its own (a single-token chat word), or <see cref="Meaning.None"/>.</summary>
    public Meaning Of(string token)
    {
        if (_byFirstToken.TryGetValue(token, out var candidates))
        {
            foreach (var word in candidates)
            {
                if (word.Tokens.Length == 1)
                {
                    return word.Meaning;
                }
            }
        }
        return Meaning.None;
    }

    public bool IsFiller(string token) => (Of(token) & Meaning.Filler) != 0;

    /// <summary>
    /// Chat noise: a listed noise word, or one with a letter drawn out ("hmmm", "lolll": runs of a letter kept once or
    /// twice), or a unit of one or two characters repeated whose double is listed ("hahahaha", "哈哈哈").
    /// </summary>
    public bool IsNoise(string word)
    {
        if (Listed(word))
        {
            return true;
        }
        if (word.Length < 3)
        {
            return false;
        }
        var once = new System.Text.StringBuilder(word.Length);
        var twice = new System.Text.StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            if (i == 0 || word[i] != word[i - 1])
            {
                once.Append(word[i]);
            }
            if (i < 2 || word[i] != word[i - 1] || word[i] != word[i - 2])
            {
                twice.Append(word[i]);
            }
        }
        if (Listed(once.ToString()) || Listed(twice.ToString()))
        {
            return true;
        }
        for (var unit = 1; unit <= 2; unit++)
        {
            if (word.Length % unit == 0 && word.Length >= 2 * unit && IsRepeated(word, unit)
                && Listed(string.Concat(word.AsSpan(0, unit), word.AsSpan(0, unit))))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the text as a whole is a listed noise word: one token ("lol") or a phrase of them ("哈哈").</summary>
    private bool Listed(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return tokens.Count > 0 && At(tokens, 0, tokens.Count) is { } word && word.Tokens.Length == tokens.Count && (word.Meaning & Meaning.Noise) != 0;
    }

    private static bool IsRepeated(string word, int unit)
    {
        for (var i = unit; i < word.Length; i++)
        {
            if (word[i] != word[i - unit])
            {
                return false;
            }
        }
        return true;
    }

    public bool IsNamePart(string token) => (Of(token) & NameParts) != 0;
}
