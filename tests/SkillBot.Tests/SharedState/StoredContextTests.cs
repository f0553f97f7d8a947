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
        Gen.Select(Gen.Select(Name, Name, Name), Gen.Select(Name, Name, Name, Name, Gen.Bool, Gen.Bool, Gen.Bool), Gen.Bool, Gen.Bool)
            .Select((p, t, hasPerson, hasTopic) => new UserContext(
                hasPerson ? new Person(p.Item1 ?? "Data Scientist", p.Item2) : null,
                hasTopic ? new Topic(t.Item1, t.Item2, t.Item3 ?? "Senior", t.Item4) { Promotion = t.Item5, AboutSelf = t.Item6, AskedBack = t.Item7, CompareRole = p.Item3 } : null))
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
        Assert.Equal(3, root.GetProperty("Version").GetInt32());
    }

    [Fact]
    public void What_version_2_wrote_reads_as_the_same_context_with_no_move()
    {
        // Written by version 2, which had no CompareRole: a reply to a move's question asked before the upgrade is a new question.
        const string written = """
            {"Skill":"Code Review","Role":"Software Engineer","Level":"Staff Engineer","Version":2,"CompareTo":null,"Promotion":false,"AboutSelf":false,"AskedBack":true,"Person":{"Role":"Data Scientist","Level":"Middle"}}
            """;
        Assert.Equal(
            new UserContext(new Person("Data Scientist", "Middle"), new Topic("Code Review", "Software Engineer", "Staff Engineer", null) { AskedBack = true }),
            SharedUserContext.Read(written));
    }

    [Fact]
    public void A_moves_other_role_is_kept_and_the_version_before_reads_the_rest()
    {
        var context = new UserContext(null, new Topic("Code Review", "Software Engineer", "Staff Engineer", null) { AskedBack = true, CompareRole = "Engineering Manager" });
        var written = SharedUserContext.Write(context);
        Assert.Equal(context, SharedUserContext.Read(written));
        // Version 2 read these properties by name and ignored the one it did not know.
        var root = JsonDocument.Parse(written).RootElement;
        Assert.Equal(("Software Engineer", "Staff Engineer", true, "Engineering Manager"),
            (root.GetProperty("Role").GetString(), root.GetProperty("Level").GetString(), root.GetProperty("AskedBack").GetBoolean(), root.GetProperty("CompareRole").GetString()));
    }

    [Fact]
    public void Any_stored_text_reads_as_a_context_or_as_none_without_throwing() =>
        Gen.OneOf(Gen.String, Gen.Const("{\"Person\":").Select(Gen.String, (a, b) => a + b), Contexts.Select(SharedUserContext.Write).Select(Gen.Int[0, 60], (w, cut) => w[..Math.Min(cut, w.Length)]))
            .Sample(text => SharedUserContext.Read(text), iter: 5000);
}
