using System.Collections.Frozen;

namespace SkillBot.Core.Understanding;

/// <summary>The small vocabulary of chat around the names: filler, greetings and the words that ask for something.</summary>
internal static class Words
{
    /// <summary>Words that carry no name: never fuzzy-matched, never reported as unknown.</summary>
    public static readonly FrozenSet<string> Filler = FrozenSet.ToFrozenSet(
    [
        // the bot's own name and chat courtesy
        "skillbot", "bot", "hey", "hi", "hello", "hiya", "yo", "morning", "afternoon", "evening", "please", "pls", "plz",
        "thanks", "thank", "thx", "ty", "cheers", "ok", "okay", "sure", "great", "cool", "good",
        // question words and pronouns
        "what", "whats", "which", "who", "how", "why", "when", "where", "whom", "whose",
        "i", "i'm", "im", "i've", "ive", "i'd", "me", "my", "mine", "myself", "we", "our", "us", "you", "your", "it", "its",
        "they", "them", "their", "he", "she", "his", "her", "someone", "somebody", "one", "person", "people", "folks",
        // articles, prepositions, conjunctions
        "a", "an", "the", "this", "that", "these", "those", "of", "in", "on", "at", "for", "to", "from", "into", "onto",
        "with", "without", "within", "by", "as", "about", "around", "regarding", "re", "per", "via", "and", "or", "but",
        "so", "if", "then", "than", "vs", "versus", "between", "against", "up", "over", "under", "across",
        // verbs of asking
        "is", "are", "am", "be", "being", "been", "was", "were", "do", "does", "did", "doing", "done", "have", "has",
        "had", "having", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "need", "needs",
        "needed", "require", "requires", "required", "requirement", "requirements", "expect", "expects", "expected",
        "expectation", "expectations", "know", "knows", "learn", "learns", "master", "show", "tell", "give", "list",
        "get", "gets", "getting", "go", "going", "move", "moving", "reach", "become", "becoming", "grow", "want",
        "wants", "like", "look", "looks", "mean", "means", "ask", "asks", "explain", "describe", "see", "find",
        "work", "works", "working", "let", "let's", "lets", "there",
        // words about the matrix itself
        "skill", "skills", "role", "roles", "level", "levels", "lvl", "position", "title", "job", "grade", "rank",
        "track", "career", "promotion", "promoted", "promote", "next", "previous", "prev", "current", "currently",
        "now", "step", "stage", "area", "topic", "field", "domain", "competency", "competencies", "matrix",
        "profile", "overview", "ladder", "path", "growth", "all", "every", "each", "any", "some", "more", "most",
        "compare", "comparison", "difference", "differences", "different", "differ", "change", "changes",
        "new", "added", "adds", "else", "also", "too", "just", "only", "really", "exactly", "actually", "again",
        "help", "start", "commands", "usage", "example", "examples", "info", "information", "details", "detail",
        "expected", "expectancy", "responsibilities", "responsibility", "duties", "scope", "bar", "standard", "standards",
        "not", "no", "yes", "well", "very", "much", "many", "lot", "need", "things", "thing", "stuff",
        "to", "be", "good", "better", "best", "at", "am", "who's", "it's", "that's", "what's",
        // small talk around a question, which must not read as an unknown skill
        "bye", "goodbye", "cya", "hmm", "um", "uh", "oh", "wow", "lol", "btw", "fyi", "asap", "quick", "quickly",
        "question", "questions", "wondering", "wonder", "curious", "interested", "think", "guess", "maybe", "perhaps",
        "today", "here", "soon", "yet", "still", "already", "year", "years", "month", "months", "team", "company",
        "description", "descriptions", "summary", "overall", "typical", "typically", "usually", "exact",
        "day", "daily", "basically", "kind", "sort", "type", "main", "key", "important", "whole", "entire", "full",
        "anyone", "anybody", "everyone", "everything", "something", "anything", "nothing", "other", "others",
        "am", "i'll", "ill", "you're", "youre", "don't", "dont", "doesn't", "doesnt", "can't", "cant",
        "plan", "planning", "aim", "aiming", "hope", "hoping", "try", "trying", "understand", "check", "read",
        "higher", "above", "lower", "below",
        // corrections and hypotheticals around a name
        "meant", "sorry", "nope", "nah", "oops", "instead", "rather", "suppose", "supposing", "assuming", "imagine",
        "hypothetically", "promo", "promoting", "ah",
        "should", "supposed", "able", "ready", "enough", "same", "both", "either", "neither", "after", "before",
        // positions, read by "level three" / "third level", never typos of a name
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "ii", "iii", "iv", "vi", "vii", "viii", "ix",
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th",
    ]);

    /// <summary>
    /// Chinese words around a question (particles, pronouns, question words, "need", "skill", "level",
    /// greetings, thanks), simplified and traditional: never part of an unknown name.
    /// </summary>
    private static readonly FrozenSet<string> ChineseFiller = FrozenSet.ToFrozenSet(
    [
        "你好", "您好", "谢谢", "謝謝", "感谢", "感謝", "帮助", "幫助", "请问", "請問", "需要", "什么", "什麼", "怎么", "怎麼",
        "怎样", "怎樣", "如何", "方面", "区别", "區別", "差别", "差別", "差异", "差異", "比较", "比較", "对比", "對比", "技能",
        "角色", "级别", "級別", "水平", "职位", "職位", "岗位", "崗位", "要求", "知道", "关于", "關於", "可以", "应该", "應該",
        "我们", "我們", "他们", "他們", "现在", "現在", "时候", "時候", "一下", "问题", "問題", "这个", "這個", "那个", "那個",
        "还有", "還有", "哪些", "多少", "成为", "成為", "晋升", "晉升", "升职", "升職", "工作", "期望", "职责", "職責",
        "的", "了", "在", "是", "我", "你", "您", "他", "她", "它", "吗", "嗎", "呢", "吧", "啊", "呀", "哦", "嗯", "和", "与",
        "與", "或", "及", "从", "從", "到", "对", "對", "请", "請", "个", "個", "一", "有", "能", "会", "會", "也", "都", "就",
        "给", "看", "说", "說", "很", "最", "更", "还", "又", "再", "之", "后", "後", "前", "里", "裡", "中", "要", "做", "当",
        "为", "為", "成", "着", "过", "得", "这", "這", "那", "些", "么", "麼", "什", "怎", "哪", "谁", "誰", "级", "級",
        "帮", "助",
    ]);

    /// <summary>How many of the tokens from <paramref name="start"/> (each one Chinese character) form a Chinese filler word, longest first; 0 if none.</summary>
    public static int ChineseFillerLength(List<string> tokens, int start, int end)
    {
        for (var length = Math.Min(2, end - start); length > 0; length--)
        {
            var word = length == 1 ? tokens[start] : string.Concat(tokens[start], tokens[start + 1]);
            if (ChineseFiller.Contains(word))
            {
                return length;
            }
        }
        return 0;
    }

    public static readonly FrozenSet<string> Help = FrozenSet.ToFrozenSet(
        ["help", "start", "commands", "usage", "example", "examples", "帮", "助"]);

    public static readonly FrozenSet<string> Overview = FrozenSet.ToFrozenSet(
        ["overview", "ladder", "levels", "path", "growth", "all", "every", "each", "track", "career"]);

    public static readonly FrozenSet<string> Compare = FrozenSet.ToFrozenSet(
        ["compare", "comparison", "vs", "versus", "between", "difference", "differences", "differ", "change", "changes", "对", "比"]);

    /// <summary>Words before a level the user wants to reach: "become a lead", "promoted to senior", "get to L4".</summary>
    public static readonly FrozenSet<string> Towards = FrozenSet.ToFrozenSet(
        ["to", "become", "becoming", "reach", "reaching", "promoted", "promotion", "toward", "towards", "be", "into"]);

    /// <summary>Words that move one level from the one talked about before: "what's next?", "and the level below?".</summary>
    public static readonly FrozenDictionary<string, int> LevelSteps = new Dictionary<string, int>
    {
        ["next"] = 1, ["higher"] = 1, ["above"] = 1, ["previous"] = -1, ["prev"] = -1, ["lower"] = -1, ["below"] = -1,
    }.ToFrozenDictionary();

    public static readonly FrozenSet<string> Articles = FrozenSet.ToFrozenSet(["a", "an", "the"]);

    /// <summary>Words that ask for the person's next step: "how do I get promoted?".</summary>
    public static readonly FrozenSet<string> Promotion = FrozenSet.ToFrozenSet(["promoted", "promotion", "promote", "promoting", "promo"]);

    /// <summary>Chinese words, two characters each, that ask for the next step: "晋升", "升职", "升级".</summary>
    public static readonly FrozenSet<string> ChinesePromotion = FrozenSet.ToFrozenSet(["晋升", "晉升", "升职", "升職", "升级", "升級"]);

    /// <summary>Words that make a question about the person who asks.</summary>
    public static readonly FrozenSet<string> FirstPerson = FrozenSet.ToFrozenSet(["i", "i'm", "im", "me", "my", "myself", "i've", "ive", "i'd", "我"]);

    /// <summary>A first word that corrects the last answer: "no, ML engineer", "sorry, I meant lead".</summary>
    public static readonly FrozenSet<string> CorrectionOpeners = FrozenSet.ToFrozenSet(["no", "nope", "nah", "sorry", "oops"]);

    /// <summary>Words a bare reply may have around its names: "ok, senior DS", "I'm lead", "yes, as a data scientist".</summary>
    public static readonly FrozenSet<string> ReplyGlue = FrozenSet.ToFrozenSet(
        ["a", "an", "the", "i", "i'm", "im", "am", "as", "ok", "okay", "yes", "yeah", "yep", "sure", "well", "thanks", "thx",
         "ty", "please", "pls", "it's", "its", "that's", "currently", "now", "level", "lvl", "我", "是"]);

    /// <summary>Words a message may start with before it says who asks: "hi, as a senior DS …".</summary>
    public static readonly FrozenSet<string> Openers = FrozenSet.ToFrozenSet(["hi", "hey", "hello", "ok", "okay", "so", "well", "and"]);

    /// <summary>Words before "I'm" that make it a hypothetical: "what if I'm a lead?".</summary>
    public static readonly FrozenSet<string> Hypothetical = FrozenSet.ToFrozenSet(["if", "suppose", "supposing", "assume", "assuming", "imagine", "once", "when"]);

    /// <summary>Words between "I'm" and the role or level it says: "I'm currently a …", "I work as an …", "我是一名…".</summary>
    public static readonly FrozenSet<string> SelfStatementGlue = FrozenSet.ToFrozenSet(
        ["a", "an", "the", "currently", "now", "already", "just", "still", "actually", "also", "really", "officially",
         "working", "work", "as", "at", "level", "lvl", "一", "名", "个", "個", "位", "现", "在", "現"]);

    /// <summary>Words that introduce a level by its position: "level 3", "lvl 3".</summary>
    public static readonly FrozenSet<string> LevelWords = FrozenSet.ToFrozenSet(["level", "lvl", "grade"]);

    /// <summary>A position written as a word after "level": "level three", "level III" ("I" alone is the pronoun).</summary>
    public static readonly FrozenDictionary<string, int> Cardinals = new Dictionary<string, int>
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["ii"] = 2, ["iii"] = 3, ["iv"] = 4, ["v"] = 5, ["vi"] = 6, ["vii"] = 7, ["viii"] = 8, ["ix"] = 9, ["x"] = 10,
    }.ToFrozenDictionary();

    /// <summary>A position written before "level": "3rd level", "third level".</summary>
    public static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10,
        ["1st"] = 1, ["2nd"] = 2, ["3rd"] = 3, ["4th"] = 4, ["5th"] = 5, ["6th"] = 6, ["7th"] = 7, ["8th"] = 8, ["9th"] = 9, ["10th"] = 10,
    }.ToFrozenDictionary();
}
