using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkillBot.Core.Languages;

/// <summary>
/// One language of questions and answers, read once from its resource file (languages/CODE.json): the words
/// around the names in a question (filler, question words, the words that ask for help, a comparison, the
/// next level ...) and every sentence the core answers with, with {named} placeholders. A message the file
/// lacks is the fallback language's (English), so a new language can start small.
/// </summary>
public sealed class Language
{
    private readonly FrozenDictionary<string, string> _messages;
    private readonly Language? _fallback;

    private Language(string code, LanguageFile file, Language? fallback)
    {
        Code = code;
        WrittenWithoutSpaces = file.WrittenWithoutSpaces;
        Words = (file.Words ?? []).ToFrozenDictionary(w => w.Key, w => w.Value.ToImmutableArray(), StringComparer.Ordinal);
        Cardinals = (file.Cardinals ?? []).ToFrozenDictionary(StringComparer.Ordinal);
        Ordinals = (file.Ordinals ?? []).ToFrozenDictionary(StringComparer.Ordinal);
        _messages = (file.Messages ?? []).ToFrozenDictionary(StringComparer.Ordinal);
        _fallback = fallback;
    }

    /// <summary>The language's code as answers carry it ("en", "zh").</summary>
    public string Code { get; }

    /// <summary>Chinese and the like: words are found inside runs of characters, not between spaces.</summary>
    public bool WrittenWithoutSpaces { get; }

    /// <summary>The word lists by kind (<see cref="WordKinds"/>); an entry with spaces, or in a language written without them, is a phrase.</summary>
    public FrozenDictionary<string, ImmutableArray<string>> Words { get; }

    /// <summary>A position written as a word after "level": "level three".</summary>
    public FrozenDictionary<string, int> Cardinals { get; }

    /// <summary>A position written before "level": "third level".</summary>
    public FrozenDictionary<string, int> Ordinals { get; }

    /// <summary>The keys of the messages this language's file has (not counting those it falls back for).</summary>
    public IEnumerable<string> MessageKeys => _messages.Keys;

    public ImmutableArray<string> WordsOf(string kind) => Words.TryGetValue(kind, out var words) ? words : [];

    /// <summary>The message <paramref name="key"/> with its {placeholders} filled in one pass (a value's own braces stay as they are).</summary>
    public string Text(string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var template = Template(key);
        var text = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                text.Append(template[i]);
                continue;
            }
            var name = template.AsSpan(i + 1, close - i - 1);
            var found = false;
            foreach (var (placeholder, value) in values)
            {
                if (name.SequenceEqual(placeholder))
                {
                    text.Append(value);
                    found = true;
                    break;
                }
            }
            if (!found)
            {
                text.Append(template, i, close - i + 1);
            }
            i = close;
        }
        return text.ToString();
    }

    /// <summary>The template itself, from this language or its fallback.</summary>
    public string Template(string key) =>
        _messages.TryGetValue(key, out var template) ? template
        : _fallback?.Template(key) ?? throw new KeyNotFoundException($"No message '{key}' in language '{Code}'.");

    public string And(IEnumerable<string> items) => Join(items, "list.and");

    public string Or(IEnumerable<string> items) => Join(items, "list.or");

    /// <summary>The user's own words, quoted the language's way.</summary>
    public string Quote(string text) => Text("quote", ("text", text));

    public string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    private string Join(IEnumerable<string> items, string last)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => Text(last, ("first", string.Join(Template("list.separator"), list.Take(list.Count - 1))), ("last", list[^1])),
        };
    }

    /// <summary>Reads a language file; a malformed one is refused with what is wrong (these files ship with the code).</summary>
    public static Language Parse(string code, Stream json, Language? fallback)
    {
        LanguageFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, LanguageJsonContext.Default.LanguageFile);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The language file for '{code}' is not valid JSON: {e.Message}", e);
        }
        if (file is null)
        {
            throw new InvalidOperationException($"The language file for '{code}' is empty.");
        }
        if (file.Words?.Keys.Except(WordKinds.All).ToList() is { Count: > 0 } unknownKinds)
        {
            throw new InvalidOperationException($"The language file for '{code}' has unknown word lists: {string.Join(", ", unknownKinds)}.");
        }
        if (fallback is null && file.Messages is null)
        {
            throw new InvalidOperationException($"The language file for '{code}' has no messages.");
        }
        return new Language(code, file, fallback);
    }
}

/// <summary>The kinds of word list a language file has.</summary>
public static class WordKinds
{
    /// <summary>Words that carry no name: never fuzzy-matched, never reported as unknown.</summary>
    public const string Filler = "filler";
    public const string Help = "help";
    public const string Overview = "overview";
    public const string Compare = "compare";
    /// <summary>Before a level the user wants to reach: "become a lead", "升到主管".</summary>
    public const string Towards = "towards";
    /// <summary>One level up or down from the one talked about before: "what's next?".</summary>
    public const string Next = "next";
    public const string Previous = "previous";
    public const string Articles = "articles";
    /// <summary>Before a level's position: "level 3"; <see cref="LevelWordsAfter"/> after it: "3级".</summary>
    public const string LevelWords = "levelWords";
    public const string LevelWordsAfter = "levelWordsAfter";
    /// <summary>"I'm ...", "我是 ...": the user says who they are.</summary>
    public const string IntroducesSelf = "introducesSelf";
    /// <summary>Words that name a level on some ladder ("staff", "director", "资深"): a level the catalogue lacks when it has no such name.</summary>
    public const string LevelLike = "levelLike";
    /// <summary>Words that end a role's name ("engineer", "工程师"): with the words before them, a role the catalogue lacks.</summary>
    public const string RoleWords = "roleWords";
    /// <summary>"What changed?", "what's new", "有什么变化": a question about the catalogue's last changes.</summary>
    public const string Changes = "changes";

    /// <summary>Words that ask for the person's next step: "promoted", "晋升".</summary>
    public const string Promotion = "promotion";
    /// <summary>Words that make a question about the person who asks: "I", "me", "my", "我".</summary>
    public const string FirstPerson = "firstPerson";
    /// <summary>Anywhere in a message, a correction of the last answer: "I meant", "我是说".</summary>
    public const string Corrects = "corrects";
    /// <summary>As a message's first word, a correction: "no, ML engineer", "sorry, lead", "不对".</summary>
    public const string CorrectionOpeners = "correctionOpeners";
    /// <summary>Before "I'm", a hypothetical: "what if I'm a lead?", "如果我是".</summary>
    public const string Hypothetical = "hypothetical";
    /// <summary>Between "I'm" and the role or level it says: "I'm currently a …", "我是一名…".</summary>
    public const string SelfGlue = "selfGlue";
    /// <summary>What a bare reply may have around its names: "ok, senior DS", "I'm lead".</summary>
    public const string ReplyGlue = "replyGlue";
    /// <summary>At the start only, the asker says who they are: "as a senior DS, …", "作为".</summary>
    public const string IntroducesSelfAtStart = "introducesSelfAtStart";
    /// <summary>Words a message may start with before saying who asks: "hi, as a …".</summary>
    public const string Openers = "openers";
    /// <summary>With a first-person word, make a level after <see cref="AimFor"/> one to reach: "am I ready for lead?".</summary>
    public const string Aiming = "aiming";
    public const string AimFor = "aimFor";
    /// <summary>Words that make two roles a lateral move rather than a choice between them: "moving from DS to LLM engineer", "从…转到…".</summary>
    public const string Moves = "moves";
    /// <summary>The verbs of a move, which make one role named where the person would go: "what if I switched to LLM engineer?".</summary>
    public const string MoveVerbs = "moveVerbs";
    /// <summary>Before the role the person is in: "from a data scientist", "从".</summary>
    public const string MoveFrom = "moveFrom";
    /// <summary>Before the role the person would go to: "to LLM engineer", "到".</summary>
    public const string MoveTo = "moveTo";
    /// <summary>Between a role and the next level, these say the level is not that role's: "DS to senior LLM engineer".</summary>
    public const string MoveSeparators = "moveSeparators";
    /// <summary>The person asking: a question about them is not a catalogue listing ("me" is not: "show me the roles").</summary>
    public const string Asker = "asker";
    /// <summary>
    /// The nouns of a catalogue listing: the plural lists on its own ("what skills are there?"), the singular only with a
    /// cue anywhere (<see cref="ListCues"/>: "list every skill"). A language without plurals lists its nouns as plural.
    /// </summary>
    public const string ListSkills = "listSkills";
    public const string ListSkill = "listSkill";
    public const string ListRoles = "listRoles";
    public const string ListRole = "listRole";
    public const string ListLevels = "listLevels";
    public const string ListLevel = "listLevel";
    public const string ListCues = "listCues";
    /// <summary>
    /// Chat noise ("lol", "tbh", "哈哈"): never a name, so never named back and never what breaks a question; also with
    /// letters or a syllable repeated ("hmmm", "lolll", "hahahaha", "哈哈哈").
    /// </summary>
    public const string Noise = "noise";

    public static readonly ImmutableArray<string> All =
        [Filler, Help, Overview, Compare, Towards, Next, Previous, Articles, LevelWords, LevelWordsAfter, IntroducesSelf, LevelLike, RoleWords,
         Promotion, FirstPerson, Corrects, CorrectionOpeners, Hypothetical, SelfGlue, ReplyGlue, IntroducesSelfAtStart, Openers, Aiming, AimFor, Changes,
         Moves, MoveVerbs, MoveFrom, MoveTo, MoveSeparators, Asker, ListSkills, ListSkill, ListRoles, ListRole, ListLevels, ListLevel, ListCues, Noise];
}

internal sealed record LanguageFile(
    [property: JsonPropertyName("writtenWithoutSpaces")] bool WrittenWithoutSpaces,
    [property: JsonPropertyName("words")] Dictionary<string, string[]>? Words,
    [property: JsonPropertyName("cardinals")] Dictionary<string, int>? Cardinals,
    [property: JsonPropertyName("ordinals")] Dictionary<string, int>? Ordinals,
    [property: JsonPropertyName("messages")] Dictionary<string, string>? Messages);

[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(LanguageFile))]
internal sealed partial class LanguageJsonContext : JsonSerializerContext;
