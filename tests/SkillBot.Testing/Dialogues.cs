using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;

namespace SkillBot.Testing;

/// <summary>
/// One turn of a conversation and what it must resolve to: intent, skill, role, level, compareTo (null where the
/// answer has none), and who the person is after it (<see cref="Me"/>: null keeps the person of the turn before,
/// <see cref="Dialogues.Nobody"/> is no one said yet).
/// </summary>
public sealed record DialogueTurn(string Say, string Intent, string? Skill, string? Role, string? Level, string? CompareTo, Person? Me)
{
    public override string ToString() => $"\"{Say}\" → {Intent} | {Skill} | {Role} | {Level} | {CompareTo}";
}

/// <summary>A conversation of one person, turn by turn, as people write in Slack and Teams.</summary>
public sealed record Dialogue(string Name, IReadOnlyList<DialogueTurn> Turns)
{
    public override string ToString() => Name;
}

/// <summary>
/// What a conversation is like for the host: each turn answered by <see cref="Assistant.Respond"/> with the context
/// the last turn left, and the context kept when the answer changed it (what the gate does with its store).
/// </summary>
public sealed class ConversationHost(Assistant assistant, string channel = "test", string user = "u")
{
    public UserContext? Context { get; private set; }

    public Answer Say(string text)
    {
        var result = assistant.Respond(Turn.Question(channel, new ChatUser(channel, null, user), text), Context);
        Context = result.Remember ?? Context;
        return result.Answer;
    }

    /// <summary>The answers to a dialogue's turns, in order, each with the person remembered after it.</summary>
    public static IEnumerable<(DialogueTurn Turn, Answer Answer, Person? Person)> Run(Assistant assistant, Dialogue dialogue)
    {
        var conversation = new ConversationHost(assistant);
        foreach (var turn in dialogue.Turns)
        {
            var answer = conversation.Say(turn.Say);
            yield return (turn, answer, conversation.Context?.Person);
        }
    }
}

/// <summary>
/// The conversation table: dialogues on the built-in catalogue (Deep Learning; Data Scientist, LLM Engineer) and on
/// <see cref="ConfusableCatalogue"/>, covering memory of the person and of the topic, corrections, hypotheticals and
/// promotion questions. The Slack and Teams tests drive the built-in ones end to end.
/// </summary>
public static class Dialogues
{
    public const string E = "expectation", C = "compare", RP = "role_profile", SO = "skill_overview",
        CL = "clarify", NF = "not_found", H = "help", CR = "compare_roles";

    private const string Dl = "Deep Learning", Ds = "Data Scientist", Llm = "LLM Engineer";
    private const string Mle = ConfusableCatalogue.MlEngineer, De = ConfusableCatalogue.DataEngineer, Pm = ConfusableCatalogue.ProductManager;
    private const string Ml = "Machine Learning", PyTorch = "PyTorch", Cv = "Computer Vision", Python = "Python", Sql = "SQL",
        MlOps = "MLOps", Stats = "Statistics", Rl = "Reinforcement Learning", Prompting = "Prompt Engineering";

    /// <summary>No one: the person has not said who they are.</summary>
    public static readonly Person Nobody = new(null, null);

    private static DialogueTurn T(string say, string intent, string? skill = null, string? role = null, string? level = null, string? to = null,
        (string? Role, string? Level)? me = null) =>
        new(say, intent, skill, role, level, to, me is { } m ? new Person(m.Role, m.Level) : null);

    private static Dialogue D(string name, params DialogueTurn[] turns) => new(name, turns);

    public static readonly IReadOnlyList<Dialogue> BuiltIn =
    [
        D("intro, then how do I get promoted",
            T("hey, I'm a middle data scientist", RP, role: Ds, level: "Middle", me: (Ds, "Middle")),
            T("how do I get promoted?", RP, role: Ds, level: "Middle", to: "Senior"),
            T("thx!", H),
            T("and in deep learning?", C, Dl, Ds, "Middle", "Senior")),
        D("what should I learn next shows what senior adds",
            T("i'm a mid DS", RP, role: Ds, level: "Middle", me: (Ds, "Middle")),
            T("what should I learn next?", RP, role: Ds, level: "Middle", to: "Senior"),
            T("ok what about DL", C, Dl, Ds, "Middle", "Senior"),
            T("what's next for me?", C, Dl, Ds, "Middle", "Senior")),
        D("a hypothetical does not overwrite who I am",
            T("I'm a senior data scientist", RP, role: Ds, level: "Senior", me: (Ds, "Senior")),
            T("am I ready for lead?", RP, role: Ds, level: "Senior", to: "Lead"),
            T("what about principal?", RP, role: Ds, level: "Senior", to: "Principal"),
            T("what about deep learning?", C, Dl, Ds, "Senior", "Principal"),
            T("how do I get promoted?", C, Dl, Ds, "Senior", "Lead")),
        D("no I meant another role, then another level",
            T("what does a senior DS need in deep learning?", E, Dl, Ds, "Senior", me: (null, null)),
            T("no, I meant LLM engineer", E, Dl, Llm, "Senior"),
            T("ok and for lead?", E, Dl, Llm, "Lead"),
            T("I meant principal", E, Dl, Llm, "Principal")),
        D("correcting what I said about myself",
            T("im a junior data scientist", RP, role: Ds, level: "Junior", me: (Ds, "Junior")),
            T("no i meant llm engineer", RP, role: Llm, level: "Junior", me: (Llm, "Junior")),
            T("how do i get to the next level?", RP, role: Llm, level: "Junior", to: "Middle"),
            T("thanks", H)),
        D("promotion from a stranger asks back",
            T("how do I get promoted?", CL, me: (null, null)),
            T("senior data scientist", RP, role: Ds, level: "Senior", to: "Lead", me: (Ds, "Senior")),
            T("what about deep learning", C, Dl, Ds, "Senior", "Lead"),
            T("cheers", H)),
        D("the top of the ladder has no next level",
            T("I'm a principal LLM engineer", RP, role: Llm, level: "Principal", me: (Llm, "Principal")),
            T("what's next for me?", RP, role: Llm, level: "Principal"),
            T("deep learning?", E, Dl, Llm, "Principal"),
            T("how do I get promoted", E, Dl, Llm, "Principal")),
        D("help and greetings keep everything",
            T("I'm a lead DS", RP, role: Ds, level: "Lead", me: (Ds, "Lead")),
            T("help", H),
            T("hi", H),
            T("what about deep learning?", E, Dl, Ds, "Lead"),
            T("how do i get promoted?", C, Dl, Ds, "Lead", "Principal")),
        D("comparisons do not change who I am",
            T("I'm a middle data scientist", RP, role: Ds, level: "Middle", me: (Ds, "Middle")),
            T("senior vs lead", RP, role: Ds, level: "Senior", to: "Lead"),
            T("deep learning", C, Dl, Ds, "Senior", "Lead"),
            T("what do i need for senior?", C, Dl, Ds, "Middle", "Senior")),
        D("next and previous step along the topic",
            T("deep learning for a middle data scientist", E, Dl, Ds, "Middle"),
            T("what's next?", E, Dl, Ds, "Senior"),
            T("and the level below?", E, Dl, Ds, "Middle"),
            T("ok and for lead?", E, Dl, Ds, "Lead", me: (null, null))),
        D("a clarifying question answered",
            T("deep learning senior", CL, Dl, level: "Senior"),
            T("llm eng", E, Dl, Llm, "Senior"),
            T("what about a ds", E, Dl, Ds, "Senior"),
            T("thx", H, me: (null, null))),
        D("saying my role first and my level after",
            T("I work as an LLM engineer", CL, role: Llm, me: (Llm, null)),
            T("senior", RP, role: Llm, level: "Senior", me: (Llm, "Senior")),
            T("how do I get promoted?", RP, role: Llm, level: "Senior", to: "Lead")),
        D("a statement with a question, then its correction",
            T("I'm a junior DS, what do I need in deep learning", E, Dl, Ds, "Junior", me: (Ds, "Junior")),
            T("no, I meant LLM engineer", E, Dl, Llm, "Junior", me: (Llm, "Junior")),
            T("what's next for me?", C, Dl, Llm, "Junior", "Middle")),
        D("a level to reach, then another",
            T("I work as an LLM engineer, senior", RP, role: Llm, level: "Senior", me: (Llm, "Senior")),
            T("am I ready for principal?", RP, role: Llm, level: "Senior", to: "Principal"),
            T("and lead?", RP, role: Llm, level: "Senior", to: "Lead"),
            T("what should I learn next", RP, role: Llm, level: "Senior", to: "Lead")),
        D("a comparison follows the role and the level",
            T("deep learning senior vs lead DS", C, Dl, Ds, "Senior", "Lead"),
            T("and for llm engineers?", C, Dl, Llm, "Senior", "Lead"),
            T("what about principal?", C, Dl, Llm, "Senior", "Principal"),
            T("no I meant junior", E, Dl, Llm, "Junior", me: (null, null))),
        D("typos all the way",
            T("im a seniour data scienist", RP, role: Ds, level: "Senior", me: (Ds, "Senior")),
            T("how do i get promoted??", RP, role: Ds, level: "Senior", to: "Lead"),
            T("wat about deep lerning", C, Dl, Ds, "Senior", "Lead"),
            T("ty", H)),
        D("what's next from a stranger, then who I am",
            T("what's next?", CL, me: (null, null)),
            T("i'm a junior llm engineer", RP, role: Llm, level: "Junior", to: "Middle", me: (Llm, "Junior")),
            T("and deep learning?", C, Dl, Llm, "Junior", "Middle")),
        D("thanks in many words",
            T("I'm a senior llm eng", RP, role: Llm, level: "Senior", me: (Llm, "Senior")),
            T("thank you so much!", H),
            T("good morning", H),
            T("what do I need for lead?", RP, role: Llm, level: "Senior", to: "Lead")),
        D("another role is a hypothetical too",
            T("I'm a middle DS", RP, role: Ds, level: "Middle", me: (Ds, "Middle")),
            T("what about LLM engineer?", RP, role: Llm, level: "Middle"),
            T("how do I get promoted?", RP, role: Ds, level: "Middle", to: "Senior"),
            T("no I meant as an LLM engineer", RP, role: Llm, level: "Middle", to: "Senior")),
        D("an unknown skill corrected",
            T("what does a senior data scientist need in kubernetes?", NF, role: Ds, level: "Senior"),
            T("I meant deep learning", E, Dl, Ds, "Senior"),
            T("and kubernetes for lead?", NF, role: Ds, level: "Lead"),
            T("deep learning then", E, Dl, Ds, "Lead", me: (null, null))),
        D("levels by number",
            T("I'm L3 DS", RP, role: Ds, level: "Senior", me: (Ds, "Senior")),
            T("what's next for me", RP, role: Ds, level: "Senior", to: "Lead"),
            T("what about L5?", RP, role: Ds, level: "Senior", to: "Principal"),
            T("ok thanks", H)),
        D("introducing myself by name",
            T("Hi, I'm Anna, a senior data scientist at Acme", RP, role: Ds, level: "Senior", me: (Ds, "Senior")),
            T("how do I get promoted?", RP, role: Ds, level: "Senior", to: "Lead"),
            T("in deep learning", C, Dl, Ds, "Senior", "Lead")),
        D("what if I were someone else",
            T("I'm a senior DS", RP, role: Ds, level: "Senior", me: (Ds, "Senior")),
            T("what if I'm a lead?", RP, role: Ds, level: "Lead"),
            T("how do I get promoted?", RP, role: Ds, level: "Senior", to: "Lead")),
        D("a question is not a statement about me",
            T("senior LLM engineer", RP, role: Llm, level: "Senior", me: (null, null)),
            T("how do I get promoted?", CL),
            T("I'm a senior LLM engineer", RP, role: Llm, level: "Senior", to: "Lead", me: (Llm, "Senior"))),
        D("a level to reach without saying who I am",
            T("how do I become a lead data scientist in deep learning?", C, Dl, Ds, "Senior", "Lead"),
            T("what about principal?", C, Dl, Ds, "Senior", "Principal"),
            T("and for llm eng?", C, Dl, Llm, "Senior", "Principal", me: (null, null))),
        D("I was promoted",
            T("I'm a junior DS", RP, role: Ds, level: "Junior", me: (Ds, "Junior")),
            T("I'm senior now", RP, role: Ds, level: "Senior", me: (Ds, "Senior")),
            T("what's next for me?", RP, role: Ds, level: "Senior", to: "Lead")),
        D("a promotion question with the skill in it",
            T("i am an intermediate llm eng", RP, role: Llm, level: "Middle", me: (Llm, "Middle")),
            T("what do I need in deep learning to get promoted?", C, Dl, Llm, "Middle", "Senior"),
            T("and for data scientists?", C, Dl, Ds, "Middle", "Senior"),
            T("how do I get to the next level?", C, Dl, Llm, "Middle", "Senior")),
        D("the README's conversation",
            T("I'm a senior data scientist", RP, role: Ds, level: "Senior", me: (Ds, "Senior")),
            T("how do I get promoted?", RP, role: Ds, level: "Senior", to: "Lead"),
            T("what about deep learning?", C, Dl, Ds, "Senior", "Lead"),
            T("am I ready for principal?", C, Dl, Ds, "Senior", "Principal"),
            T("no, I meant LLM engineer", C, Dl, Llm, "Senior", "Principal"),
            T("what should I learn next?", C, Dl, Ds, "Senior", "Lead")),
        D("other ways to say who I am",
            T("my level is senior", CL, level: "Senior", me: (null, "Senior")),
            T("I'm currently a data scientist", RP, role: Ds, level: "Senior", me: (Ds, "Senior")),
            T("what's my next step?", RP, role: Ds, level: "Senior", to: "Lead"),
            T("nope, LLM engineer", RP, role: Llm, level: "Senior", to: "Lead")),
        D("as a senior DS, how do I get promoted",
            T("as a senior DS how do i get promoted?", RP, role: Ds, level: "Senior", to: "Lead", me: (Ds, "Senior")),
            T("thanks!", H),
            T("what do i need to reach the next level in deep learning", C, Dl, Ds, "Senior", "Lead"),
            T("what does lead mean as a DS", RP, role: Ds, level: "Lead")),
        D("Chinese: who I am, then what's next",
            T("我是高级数据科学家", RP, role: Ds, level: "Senior", me: (Ds, "Senior")),
            T("下一步要学什么？", RP, role: Ds, level: "Senior", to: "Lead"),
            T("深度学习呢？", C, Dl, Ds, "Senior", "Lead"),
            T("谢谢！", H)),
        D("Chinese: as a middle LLM engineer, then promotion and a correction",
            T("作为一名中级LLM工程师，我在深度学习方面需要掌握哪些能力？", E, Dl, Llm, "Middle", me: (Llm, "Middle")),
            T("怎么晋升？", C, Dl, Llm, "Middle", "Senior"),
            T("不对，我是说数据科学家", C, Dl, Ds, "Middle", "Senior")),
        D("a level the catalogue lacks is named back and changes nothing",
            T("I'm a senior DS", RP, role: Ds, level: "Senior", me: (Ds, "Senior")),
            T("what about staff?", CL),
            T("how do I get promoted?", RP, role: Ds, level: "Senior", to: "Lead")),
        D("a move asks which level, and the level typed back completes it",
            T("I'm a middle data scientist", RP, role: Ds, level: "Middle", me: (Ds, "Middle")),
            T("what would change if I switched to LLM engineer?", CR, null, Ds, "Middle", "Middle"),
            T("moving from data scientist to LLM engineer at senior", CR, null, Ds, "Senior", "Senior"),
            T("how do I get promoted?", RP, role: Ds, level: "Middle", to: "Senior")),
        D("a stranger's move, the level in reply, with chat noise",
            T("moving from data scientist to LLM engineer", CL, role: Ds),
            T("lead lol", CR, null, Ds, "Lead", "Lead"),
            T("what does a senior data scientist do haha", RP, role: Ds, level: "Senior"),
            T("ok, data scientist hmm", RP, role: Ds, level: "Senior", me: (null, null))),
        D("ask back for the level, then promote",
            T("how do I get promoted as a data scientist?", CL, role: Ds),
            T("lead", RP, role: Ds, level: "Lead", to: "Principal", me: (Ds, "Lead")),
            T("what about deep learning?", C, Dl, Ds, "Lead", "Principal")),
    ];

    public static readonly IReadOnlyList<Dialogue> Confusable =
    [
        D("ML engineer promotion, skill by skill",
            T("I'm a senior ML engineer", RP, role: Mle, level: "Senior", me: (Mle, "Senior")),
            T("how do I get promoted?", RP, role: Mle, level: "Senior", to: "Lead"),
            T("what about pytorch?", C, PyTorch, Mle, "Senior", "Lead"),
            T("and computer vision", C, Cv, Mle, "Senior", "Lead")),
        D("corrections of skill and role",
            T("what does a middle data engineer need in python?", E, Python, De, "Middle"),
            T("no, I meant SQL", E, Sql, De, "Middle"),
            T("i meant ML engineer", NF, Sql, Mle, "Middle"),
            T("sorry, data scientist", E, Sql, Ds, "Middle", me: (null, null))),
        D("a junior PM learns what is next",
            T("im a junior PM", RP, role: Pm, level: "Junior", me: (Pm, "Junior")),
            T("what should I learn next?", RP, role: Pm, level: "Junior", to: "Middle"),
            T("and in sql?", C, Sql, Pm, "Junior", "Middle"),
            T("thx", H)),
        D("what's next for a stranger with five roles",
            T("what's next for me?", CL, me: (null, null)),
            T("lead data engineer", RP, role: De, level: "Lead", to: "Principal", me: (De, "Lead")),
            T("what about MLOps", C, MlOps, De, "Lead", "Principal")),
        D("ready for lead, in statistics",
            T("I'm a middle data scientist", RP, role: Ds, level: "Middle", me: (Ds, "Middle")),
            T("am I ready for lead?", RP, role: Ds, level: "Middle", to: "Lead"),
            T("what about statistics?", C, Stats, Ds, "Middle", "Lead"),
            T("how do I get to the next level?", C, Stats, Ds, "Middle", "Senior")),
        D("a gap at the level to reach",
            T("I'm a senior MLE", RP, role: Mle, level: "Senior", me: (Mle, "Senior")),
            T("what do I need for lead in RL?", C, Rl, Mle, "Senior", "Lead"),
            T("no, I meant principal", C, Rl, Mle, "Senior", "Principal")),
        D("my role lacks the skill",
            T("I'm a lead PM", RP, role: Pm, level: "Lead", me: (Pm, "Lead")),
            T("deep learning?", CL, "Deep Learning", level: "Lead"),
            T("ML engineer", E, "Deep Learning", Mle, "Lead"),
            T("how do I get promoted?", RP, role: Pm, level: "Lead", to: "Principal")),
        D("correcting my role",
            T("I'm a data engineer, middle", RP, role: De, level: "Middle", me: (De, "Middle")),
            T("no i meant ML engineer", RP, role: Mle, level: "Middle", me: (Mle, "Middle")),
            T("what's next for me?", RP, role: Mle, level: "Middle", to: "Senior"),
            T("what about pytorch", C, PyTorch, Mle, "Middle", "Senior")),
        D("an overview, then a role, then a level, then me",
            T("machine learning overview", SO, Ml),
            T("and for a DS?", SO, Ml, Ds),
            T("senior", E, Ml, Ds, "Senior"),
            T("how do I get promoted?", CL, Ml),
            T("senior DS", C, Ml, Ds, "Senior", "Lead", me: (Ds, "Senior"))),
        D("my level after my role",
            T("I'm an LLM engineer", CL, role: Llm, me: (Llm, null)),
            T("lead", RP, role: Llm, level: "Lead", me: (Llm, "Lead")),
            T("prompting?", E, Prompting, Llm, "Lead"),
            T("how do I get promoted", C, Prompting, Llm, "Lead", "Principal")),
        D("one thing at a time",
            T("senior PM, SQL", E, Sql, Pm, "Senior"),
            T("what about a data engineer?", E, Sql, De, "Senior"),
            T("and lead?", E, Sql, De, "Lead"),
            T("i meant principal", E, Sql, De, "Principal", me: (null, null))),
        D("a principal has no next level",
            T("I'm a principal data scientist", RP, role: Ds, level: "Principal", me: (Ds, "Principal")),
            T("what's next for me?", RP, role: Ds, level: "Principal"),
            T("statistics?", E, Stats, Ds, "Principal"),
            T("thanks a lot", H)),
        D("a level to reach, then who I am",
            T("what do I need to get promoted to senior as a DE in python", C, Python, De, "Middle", "Senior"),
            T("and mlops?", C, MlOps, De, "Middle", "Senior"),
            T("i'm a junior data engineer btw", RP, role: De, level: "Junior", me: (De, "Junior")),
            T("how do I get promoted?", RP, role: De, level: "Junior", to: "Middle")),
        D("typos and slack noise",
            T("<@U123ABC> hiya, im a middel ML enginer", RP, role: Mle, level: "Middle", me: (Mle, "Middle")),
            T("<@U123ABC> what's next for me", RP, role: Mle, level: "Middle", to: "Senior"),
            T("*computer vison*?", C, Cv, Mle, "Middle", "Senior"),
            T("ok ty", H)),
        D("hypotheticals around a data engineer",
            T("I'm a senior data engineer", RP, role: De, level: "Senior", me: (De, "Senior")),
            T("what would a lead need in sql?", E, Sql, De, "Lead"),
            T("what about principal?", E, Sql, De, "Principal"),
            T("what should I learn next?", C, Sql, De, "Senior", "Lead")),
    ];
}
