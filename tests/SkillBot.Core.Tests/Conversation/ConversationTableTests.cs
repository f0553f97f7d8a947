using System.Text.Json;
using SkillBot.Core.Answers;
using SkillBot.Core.Tests.Understanding;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Conversation;

/// <summary>
/// The conversation table (<see cref="Dialogues"/>): every turn of every dialogue resolves to its intent, skill, role,
/// level and compareTo in the light of the turns before it, and the person remembered after each turn is who they
/// said they are (a question, a hypothetical or a comparison leaves it as it was).
/// </summary>
public sealed class ConversationTableTests
{
    private static readonly Assistant BuiltIn = new(Catalogues.BuiltIn());
    private static readonly Assistant Confusable = new(ConfusableCatalogue.Load());

    public static TheoryData<string> BuiltInDialogues => Names(Dialogues.BuiltIn);

    public static TheoryData<string> ConfusableDialogues => Names(Dialogues.Confusable);

    [Theory]
    [MemberData(nameof(BuiltInDialogues))]
    public void Built_in_catalogue(string dialogue) => Check(BuiltIn, Dialogues.BuiltIn.Single(d => d.Name == dialogue));

    [Theory]
    [MemberData(nameof(ConfusableDialogues))]
    public void Confusable_catalogue(string dialogue) => Check(Confusable, Dialogues.Confusable.Single(d => d.Name == dialogue));

    [Fact]
    public void The_table_has_at_least_150_turns_in_40_dialogues_of_several_turns()
    {
        var all = Dialogues.BuiltIn.Concat(Dialogues.Confusable).ToList();
        Assert.True(all.Count >= 40, $"{all.Count} dialogues");
        Assert.True(all.Sum(d => d.Turns.Count) >= 150, $"{all.Sum(d => d.Turns.Count)} turns");
        Assert.All(all, d => Assert.True(d.Turns.Count >= 3, d.Name));
        Assert.Equal(all.Count, all.Select(d => d.Name).Distinct().Count());
    }

    private static void Check(Assistant assistant, Dialogue dialogue)
    {
        var me = Dialogues.Nobody;
        var said = new List<string>();
        foreach (var (turn, answer, person) in ConversationHost.Run(assistant, dialogue))
        {
            said.Add($"{turn.Say} → {Name(answer.Intent)} | {answer.Skill} | {answer.Role} | {answer.Level} | {answer.CompareTo} ({answer.Message})");
            var history = string.Join("\n", said);
            Assert.True($"{turn.Intent} | {turn.Skill} | {turn.Role} | {turn.Level} | {turn.CompareTo}"
                == $"{Name(answer.Intent)} | {answer.Skill} | {answer.Role} | {answer.Level} | {answer.CompareTo}",
                $"{dialogue.Name}: expected {turn}\n{history}");
            AnswerContract.Check(answer, assistant.Catalogue);
            me = turn.Me ?? me;
            Assert.True((person ?? Dialogues.Nobody) == me, $"{dialogue.Name}: after \"{turn.Say}\" the person is {person}, expected {me}\n{history}");
        }
    }

    private static TheoryData<string> Names(IEnumerable<Dialogue> dialogues)
    {
        var data = new TheoryData<string>();
        foreach (var dialogue in dialogues)
        {
            data.Add(dialogue.Name);
        }
        return data;
    }

    private static string Name<T>(T value) where T : struct, Enum =>
        JsonSerializer.Serialize(value, typeof(T), AnswerJsonContext.Default).Trim('"');
}
