using System.Collections.Frozen;
using SkillBot.Core.Answers;

namespace SkillBot.Core.Understanding;

/// <summary>
/// The words of lateral moves and catalogue listings, English and Chinese. Not yet in the language files
/// (Languages/CODE.json) like the rest of the chat words: a third language adds its words here too, for now.
/// </summary>
internal static class MoveAndListWords
{
    /// <summary>Words that make two roles a lateral move rather than a choice between them: "moving from DS to LLM engineer", "if I switched".</summary>
    public static readonly FrozenSet<string> Moves = FrozenSet.ToFrozenSet(
        ["from", "move", "moving", "moved", "switch", "switched", "switching", "transition", "transitioning", "transfer",
         "transferring", "lateral", "pivot", "pivoting", "从", "转"]);

    /// <summary>The verbs of a move, which make one role named where the person would go: "what if I switched to LLM engineer?".</summary>
    public static readonly FrozenSet<string> MoveVerbs = FrozenSet.ToFrozenSet(
        ["move", "moving", "moved", "switch", "switched", "switching", "transition", "transitioning", "transfer", "transferring", "pivot", "pivoting", "转"]);

    /// <summary>Before the role the person is in: "from a data scientist".</summary>
    public static readonly FrozenSet<string> MoveFrom = FrozenSet.ToFrozenSet(["from", "从"]);

    /// <summary>Before the role the person would go to: "to LLM engineer".</summary>
    public static readonly FrozenSet<string> MoveTo = FrozenSet.ToFrozenSet(["to", "into", "become", "becoming", "towards", "toward", "到"]);

    /// <summary>Between a role and the next level, these say the level is not that role's: "DS to senior LLM engineer".</summary>
    public static readonly FrozenSet<string> MoveSeparators = FrozenSet.ToFrozenSet(
        ["to", "into", "vs", "versus", "or", "and", "from", "than", "with", "become", "becoming", "towards", "toward", "到", "对", "比", "从"]);

    public static readonly FrozenSet<string> Articles = FrozenSet.ToFrozenSet(["a", "an", "the"]);

    /// <summary>The person asking: a question about them is not a catalogue listing ("me" is not: "show me the roles").</summary>
    public static readonly FrozenSet<string> Self = FrozenSet.ToFrozenSet(["i", "i'm", "im", "my", "mine", "myself", "i've", "ive", "i'd"]);

    /// <summary>The nouns of a catalogue listing, and whether each is the plural ("skills" lists; "skill" only after a cue such as "list").</summary>
    private static readonly FrozenDictionary<string, (CatalogueList List, bool Plural)> ListNouns = new Dictionary<string, (CatalogueList, bool)>
    {
        ["skills"] = (CatalogueList.Skills, true), ["skill"] = (CatalogueList.Skills, false),
        ["competencies"] = (CatalogueList.Skills, true), ["competency"] = (CatalogueList.Skills, false),
        ["roles"] = (CatalogueList.Roles, true), ["role"] = (CatalogueList.Roles, false),
        ["jobs"] = (CatalogueList.Roles, true), ["positions"] = (CatalogueList.Roles, true), ["titles"] = (CatalogueList.Roles, true),
        ["levels"] = (CatalogueList.Levels, true), ["level"] = (CatalogueList.Levels, false),
        ["grades"] = (CatalogueList.Levels, true), ["ladder"] = (CatalogueList.Levels, false),
    }.ToFrozenDictionary();

    /// <summary>Words that ask for a listing with a singular noun: "list every skill", "show the ladder".</summary>
    private static readonly FrozenSet<string> ListCues = FrozenSet.ToFrozenSet(
        ["list", "all", "every", "each", "available", "exist", "exists", "catalogue", "catalog", "show"]);

    /// <summary>
    /// What a question lists, read from the words as typed (resolving would make "levels" the "level" of "entry level"):
    /// the first plural noun, or a singular one with a cue anywhere ("list every skill").
    /// </summary>
    public static CatalogueList? ListOf(List<string> typed)
    {
        var cue = false;
        CatalogueList? singular = null;
        foreach (var token in typed)
        {
            if (ListNouns.TryGetValue(token, out var noun))
            {
                if (noun.Plural || cue)
                {
                    return noun.List;
                }
                singular ??= noun.List;
            }
            cue |= ListCues.Contains(token);
        }
        return cue ? singular : null;
    }
}
