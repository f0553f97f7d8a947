using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Languages;
using SkillBot.Core.Text;

namespace SkillBot.Core.Understanding;

/// <summary>
/// Reads free text against one catalogue: every name and alias becomes a phrase of tokens, looked up by its
/// tokens joined (with how many tokens the phrases beginning with each token have); a question is matched left
/// to right, longest phrase first, after misspelt words have been corrected against the catalogue's vocabulary.
/// A match costs a lookup per phrase length, not a walk over every phrase sharing its first word (thousands in a
/// merged catalogue: "Payments …"). Built once per catalogue; thread-safe.
/// </summary>
public sealed class QuestionReader
{
    /// <param name="Length">How many tokens the phrase has.</param>
    private sealed record Phrase(int Length, Named[] Targets);

    private readonly record struct Named(Skill? Skill, Role? Role, Level? Level, string? Domain);

    private readonly SkillCatalogue _catalogue;
    /// <summary>Every phrase by its key (its tokens joined by single spaces: tokens never hold one).</summary>
    private readonly Dictionary<string, Phrase>.AlternateLookup<ReadOnlySpan<char>> _phrases;

    /// <summary>The token counts of the phrases that begin with a token, longest first.</summary>
    private readonly FrozenDictionary<string, int[]> _lengthsByFirstToken;

    /// <summary>The first two tokens of every longer phrase, joined: where a name typed without its space can be cut.</summary>
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstPairs;

    private readonly int _longestKey;
    private readonly FrozenSet<string> _vocabulary;
    private readonly FuzzyWords _fuzzy;
    private readonly ChatWords _words;

    public QuestionReader(SkillCatalogue catalogue) : this(catalogue, LanguageSet.BuiltIn)
    {
    }

    /// <param name="languages">The languages whose chat words are read around the names (all of them, in any question).</param>
    // Built once a catalogue loads: compiled optimized at once, as the tiered JIT would leave it unoptimized for most of a start (PlainYaml).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public QuestionReader(SkillCatalogue catalogue, LanguageSet languages)
    {
        _catalogue = catalogue;
        _words = new ChatWords(languages);
        var targets = new Dictionary<string, List<Named>>(StringComparer.Ordinal);
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Add(string name, Named named)
        {
            var key = Tokenizer.Key(name);
            if (key.Length == 0)
            {
                return;
            }
            if (!targets.TryGetValue(key, out var list))
            {
                targets[key] = list = [];
            }
            if (!list.Contains(named))
            {
                list.Add(named);
            }
        }
        foreach (var skill in catalogue.Skills)
        {
            foreach (var name in skill.Aliases.Prepend(skill.Name))
            {
                Add(name, new Named(skill, null, null, null));
            }
        }
        foreach (var role in catalogue.Roles)
        {
            foreach (var name in role.Aliases.Prepend(role.Name))
            {
                Add(name, new Named(null, role, null, null));
            }
        }
        foreach (var level in catalogue.Levels)
        {
            foreach (var name in level.Aliases.Prepend(level.Name))
            {
                Add(name, new Named(null, null, level, null));
            }
        }
        foreach (var domain in catalogue.Domains)
        {
            Add(domain, new Named(null, null, null, domain));
        }

        var phrases = new Dictionary<string, Phrase>(targets.Count, StringComparer.Ordinal);
        var lengths = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, named) in targets)
        {
            var tokens = key.Split(' ');
            phrases[key] = new Phrase(tokens.Length, [.. named]);
            if (!lengths.TryGetValue(tokens[0], out var counts))
            {
                lengths[tokens[0]] = counts = [];
            }
            counts.Add(tokens.Length);
            if (tokens.Length > 1)
            {
                pairs.Add($"{tokens[0]} {tokens[1]}");
            }
            vocabulary.UnionWith(tokens);
            _longestKey = Math.Max(_longestKey, key.Length);
        }
        _phrases = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        _lengthsByFirstToken = lengths.ToFrozenDictionary(l => l.Key, l => l.Value.Reverse().ToArray(), StringComparer.Ordinal);
        _firstPairs = pairs.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _vocabulary = vocabulary.ToFrozenSet(StringComparer.Ordinal);
        _fuzzy = new FuzzyWords(_vocabulary);
    }

    /// <summary>What a stretch of the question that names nothing the catalogue has looks like, for naming it back.</summary>
    private enum PieceKind
    {
        Unknown,
        LevelLike,
        RoleWord,
        /// <summary>A level the catalogue has (a phrase matched); a level-like word right after it makes a longer level it lacks.</summary>
        KnownLevel,
    }

    /// <param name="AlsoLevelLike">A role word that is also a rung of a ladder ("manager", "经理"), listed as both in a language file.</param>
    private readonly record struct Piece(string Text, PieceKind Kind, int Start, int End, int Matched = -1, bool AlsoLevelLike = false);

    public Reading Read(string text)
    {
        var typed = Tokenizer.Tokenize(ChatText.Strip(text));
        var tokens = new List<string>(typed.Count);
        foreach (var token in typed)
        {
            Resolve(token, tokens);
        }
        var lists = ListOf(typed);
        var spans = new List<(int Start, int End)>();

        var matched = new List<Named[]>();
        // Most questions name no level by number and nothing unknown: these builders start with no room (the default is 8).
        var byNumber = ImmutableArray.CreateBuilder<Level>(0);
        // Where a role or level is named, and where a statement about oneself could start ("I'm …", "as a …").
        var personNamedAt = new List<int>();
        var selfFrom = new List<int>();
        var all = Meaning.None;
        var previous = Meaning.None;
        var corrects = false;
        var bareReply = true;
        var pieces = new List<Piece>();
        var unknownLevels = ImmutableArray.CreateBuilder<string>(0);
        Span<int> votes = stackalloc int[_words.Languages.All.Length];
        Level? target = null;
        var towardsEnd = -1;
        var levelStep = 0;
        bool asksHelp = false, asksOverview = false, asksCompare = HasArrow(text), asksChanges = false;
        var afterFor = TowardsAfterFor(tokens);
        for (var i = 0; i < tokens.Count;)
        {
            var token = tokens[i];
            if (MatchPhrase(tokens, i) is { } phrase)
            {
                var end = i + phrase.Length;
                VoteCjk(votes, tokens, i, end);
                if (phrase.Targets is [{ Level: not null }])
                {
                    pieces.Add(new Piece(Display(tokens, i, end), PieceKind.KnownLevel, i, end, matched.Count));
                }
                matched.Add(phrase.Targets);
                spans.Add((i, end));
                if (Array.Exists(phrase.Targets, t => t.Role is not null || t.Level is not null))
                {
                    personNamedAt.Add(i);
                }
                target ??= towardsEnd == i || IsTowards(tokens, i, afterFor) ? Array.Find(phrase.Targets, t => t.Level is not null).Level : null;
                previous = Meaning.None;
                i = end;
                continue;
            }
            if (LevelByNumber(tokens, i, out var width, out var number) is { } level)
            {
                matched.Add([new Named(null, null, level, null)]);
                spans.Add((i, i + width));
                byNumber.Add(level);
                personNamedAt.Add(i);
                target ??= towardsEnd == i || IsTowards(tokens, i, afterFor) ? level : null;
                previous = Meaning.None;
                i += width;
                continue;
            }
            if (number is not null)
            {
                // "level 6" on a five-level ladder: named back, never dropped.
                unknownLevels.Add(Display(tokens, i, i + width));
                i += width;
                continue;
            }
            if (_words.At(tokens, i, tokens.Count) is { } word)
            {
                var end = i + word.Tokens.Length;
                Vote(votes, word.Languages);
                VoteCjk(votes, tokens, i, end);
                if ((word.Meaning & (Meaning.LevelLike | Meaning.RoleWord)) != 0)
                {
                    var roleWord = (word.Meaning & Meaning.RoleWord) != 0;
                    pieces.Add(new Piece(Display(tokens, i, end), roleWord ? PieceKind.RoleWord : PieceKind.LevelLike, i, end,
                        AlsoLevelLike: roleWord && (word.Meaning & Meaning.LevelLike) != 0));
                    i = end;
                    continue;
                }
                asksHelp |= (word.Meaning & Meaning.Help) != 0;
                asksOverview |= (word.Meaning & Meaning.Overview) != 0;
                asksCompare |= (word.Meaning & Meaning.Compare) != 0;
                asksChanges |= (word.Meaning & Meaning.Changes) != 0;
                all |= word.Meaning;
                bareReply &= (word.Meaning & (Meaning.ReplyGlue | Meaning.Noise)) != 0;
                corrects |= (word.Meaning & Meaning.Corrects) != 0 || (i == 0 && (word.Meaning & Meaning.CorrectionOpener) != 0);
                if (((word.Meaning & Meaning.IntroducesSelf) != 0
                        || ((word.Meaning & Meaning.IntroducesSelfAtStart) != 0 && (i == 0 || previous == Meaning.Opener)))
                    && (previous & Meaning.Hypothetical) == 0)
                {
                    selfFrom.Add(end);
                }
                previous = (word.Meaning & Meaning.Opener) != 0 && (i == 0 || previous == Meaning.Opener) ? Meaning.Opener : word.Meaning;
                levelStep = (word.Meaning & Meaning.Next) != 0 ? 1 : (word.Meaning & Meaning.Previous) != 0 ? -1 : levelStep;
                if ((word.Meaning & Meaning.Towards) != 0)
                {
                    towardsEnd = end;
                }
                i = end;
                continue;
            }
            if (_words.IsNoise(token) || (IsHan(token) && IsDrawnOut(tokens, i)))
            {
                // "hmmm", "hahahaha", the third 哈 of "哈哈哈": chat noise, not a name the catalogue lacks.
                i++;
                continue;
            }
            VoteCjk(votes, tokens, i, i + 1);
            bareReply = false;
            previous = Meaning.None;
            if (IsHan(token))
            {
                // Chinese has no spaces: unmatched characters in a row are one name.
                if (pieces.Count > 0 && pieces[^1] is { Kind: PieceKind.Unknown } run && run.End == i && IsHan(tokens[i - 1]))
                {
                    pieces[^1] = run with { Text = run.Text + token, End = i + 1 };
                }
                else
                {
                    pieces.Add(new Piece(token, PieceKind.Unknown, i, i + 1));
                }
            }
            else if (IsUnknownWord(token))
            {
                pieces.Add(new Piece(token, PieceKind.Unknown, i, i + 1));
            }
            i++;
        }

        var unknown = ImmutableArray.CreateBuilder<string>(0);
        var unknownRoles = ImmutableArray.CreateBuilder<string>(0);
        NameBack(pieces, matched, unknown, unknownLevels, unknownRoles);

        var skills = new List<Skill>();
        var roles = new List<Role>();
        var levels = new List<Level>();
        var domains = new List<string>();
        // A phrase that names one thing is taken first; one that names several (an alias shared by a
        // role and a skill, say) then fills whichever kind the question still lacks.
        var picks = new Named[matched.Count];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var index = 0; index < matched.Count; index++)
            {
                var targets = matched[index];
                if ((targets.Length == 1) != (pass == 0))
                {
                    continue;
                }
                var pick = picks[index] = targets.Length == 1 ? targets[0] : PickOfSeveral(targets, skills, roles, levels);
                AddDistinct(skills, pick.Skill);
                AddDistinct(roles, pick.Role);
                AddDistinct(levels, pick.Level);
                AddDistinct(domains, pick.Domain);
            }
        }
        return new Reading([.. skills], [.. roles], [.. levels], [.. domains], unknown.ToImmutable(),
            asksHelp, asksOverview, asksCompare, LanguageOf(votes))
        {
            Target = target is not null && levels.Contains(target) ? target : null,
            LevelStep = levelStep,
            AsksChanges = asksChanges,
            IntroducesSelf = IntroducesSelf(tokens, selfFrom, personNamedAt),
            AsksPromotion = (all & Meaning.Promotion) != 0 || (levelStep > 0 && (all & (Meaning.FirstPerson | Meaning.IntroducesSelf)) != 0),
            Corrects = corrects,
            IsBareReply = bareReply && !asksCompare && unknownLevels.Count == 0 && unknownRoles.Count == 0,
            UnknownLevels = unknownLevels.ToImmutable(),
            UnknownRoles = unknownRoles.ToImmutable(),
            Move = roles.Count == 2 && skills.Count <= 1 && (asksCompare || Has(tokens, Meaning.Move)) ? Move(tokens, spans, picks)
                : roles.Count == 1 && skills.Count <= 1 && levels.Count <= 1 && Has(tokens, Meaning.MoveVerb)
                    && !Marked(tokens, spans, picks, Array.FindIndex(picks, p => p.Role is not null), Meaning.MoveFrom)
                    ? [new RoleAtLevel(roles[0], levels.Count == 1 ? levels[0] : null)]
                    : [],
            Lists = lists,
            AboutSelf = Has(typed, Meaning.Asker),
            ByNumber = byNumber.ToImmutable(),
        };
    }

    /// <summary>Of a phrase naming several things, the kind the question still lacks: a skill, else a role, else a level, else the first.</summary>
    private static Named PickOfSeveral(Named[] targets, List<Skill> skills, List<Role> roles, List<Level> levels) =>
        targets.FirstOrDefault(t => t.Skill is not null && skills.Count == 0,
        targets.FirstOrDefault(t => t.Role is not null && roles.Count == 0,
        targets.FirstOrDefault(t => t.Level is not null && levels.Count == 0, targets[0])));

    /// <summary>
    /// The two roles of a lateral move, where the person is first, each with its level: the level just before
    /// it ("senior data scientist"), else one just after ("LLM engineer at senior"), else a level no role took;
    /// one level said is both roles' level. The role after "from" is where the person is, else the one not after
    /// "to", else the first named.
    /// </summary>
    private ImmutableArray<RoleAtLevel> Move(List<string> tokens, List<(int Start, int End)> spans, Named[] picks)
    {
        var roleAt = new List<int>();
        for (var k = 0; k < picks.Length; k++)
        {
            if (picks[k].Role is { } role && !roleAt.Exists(r => picks[r].Role == role))
            {
                roleAt.Add(k);
            }
        }
        var levelOf = new Level?[2];
        var taken = new bool[picks.Length];
        for (var side = 0; side < 2; side++)
        {
            var k = roleAt[side];
            if (k > 0 && picks[k - 1].Level is { } before && OnlyArticles(tokens, spans[k - 1].End, spans[k].Start))
            {
                (levelOf[side], taken[k - 1]) = (before, true);
            }
        }
        for (var side = 0; side < 2; side++)
        {
            var k = roleAt[side];
            if (levelOf[side] is null && k + 1 < picks.Length && !taken[k + 1] && picks[k + 1].Level is { } after
                && !Enumerable.Range(spans[k].End, spans[k + 1].Start - spans[k].End).Any(t => (_words.Of(tokens[t]) & Meaning.MoveSeparator) != 0))
            {
                (levelOf[side], taken[k + 1]) = (after, true);
            }
        }
        for (var k = 0; k < picks.Length; k++)
        {
            if (picks[k].Level is { } free && !taken[k] && Array.IndexOf(levelOf, null) is var side and >= 0)
            {
                (levelOf[side], taken[k]) = (free, true);
            }
        }
        levelOf[0] ??= levelOf[1];
        levelOf[1] ??= levelOf[0];

        var first = Marked(tokens, spans, picks, roleAt[1], Meaning.MoveFrom) || Marked(tokens, spans, picks, roleAt[0], Meaning.MoveTo) ? 1 : 0;
        return [new RoleAtLevel(picks[roleAt[first]].Role!, levelOf[first]), new RoleAtLevel(picks[roleAt[1 - first]].Role!, levelOf[1 - first])];
    }

    /// <summary>Whether the word before a role (and its level and articles) is one of <paramref name="marks"/>: "from a senior DS".</summary>
    private bool Marked(List<string> tokens, List<(int Start, int End)> spans, Named[] picks, int k, Meaning marks)
    {
        var start = k > 0 && picks[k - 1].Level is not null && OnlyArticles(tokens, spans[k - 1].End, spans[k].Start)
            ? spans[k - 1].Start
            : spans[k].Start;
        var before = start - 1;
        while (before >= 0 && (_words.Of(tokens[before]) & Meaning.Article) != 0)
        {
            before--;
        }
        return before >= 0 && (_words.Of(tokens[before]) & marks) != 0;
    }

    private bool OnlyArticles(List<string> tokens, int from, int to)
    {
        for (var t = from; t < to; t++)
        {
            if ((_words.Of(tokens[t]) & Meaning.Article) == 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether any chat word of the tokens (one token, or a phrase such as "转岗") has <paramref name="meaning"/>.</summary>
    private bool Has(List<string> tokens, Meaning meaning)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if ((_words.Of(tokens[i]) & meaning) != 0 || (_words.At(tokens, i, tokens.Count)?.Meaning & meaning) is not (null or Meaning.None))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// What a question lists, read from the words as typed (resolving would make "levels" the "level" of "entry level"):
    /// the first plural noun, or a singular one with a cue anywhere ("list every skill"); "有哪些技能" in Chinese.
    /// </summary>
    private Answers.CatalogueList? ListOf(List<string> typed)
    {
        const Meaning Nouns = Meaning.ListSkills | Meaning.ListRoles | Meaning.ListLevels;
        var cue = false;
        Answers.CatalogueList? singular = null;
        // Every position, not word after word: a noun may start inside a longer chat word ("所有级别" holds "级别").
        for (var i = 0; i < typed.Count; i++)
        {
            var meaning = _words.At(typed, i, typed.Count)?.Meaning ?? Meaning.None;
            if ((meaning & Nouns) != 0)
            {
                var list = (meaning & Meaning.ListSkills) != 0 ? Answers.CatalogueList.Skills
                    : (meaning & Meaning.ListRoles) != 0 ? Answers.CatalogueList.Roles
                    : Answers.CatalogueList.Levels;
                if ((meaning & Meaning.ListSingular) == 0 || cue)
                {
                    return list;
                }
                singular ??= list;
            }
            cue |= (meaning & Meaning.ListCue) != 0;
        }
        return cue ? singular : null;
    }

    /// <summary>
    /// What the question names that the catalogue lacks, from the stretches no name matched: words right before a
    /// role word are a role ("backend engineer", "后端工程师"), a level-like word is a level ("staff", "资深"), and one
    /// right after a known level makes a longer level that is not that one ("senior staff" is not Senior). The rest
    /// are unknown words, as before: a skill the catalogue lacks.
    /// </summary>
    private static void NameBack(List<Piece> pieces, List<Named[]> matched, ImmutableArray<string>.Builder unknown,
        ImmutableArray<string>.Builder unknownLevels, ImmutableArray<string>.Builder unknownRoles)
    {
        const int MaxWordsBeforeRoleWord = 3;
        var used = new bool[pieces.Count];
        for (var p = 0; p < pieces.Count; p++)
        {
            var piece = pieces[p];
            if (piece.Kind == PieceKind.RoleWord)
            {
                var first = p;
                while (first > 0 && p - first < MaxWordsBeforeRoleWord && pieces[first - 1].Kind == PieceKind.Unknown
                    && pieces[first - 1].End == pieces[first].Start)
                {
                    first--;
                }
                if (first == p && piece.AlsoLevelLike)
                {
                    // "manager" alone or after a level is a rung of a ladder; "engineering manager" is a role.
                    piece = piece with { Kind = PieceKind.LevelLike };
                }
                else
                {
                    var name = piece.Text;
                    for (var w = p - 1; w >= first; w--)
                    {
                        name = Join(pieces[w].Text, name);
                        used[w] = true;
                    }
                    unknownRoles.Add(name);
                    used[p] = true;
                    continue;
                }
            }
            if (piece.Kind == PieceKind.LevelLike)
            {
                if (p > 0 && pieces[p - 1] is { Kind: PieceKind.KnownLevel } known && known.End == piece.Start)
                {
                    // "senior staff": a longer level, not Senior.
                    matched[known.Matched] = [];
                    unknownLevels.Add(Join(known.Text, piece.Text));
                }
                else
                {
                    unknownLevels.Add(piece.Text);
                }
                used[p] = true;
            }
        }
        for (var p = 0; p < pieces.Count; p++)
        {
            if (!used[p] && pieces[p].Kind == PieceKind.Unknown)
            {
                unknown.Add(pieces[p].Text);
            }
        }
        matched.RemoveAll(m => m.Length == 0);
    }

    /// <summary>Two stretches of a name: a space between words, none next to Chinese.</summary>
    private static string Join(string first, string second) =>
        first.Length > 0 && second.Length > 0 && (Tokenizer.IsCjk(first[^1]) || Tokenizer.IsCjk(second[0])) ? first + second : $"{first} {second}";

    /// <summary>The tokens from <paramref name="start"/> to <paramref name="end"/> as the user's words: "level 6", "L6", "资深".</summary>
    private static string Display(List<string> tokens, int start, int end)
    {
        var text = tokens[start];
        for (var i = start + 1; i < end; i++)
        {
            text = Join(text, tokens[i]);
        }
        return text.Length > 1 && text[0] == 'l' && !text.AsSpan(1).ContainsAnyExceptInRange('0', '9') ? "L" + text[1..] : text;
    }

    /// <summary>Chinese characters count for the languages written without spaces.</summary>
    private void VoteCjk(Span<int> votes, List<string> tokens, int start, int end)
    {
        var all = _words.Languages.All;
        for (var i = start; i < end; i++)
        {
            if (!Tokenizer.IsCjkToken(tokens[i]))
            {
                continue;
            }
            for (var l = 0; l < all.Length; l++)
            {
                if (all[l].WrittenWithoutSpaces)
                {
                    votes[l]++;
                }
            }
        }
    }

    private static void Vote(Span<int> votes, ulong languages)
    {
        for (var l = 0; l < votes.Length; l++)
        {
            if ((languages & (1UL << l)) != 0)
            {
                votes[l]++;
            }
        }
    }

    /// <summary>The language with the most of its words (or characters) in the question; a tie goes to the one that is not the default.</summary>
    private string LanguageOf(Span<int> votes)
    {
        var best = 0;
        for (var l = 1; l < votes.Length; l++)
        {
            if (votes[l] > votes[best] || (votes[l] > 0 && votes[l] == votes[best] && best == 0))
            {
                best = l;
            }
        }
        return _words.Languages.All[best].Code;
    }

    /// <summary>Whether the name at <paramref name="start"/> is where the user wants to go: "become a lead", "promoted to senior", "ready for lead".</summary>
    private bool IsTowards(List<string> tokens, int start, bool afterFor)
    {
        var before = start - 1;
        while (before >= 0 && (_words.Of(tokens[before]) & Meaning.Article) != 0)
        {
            before--;
        }
        return before >= 0 && (_words.Of(tokens[before]) & (afterFor ? Meaning.Towards | Meaning.AimFor : Meaning.Towards)) != 0;
    }

    /// <summary>"Am I ready for lead?", "what do I need for senior?": with first person and an aim, a level after "for" is one to reach.</summary>
    private bool TowardsAfterFor(List<string> tokens)
    {
        var seen = Meaning.None;
        foreach (var token in tokens)
        {
            seen |= _words.Of(token) & (Meaning.FirstPerson | Meaning.Aiming);
        }
        return seen == (Meaning.FirstPerson | Meaning.Aiming);
    }

    /// <summary>
    /// A statement about oneself: a role or level right after the words that say who one is ("I'm", "I work as", "my
    /// role is", "as a" at the start, "我是"), past glue ("a", "currently") and one word of one's own name before an
    /// article ("I'm Anna, a senior …"); not after "if" or "suppose".
    /// </summary>
    private bool IntroducesSelf(List<string> tokens, List<int> selfFrom, List<int> personNamedAt)
    {
        foreach (var after in selfFrom)
        {
            for (var j = after; j < tokens.Count;)
            {
                if (personNamedAt.Contains(j))
                {
                    return true;
                }
                if (j == after && j + 1 < tokens.Count && (_words.Of(tokens[j + 1]) & Meaning.Article) != 0 && !_words.IsFiller(tokens[j]))
                {
                    j++;
                    continue;
                }
                // "一名" is glue as a word; "as" is glue even where "as a" is a longer word.
                var glue = _words.At(tokens, j, tokens.Count);
                var width = glue is not null && (glue.Meaning & Meaning.SelfGlue) != 0 ? glue.Tokens.Length
                    : (_words.Of(tokens[j]) & Meaning.SelfGlue) != 0 ? 1 : 0;
                if (width == 0)
                {
                    break;
                }
                j += width;
            }
        }
        return false;
    }

    /// <summary>
    /// Adds the catalogue word(s) a token stands for: itself, its singular, the two words of a name typed
    /// without its space ("deeplearning"), or the nearest word within the typo budget.
    /// </summary>
    private void Resolve(string token, List<string> resolved)
    {
        if (_vocabulary.Contains(token) || Tokenizer.IsCjkToken(token))
        {
            resolved.Add(token);
            return;
        }
        foreach (var singular in Singulars(token))
        {
            if (_vocabulary.Contains(singular))
            {
                resolved.Add(singular);
                return;
            }
        }
        if (_words.IsFiller(token) || _words.IsNamePart(token) || _words.IsNoise(token))
        {
            resolved.Add(token);
            return;
        }
        foreach (var singular in Singulars(token))
        {
            if (_words.IsNamePart(singular))
            {
                // "engineers": a role word, never corrected into a catalogue word it resembles.
                resolved.Add(singular);
                return;
            }
        }
        if (SplitJoined(token) is var (first, second))
        {
            resolved.Add(first);
            resolved.Add(second);
            return;
        }
        resolved.Add(_fuzzy.Nearest(token) ?? token);
    }

    /// <summary>"deeplearning" is "deep learning": a cut where both halves are catalogue words that begin a name together.</summary>
    private (string First, string Second)? SplitJoined(string token)
    {
        const int MinPart = 2;
        if (token.Length < 2 * MinPart + 1 || token.Length >= _longestKey)
        {
            return null;
        }
        var words = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> pair = stackalloc char[token.Length + 1];
        for (var cut = MinPart; cut <= token.Length - MinPart; cut++)
        {
            if (!words.TryGetValue(token.AsSpan(0, cut), out var first) || !words.TryGetValue(token.AsSpan(cut), out var second))
            {
                continue;
            }
            token.AsSpan(0, cut).CopyTo(pair);
            pair[cut] = ' ';
            token.AsSpan(cut).CopyTo(pair[(cut + 1)..]);
            if (_firstPairs.Contains(pair))
            {
                return (first, second);
            }
        }
        return null;
    }

    /// <summary>What the token may be the plural of: nothing (and no iterator made) unless it ends in s.</summary>
    private static IEnumerable<string> Singulars(string token) =>
        token.Length >= 3 && token[^1] == 's' ? SingularsOfPlural(token) : [];

    private static IEnumerable<string> SingularsOfPlural(string token)
    {
        yield return token[..^1];
        if (token.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return string.Concat(token.AsSpan(0, token.Length - 3), "y");
        }
        if (token.EndsWith("es", StringComparison.Ordinal))
        {
            yield return token[..^2];
        }
    }

    /// <summary>The longest phrase the tokens from <paramref name="start"/> begin with: one lookup per length such phrases have.</summary>
    private Phrase? MatchPhrase(List<string> tokens, int start)
    {
        if (!_lengthsByFirstToken.TryGetValue(tokens[start], out var lengths))
        {
            return null;
        }
        Span<char> key = stackalloc char[Math.Min(_longestKey, 256)];
        foreach (var length in lengths)
        {
            if (start + length > tokens.Count)
            {
                continue;
            }
            var chars = length - 1;
            for (var k = start; k < start + length; k++)
            {
                chars += tokens[k].Length;
            }
            if (chars > _longestKey)
            {
                continue;
            }
            var joined = chars <= key.Length ? key[..chars] : new char[chars];
            var at = 0;
            for (var k = start; k < start + length; k++)
            {
                if (k > start)
                {
                    joined[at++] = ' ';
                }
                tokens[k].CopyTo(joined[at..]);
                at += tokens[k].Length;
            }
            if (_phrases.TryGetValue(joined, out var phrase))
            {
                return phrase;
            }
        }
        return null;
    }

    /// <summary>
    /// "level 3", "L3", "L 3", "lvl3", "level three", "level III", "3rd level" and "3级" name the third level of
    /// whatever ladder is loaded: of the first track that has one (the role's track is chosen once the role is
    /// known, see <see cref="Reading.ByNumber"/>). <paramref name="number"/> is the position asked for even when
    /// no track is that long ("level 6" on five levels), so that it is named back rather than dropped.
    /// </summary>
    private Level? LevelByNumber(List<string> tokens, int i, out int width, out int? number)
    {
        width = 1;
        var token = tokens[i];
        var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
        number = null;
        if (DigitsAfterLevelWord(token) is { } joined)
        {
            number = joined;
        }
        else if (next is not null && (IsLevelWord(token) || token == "l"))
        {
            number = Digits(next) ?? (token != "l" && _words.Cardinals.TryGetValue(next, out var cardinal) ? cardinal : null);
            width = 2;
        }
        else if (next is not null && IsLevelWord(next) && _words.Ordinals.TryGetValue(token, out var ordinal))
        {
            number = ordinal;
            width = 2;
        }
        else if (next is not null && (_words.Of(next) & Meaning.LevelWordAfter) != 0 && Digits(token) is { } before)
        {
            number = before;
            width = 2;
        }
        if (number is null)
        {
            width = 1;
            return null;
        }
        foreach (var track in _catalogue.Tracks)
        {
            if (_catalogue.LevelAt(track, number.Value) is { } level)
            {
                return level;
            }
        }
        return null;
    }

    private bool IsLevelWord(string token) => (_words.Of(token) & Meaning.LevelWord) != 0;

    /// <summary>"l3", "lvl3", "level3": a level word and its number typed as one token.</summary>
    private int? DigitsAfterLevelWord(string token)
    {
        var letters = token.AsSpan().IndexOfAnyInRange('0', '9');
        if (letters < 1)
        {
            return null;
        }
        var prefix = token[..letters];
        return prefix == "l" || IsLevelWord(prefix) ? Digits(token[letters..]) : null;
    }

    private static int? Digits(string token) =>
        token.Length is > 0 and < 10 && !token.AsSpan().ContainsAnyExceptInRange('0', '9')
            ? int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;

    private bool IsUnknownWord(string token) =>
        token.Length >= 2
        && !_words.IsFiller(token)
        && !Tokenizer.IsCjkToken(token)
        && token.AsSpan().ContainsAnyExcept("0123456789");

    /// <summary>A Chinese character next to itself whose double is noise: the drawn-out end of "哈哈哈".</summary>
    private bool IsDrawnOut(List<string> tokens, int i) =>
        ((i > 0 && tokens[i - 1] == tokens[i]) || (i + 1 < tokens.Count && tokens[i + 1] == tokens[i])) && _words.IsNoise(tokens[i] + tokens[i]);

    private static bool IsHan(string token) =>
        Tokenizer.IsCjkToken(token) && token[0] is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static bool HasArrow(string text) =>
        text.Contains('→') || text.Contains("->", StringComparison.Ordinal) || text.Contains("=>", StringComparison.Ordinal)
        || text.Contains('⇒') || text.Contains('➡');

    private static void AddDistinct<T>(List<T> list, T? item) where T : class
    {
        if (item is not null && !list.Contains(item))
        {
            list.Add(item);
        }
    }
}
