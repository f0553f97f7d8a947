using System.Text.Json;
using CsCheck;
using SkillBot.Core.Conversation;
using SkillBot.SharedState;

namespace SkillBot.Tests.SharedState;

/// <summary>The context as Redis holds it: versioned, readable by the version before, and never a failure to read.</summary>
public sealed class StoredContextTests
{
    private static readonly Gen<string?> Name = Gen.OneOfConst<string?>(null, "Deep Learning", "Data Scientist", "Senior", "Lead", "", "名字", "\"quoted\"");

    private static readonly Gen<UserContext> Contexts =
        Gen.Select(Gen.Select(Name, Name), Gen.Select(Name, Name, Name, Name, Gen.Bool, Gen.Bool, Gen.Bool), Gen.Bool, Gen.Bool)
            .Select((p, t, hasPerson, hasTopic) => new UserContext(
                hasPerson ? new Person(p.Item1 ?? "Data Scientist", p.Item2) : null,
                hasTopic ? new Topic(t.Item1, t.Item2, t.Item3 ?? "Senior", t.Item4) { Promotion = t.Item5, AboutSelf = t.Item6, AskedBack = t.Item7 } : null))
            .Where(c => c.Person is not null || c.Topic is not null);

    [Fact]
    public void What_is_written_reads_back_the_same() =>
        Contexts.Sample(context => Assert.Equal(context, SharedUserContext.Read(SharedUserContext.Write(context))));

    [Fact]
    public void The_version_before_reads_the_topic_from_what_is_written()
    {
        var written = SharedUserContext.Write(new UserContext(new Person("Data Scientist", "Middle"), new Topic("Deep Learning", "LLM Engineer", "Senior", "Lead")));

        // Version 1 read {"Skill","Role","Level"} and ignored anything else.
        var root = JsonDocument.Parse(written).RootElement;
        Assert.Equal(("Deep Learning", "LLM Engineer", "Senior"),
            (root.GetProperty("Skill").GetString(), root.GetProperty("Role").GetString(), root.GetProperty("Level").GetString()));
        Assert.Equal(2, root.GetProperty("Version").GetInt32());
    }

    [Fact]
    public void Any_stored_text_reads_as_a_context_or_as_none_without_throwing() =>
        Gen.OneOf(Gen.String, Gen.Const("{\"Person\":").Select(Gen.String, (a, b) => a + b), Contexts.Select(SharedUserContext.Write).Select(Gen.Int[0, 60], (w, cut) => w[..Math.Min(cut, w.Length)]))
            .Sample(text => SharedUserContext.Read(text), iter: 5000);
}
