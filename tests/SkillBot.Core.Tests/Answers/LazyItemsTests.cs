using SkillBot.Core.Answers;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Answers;

/// <summary>Items built on demand, and how two answers' lists are known to be the same without building them.</summary>
public sealed class LazyItemsTests
{
    private readonly Assistant _assistant = new(Catalogues.BuiltIn());

    [Fact]
    public void The_same_profile_or_move_asked_twice_has_items_of_the_same_source()
    {
        foreach (var question in new[] { "I'm a senior data scientist", "data scientist vs LLM engineer at senior" })
        {
            var (first, again) = (_assistant.Ask(question), _assistant.Ask(question));
            Assert.IsType<LazyItems>(first.Items);
            Assert.True(AnswerItemLists.SameSource(first.Items, again.Items), question);
            Assert.Equal(first.Items, again.Items); // and they are the same items, built
        }
    }

    [Fact]
    public void Another_role_level_or_kind_of_list_is_another_source()
    {
        var senior = _assistant.Ask("I'm a senior data scientist").Items;
        Assert.False(AnswerItemLists.SameSource(senior, _assistant.Ask("I'm a lead data scientist").Items));
        Assert.False(AnswerItemLists.SameSource(senior, _assistant.Ask("I'm a senior LLM engineer").Items));
        Assert.False(AnswerItemLists.SameSource(senior, _assistant.Ask("data scientist vs LLM engineer at senior").Items));
        Assert.False(AnswerItemLists.SameSource(senior, new Assistant(Catalogues.BuiltIn()).Ask("I'm a senior data scientist").Items));
        Assert.False(AnswerItemLists.SameSource(senior, [.. senior])); // a list built up front says nothing
    }

    [Fact]
    public void Knowing_the_source_builds_no_item()
    {
        var built = 0;
        var catalogue = Catalogues.BuiltIn();
        var role = catalogue.Roles[0];
        var level = catalogue.Levels[0];
        LazyItems Items() => new(3, i => { built++; return new LevelListItem($"level {i}"); }, new(catalogue, "profile", role, level, null, null));

        Assert.True(LazyItems.SameSource(Items(), Items()));
        Assert.Equal(0, built);
    }
}
