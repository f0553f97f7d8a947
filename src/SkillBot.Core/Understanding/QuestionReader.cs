using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Text;

namespace SkillBot.Core.Understanding;

/// <summary>
/// Reads free text against one catalogue: every name and alias becomes a phrase of tokens, indexed by
/// its first token; a question is matched left to right, longest phrase first, after misspelt words
/// have been corrected against the catalogue's vocabulary. Built once per catalogue; thread-safe.
/// </summary>
public sealed class QuestionReader
{
    private sealed record Phrase(string[] Tokens, Named[] Targets);

    private readonly record struct Named(Skill? Skill, Role? Role, Level? Level, string? Domain);

    private readonly SkillCatalogue _catalogue;
    private readonly FrozenDictionary<string, Phrase[]> _phrasesByFirstToken;
    private readonly FrozenSet<string> _vocabulary;
    private readonly FuzzyWords _fuzzy;

    public QuestionReader(SkillCatalogue catalogue)
    {
        _catalogue = catalogue;
        var targets = new Dictionary<string, List<Named>>(StringComparer.Ordinal);
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

        var phrases = targets.Select(t => new Phrase(t.Key.Split(' '), [.. t.Value])).ToList();
        _phrasesByFirstToken = phrases
            .GroupBy(p => p.Tokens[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Tokens.Length).ToArray(), StringComparer.Ordinal);
        _vocabulary = phrases.SelectMany(p => p.Tokens).ToFrozenSet(StringComparer.Ordinal);
        _fuzzy = new FuzzyWords(_vocabulary);
    }

    public Reading Read(string text)
    {
        var typed = Tokenizer.Tokenize(ChatText.Strip(text));
        var tokens = new List<string>(typed.Count);
        var isChinese = false;
        foreach (var token in typed)
        {
            isChinese |= Tokenizer.IsCjkToken(token);
            Resolve(token, tokens);
        }

        var matched = new List<Named[]>();
        // Where a role or level is named: a statement about oneself names one right after "I'm".
        var personNamedAt = new List<int>();
        var unknown = ImmutableArray.CreateBuilder<string>();
        var towardsAfterFor = TowardsAfterFor(tokens);
        Level? target = null;
        var hanRun = -1;
        var levelStep = 0;
        bool asksHelp = false, asksOverview = false, asksCompare = HasArrow(text), bareReply = true;
        for (var i = 0; i < tokens.Count;)
        {
            if (MatchPhrase(tokens, i) is { } phrase)
            {
                EndChineseRun(tokens, ref hanRun, i, unknown);
                matched.Add(phrase.Targets);
                if (Array.Exists(phrase.Targets, t => t.Role is not null || t.Level is not null))
                {
                    personNamedAt.Add(i);
                }
                target ??= IsTowards(tokens, i, towardsAfterFor) ? Array.Find(phrase.Targets, t => t.Level is not null).Level : null;
                i += phrase.Tokens.Length;
                continue;
            }
            var token = tokens[i];
            if (LevelByNumber(tokens, i, out var width) is { } level)
            {
                EndChineseRun(tokens, ref hanRun, i, unknown);
                matched.Add([new Named(null, null, level, null)]);
                personNamedAt.Add(i);
                target ??= IsTowards(tokens, i, towardsAfterFor) ? level : null;
                i += width;
                continue;
            }
            bareReply &= Words.ReplyGlue.Contains(token);
            asksHelp |= Words.Help.Contains(token);
            asksOverview |= Words.Overview.Contains(token);
            asksCompare |= Words.Compare.Contains(token);
            levelStep = Words.LevelSteps.GetValueOrDefault(token, levelStep);
            if (IsHan(token))
            {
                // Chinese has no spaces: unmatched characters in a row are read together at the run's end.
                hanRun = hanRun < 0 ? i : hanRun;
                i++;
                continue;
            }
            EndChineseRun(tokens, ref hanRun, i, unknown);
            if (IsUnknownWord(token))
            {
                unknown.Add(token);
            }
            i++;
        }
        EndChineseRun(tokens, ref hanRun, tokens.Count, unknown);

        var skills = new List<Skill>();
        var roles = new List<Role>();
        var levels = new List<Level>();
        var domains = new List<string>();
        // A phrase that names one thing is taken first; one that names several (an alias shared by a
        // role and a skill, say) then fills whichever kind the question still lacks.
        foreach (var targets in matched.Where(t => t.Length == 1).Concat(matched.Where(t => t.Length > 1)))
        {
            var pick = targets.Length == 1
                ? targets[0]
                : targets.FirstOrDefault(t => t.Skill is not null && skills.Count == 0,
                  targets.FirstOrDefault(t => t.Role is not null && roles.Count == 0,
                  targets.FirstOrDefault(t => t.Level is not null && levels.Count == 0, targets[0])));
            AddDistinct(skills, pick.Skill);
            AddDistinct(roles, pick.Role);
            AddDistinct(levels, pick.Level);
            AddDistinct(domains, pick.Domain);
        }
        return new Reading([.. skills], [.. roles], [.. levels], [.. domains], unknown.ToImmutable(),
            asksHelp, asksOverview, asksCompare, isChinese)
        {
            Target = target is not null && levels.Contains(target) ? target : null,
            LevelStep = levelStep,
            IntroducesSelf = IntroducesSelf(tokens, personNamedAt),
            AsksPromotion = AsksPromotion(tokens),
            IsBareReply = bareReply && !asksCompare,
            Corrects = Corrects(tokens),
        };
    }

    /// <summary>
    /// "I'm (Anna,) a senior …", "I am …", "I work as …", "my role is …", "我是…": a role or level right after the
    /// words that say who one is (past articles and "currently"), not after "if" or "suppose".
    /// </summary>
    private static bool IntroducesSelf(List<string> tokens, List<int> personNamedAt)
    {
        if (personNamedAt.Count == 0)
        {
            return false;
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            var after = SelfStatementAfter(tokens, i);
            if (after < 0 || (i > 0 && Words.Hypothetical.Contains(tokens[i - 1])) || (i > 1 && Words.Hypothetical.Contains(tokens[i - 2])))
            {
                continue;
            }
            for (var j = after; j < tokens.Count; j++)
            {
                if (personNamedAt.Contains(j))
                {
                    return true;
                }
                // "I'm Anna, a senior …": one word of one's own name before the article.
                var ownName = j == after && j + 1 < tokens.Count && Words.Articles.Contains(tokens[j + 1]) && !Words.Filler.Contains(tokens[j]);
                if (!ownName && !Words.SelfStatementGlue.Contains(tokens[j]))
                {
                    break;
                }
            }
        }
        return false;
    }

    /// <summary>Where the description of oneself starts when the words at <paramref name="i"/> say "I am"; -1 when they do not.</summary>
    private static int SelfStatementAfter(List<string> tokens, int i)
    {
        var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
        return tokens[i] switch
        {
            "i'm" or "im" => i + 1,
            "i" when next is "am" or "work" or "worked" => i + 2,
            "my" when next is "role" or "level" or "title" or "job" or "position" or "grade"
                && i + 2 < tokens.Count && tokens[i + 2] is "is" => i + 3,
            "我" when next is "是" => i + 2,
            // "As a senior DS, how do I get promoted?": only at the start, where it says who is asking.
            "as" when next is "a" or "an" && (i == 0 || Words.Openers.Contains(tokens[i - 1])) => i + 1,
            _ => -1,
        };
    }

    /// <summary>"How do I get promoted?", "what's next for me?", "how do I get to the next level?", "下一步", "晋升".</summary>
    private static bool AsksPromotion(List<string> tokens)
    {
        bool next = false, firstPerson = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (Words.Promotion.Contains(token)
                || (i + 1 < tokens.Count && Words.ChinesePromotion.Contains(string.Concat(token, tokens[i + 1]))))
            {
                return true;
            }
            next |= token == "next" || (token == "下" && i + 2 < tokens.Count && tokens[i + 1] == "一" && tokens[i + 2] == "步");
            firstPerson |= Words.FirstPerson.Contains(token);
        }
        return next && firstPerson;
    }

    /// <summary>"No, I meant ML engineer", "I meant deep learning", "sorry, lead": a correction of the last answer.</summary>
    private static bool Corrects(List<string> tokens) =>
        tokens.Count > 0
        && (Words.CorrectionOpeners.Contains(tokens[0]) || tokens.Contains("meant")
            || (tokens.Count > 1 && tokens[0] == "i" && tokens[1] == "mean"));

    /// <summary>"Am I ready for lead?", "what do I need for senior?": after "for", a level is one the person wants to reach.</summary>
    private static bool TowardsAfterFor(List<string> tokens)
    {
        bool firstPerson = false, aiming = false;
        foreach (var token in tokens)
        {
            firstPerson |= Words.FirstPerson.Contains(token);
            aiming |= token is "ready" or "need" or "needed" or "take" or "takes" or "missing" or "lack";
        }
        return firstPerson && aiming;
    }

    /// <summary>Whether the name at <paramref name="start"/> is where the user wants to go: "become a lead", "promoted to senior".</summary>
    private static bool IsTowards(List<string> tokens, int start, bool afterFor)
    {
        var before = start - 1;
        while (before >= 0 && Words.Articles.Contains(tokens[before]))
        {
            before--;
        }
        return before >= 0 && (Words.Towards.Contains(tokens[before]) || (afterFor && tokens[before] == "for"));
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
        if (Words.Filler.Contains(token))
        {
            resolved.Add(token);
            return;
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
        if (token.Length < 2 * MinPart + 1)
        {
            return null;
        }
        var words = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var cut = MinPart; cut <= token.Length - MinPart; cut++)
        {
            if (!words.TryGetValue(token.AsSpan(0, cut), out var first)
                || !words.TryGetValue(token.AsSpan(cut), out var second)
                || !_phrasesByFirstToken.TryGetValue(first, out var phrases))
            {
                continue;
            }
            foreach (var phrase in phrases)
            {
                if (phrase.Tokens.Length > 1 && phrase.Tokens[1] == second)
                {
                    return (first, second);
                }
            }
        }
        return null;
    }

    private static IEnumerable<string> Singulars(string token)
    {
        if (token.Length < 3 || token[^1] != 's')
        {
            yield break;
        }
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

    private Phrase? MatchPhrase(List<string> tokens, int start)
    {
        if (!_phrasesByFirstToken.TryGetValue(tokens[start], out var candidates))
        {
            return null;
        }
        foreach (var phrase in candidates)
        {
            if (start + phrase.Tokens.Length > tokens.Count)
            {
                continue;
            }
            var all = true;
            for (var k = 1; k < phrase.Tokens.Length && all; k++)
            {
                all = string.Equals(tokens[start + k], phrase.Tokens[k], StringComparison.Ordinal);
            }
            if (all)
            {
                return phrase;
            }
        }
        return null;
    }

    /// <summary>
    /// "level 3", "L3", "L 3", "lvl3", "level three", "level III" and "3rd level" name the third level of
    /// whatever ladder is loaded.
    /// </summary>
    private Level? LevelByNumber(List<string> tokens, int i, out int width)
    {
        width = 1;
        var token = tokens[i];
        var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
        int? number = null;
        if (DigitsAfterLevelWord(token) is { } joined)
        {
            number = joined;
        }
        else if (next is not null && (Words.LevelWords.Contains(token) || token == "l"))
        {
            number = Digits(next) ?? (token != "l" && Words.Cardinals.TryGetValue(next, out var cardinal) ? cardinal : null);
            width = 2;
        }
        else if (next is not null && Words.LevelWords.Contains(next) && Words.Ordinals.TryGetValue(token, out var ordinal))
        {
            number = ordinal;
            width = 2;
        }
        return number is >= 1 && number <= _catalogue.Levels.Length ? _catalogue.Levels[number.Value - 1] : null;
    }

    /// <summary>"l3", "lvl3", "level3": a level word and its number typed as one token.</summary>
    private static int? DigitsAfterLevelWord(string token)
    {
        var letters = token.AsSpan().IndexOfAnyInRange('0', '9');
        if (letters < 1)
        {
            return null;
        }
        var prefix = token[..letters];
        return prefix == "l" || Words.LevelWords.Contains(prefix) ? Digits(token[letters..]) : null;
    }

    private static int? Digits(string token) =>
        token.Length is > 0 and < 4 && !token.AsSpan().ContainsAnyExceptInRange('0', '9')
            ? int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;

    private bool IsUnknownWord(string token) =>
        token.Length >= 2
        && !Words.Filler.Contains(token)
        && !Tokenizer.IsCjkToken(token)
        && token.AsSpan().ContainsAnyExcept("0123456789");

    private static bool IsHan(string token) =>
        Tokenizer.IsCjkToken(token) && token[0] is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>
    /// Unmatched Chinese characters from <paramref name="start"/> to <paramref name="end"/>, less the small
    /// words around a question (longest first), are unknown names: "需要区块链吗" holds "区块链".
    /// </summary>
    private static void EndChineseRun(List<string> tokens, ref int start, int end, ImmutableArray<string>.Builder unknown)
    {
        if (start < 0)
        {
            return;
        }
        var name = new System.Text.StringBuilder();
        for (var i = start; i < end;)
        {
            var filler = Words.ChineseFillerLength(tokens, i, end);
            if (filler == 0)
            {
                name.Append(tokens[i]);
                i++;
                continue;
            }
            if (name.Length > 0)
            {
                unknown.Add(name.ToString());
                name.Clear();
            }
            i += filler;
        }
        if (name.Length > 0)
        {
            unknown.Add(name.ToString());
        }
        start = -1;
    }

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
