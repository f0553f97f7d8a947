using SkillBot.Core.Languages;
using SkillBot.Core.Progress;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Progress;

public sealed class ProgressTests
{
    private static readonly Assistant Assistant = new(Catalogues.BuiltIn());
    private static readonly Language English = LanguageSet.BuiltIn.Default;

    [Theory]
    [InlineData("my progress", ProgressAsk.Checklist, null, null, "en")]
    [InlineData("progress", ProgressAsk.Checklist, null, null, "en")]
    [InlineData("Show me my progress!", ProgressAsk.Checklist, null, null, "en")]
    [InlineData("How far am I from lead?", ProgressAsk.Checklist, "Lead", null, "en")]
    [InlineData("how close am I to principal", ProgressAsk.Checklist, "Principal", null, "en")]
    [InlineData("progress in deep learning", ProgressAsk.Checklist, null, "Deep Learning", "en")]
    [InlineData("我的进度", ProgressAsk.Checklist, null, null, "zh")]
    [InlineData("<@U0BOT> my checklist", ProgressAsk.Checklist, null, null, "en")]
    [InlineData("forget me", ProgressAsk.Forget, null, null, "en")]
    [InlineData("Please delete my data.", ProgressAsk.Forget, null, null, "en")]
    [InlineData("删除我的数据", ProgressAsk.Forget, null, null, "zh")]
    // Each word the phrases are first looked for by (ProgressPhrases.Keywords) in at least one phrase.
    [InlineData("my CHECKLIST", ProgressAsk.Checklist, null, null, "en")]
    [InlineData("我的清单", ProgressAsk.Checklist, null, null, "zh")]
    [InlineData("forget about me", ProgressAsk.Forget, null, null, "en")]
    [InlineData("erase all of my info", ProgressAsk.Forget, null, null, "en")]
    [InlineData("remove my information", ProgressAsk.Forget, null, null, "en")]
    [InlineData("请忘记我！", ProgressAsk.Forget, null, null, "zh")]
    public void Progress_phrases_are_read_with_the_level_and_skill_they_name(string text, ProgressAsk ask, string? level, string? skill, string language)
    {
        var question = Assistant.ReadProgress(text);
        Assert.NotNull(question);
        Assert.Equal(ask, question.Ask);
        Assert.Equal(level, question.Target?.Name);
        Assert.Equal(skill, question.Skill?.Name);
        Assert.Equal(language, question.Language);
    }

    [Theory]
    [InlineData("what does senior data scientist need in deep learning?")]
    [InlineData("deep learning overview")]
    [InlineData("the progression of a data scientist")]
    [InlineData("what does progress mean for a lead?")]
    [InlineData("forget about deep learning, what about senior?")]
    [InlineData("")]
    public void Framework_questions_are_not_progress_questions(string text) => Assert.Null(Assistant.ReadProgress(text));

    [Fact]
    public void The_checklist_joins_marks_case_insensitively_counts_them_and_flags_changed_text()
    {
        var catalogue = Catalogues.BuiltIn();
        var role = catalogue.FindRole("Data Scientist")!;
        var lead = catalogue.FindLevel("Lead")!;
        var skill = catalogue.Skills[0];
        var text = skill.For(role)!.At(lead)!.Description;
        var now = DateTimeOffset.UnixEpoch;

        var empty = Checklist.Build(catalogue, role, lead, null, null, []);
        Assert.Equal("0 of 1 met, 0 in progress", empty.Summary(English));
        Assert.Equal("1 项中已达成 0 项，0 项进行中", empty.Summary(LanguageSet.BuiltIn.For("zh")));
        Assert.Null(empty.Items.Single().Mark);

        var marked = Checklist.Build(catalogue, role, lead, null, null, [new ProgressMark(skill.Name.ToUpperInvariant(), "data scientist", "lead", ProgressStatus.Met, "e", text, now)]);
        Assert.Equal("1 of 1 met, 0 in progress", marked.Summary(English));
        Assert.False(marked.Items.Single().ChangedSinceMarked);

        var changed = Checklist.Build(catalogue, role, lead, null, null, [new ProgressMark(skill.Name, role.Name, lead.Name, ProgressStatus.WorkingOn, "e", "an older text", now)]);
        Assert.Equal("0 of 1 met, 1 in progress", changed.Summary(English));
        Assert.Equal("1 项中已达成 0 项，1 项进行中", changed.Summary(LanguageSet.BuiltIn.For("zh")));
        Assert.True(changed.Items.Single().ChangedSinceMarked);

        // A mark for another level is not this checklist's.
        var other = Checklist.Build(catalogue, role, lead, null, null, [new ProgressMark(skill.Name, role.Name, "Senior", ProgressStatus.Met, "e", text, now)]);
        Assert.Equal(0, other.Met);
        Assert.DoesNotContain("Lead", other.OtherLevels);
    }

    [Fact]
    public void A_skill_renamed_with_its_old_name_as_an_alias_keeps_its_marks()
    {
        var renamed = Catalogues.BuiltInEdited(
            "skill: Deep Learning\ndomain: Machine Learning & AI\naliases: [DL,",
            "skill: Deep Nets\ndomain: Machine Learning & AI\naliases: [Deep Learning, DL,");
        Assert.NotNull(renamed.FindSkill("Deep Nets"));
        var role = renamed.FindRole("Data Scientist")!;
        var lead = renamed.FindLevel("Lead")!;
        var text = renamed.FindSkill("Deep Nets")!.For(role)!.At(lead)!.Description;
        var checklist = Checklist.Build(renamed, role, lead, null, null,
            [new ProgressMark("Deep Learning", role.Name, lead.Name, ProgressStatus.Met, "kept", text, DateTimeOffset.UnixEpoch)]);
        Assert.Equal("kept", checklist.Items.Single().Mark?.Evidence);
        Assert.Equal("Deep Nets", checklist.Items.Single().Skill);
    }
}
