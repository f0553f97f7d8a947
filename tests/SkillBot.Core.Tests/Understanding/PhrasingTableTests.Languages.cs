using SkillBot.Core.Answers;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Understanding;

/// <summary>
/// Chinese written the way people write it in chat (full sentences, filler and question words, mixed Chinese and
/// English names), and names the catalogue lacks (levels, roles), on both catalogues. An unknown-name row also lists
/// the user's words the message must name back, quoted.
/// </summary>
public sealed partial class PhrasingTableTests
{
    public static TheoryData<string, string, string?, string?, string?, string?, string?> ChineseBuiltInRows => new()
    {
        // expectation
        { "请问一下，高级数据科学家在深度学习方面有什么要求？", E, DeepLearning, Ds, "Senior", null, null },
        { "作为一名中级LLM工程师，我在深度学习方面需要掌握哪些能力？", E, DeepLearning, Llm, "Middle", null, null },
        { "我是初级数据科学家，深度学习需要学什么？", E, DeepLearning, Ds, "Junior", null, null },
        { "对于主管数据科学家，深度学习的要求是什么呢？", E, DeepLearning, Ds, "Lead", null, null },
        { "我想知道首席LLM工程师的深度学习技能要求", E, DeepLearning, Llm, "Principal", null, null },
        { "高级 DS 深度学习 需要什么", E, DeepLearning, Ds, "Senior", null, null },
        { "DS 深度学习 主管", E, DeepLearning, Ds, "Lead", null, null },
        { "L3 数据科学家 深度学习要求是什么？", E, DeepLearning, Ds, "Senior", null, null },
        { "3级数据科学家在深度学习方面需要什么？", E, DeepLearning, Ds, "Senior", null, null },
        { "深度学习方面，高级LLM工程师应该具备什么能力？", E, DeepLearning, Llm, "Senior", null, null },
        { "高级LLM eng 的 DL 要求", E, DeepLearning, Llm, "Senior", null, null },
        // compare
        { "从中级升到高级，数据科学家在深度学习方面需要什么？", C, DeepLearning, Ds, "Middle", "Senior", null },
        { "数据科学家深度学习：高级和主管有什么区别？", C, DeepLearning, Ds, "Senior", "Lead", null },
        { "我是高级LLM工程师，深度学习方面怎么晋升到主管？", C, DeepLearning, Llm, "Senior", "Lead", null },
        { "深度学习方面，中级和高级LLM工程师的差别是什么", C, DeepLearning, Llm, "Middle", "Senior", null },
        // role profile
        { "我是高级数据科学家，下一步要学什么？", RP, null, Ds, "Senior", "Lead", null },
        { "我是中级LLM工程师", RP, null, Llm, "Middle", null, null },
        { "请问主管数据科学家需要哪些技能？", RP, null, Ds, "Lead", null, null },
        { "作为首席数据科学家，我需要具备哪些能力？", RP, null, Ds, "Principal", null, null },
        { "初级数据科学家都需要什么能力呢", RP, null, Ds, "Junior", null, null },
        { "高级LLM工程师和主管LLM工程师有什么不同？", RP, null, Llm, "Senior", "Lead", null },
        // skill overview
        { "深度学习在各个级别的要求是什么？", SO, DeepLearning, null, null, null, null },
        { "数据科学家的深度学习所有级别要求", SO, DeepLearning, Ds, null, null, null },
        { "请介绍一下深度学习", SO, DeepLearning, null, null, null, null },
        { "深度学习的完整阶梯", SO, DeepLearning, null, null, null, null },
        // clarify
        { "高级在深度学习方面需要什么？", CL, DeepLearning, null, "Senior", null, "role: Data Scientist | LLM Engineer" },
        { "数据科学家需要什么？", CL, null, Ds, null, null, AllLevels },
        { "我是LLM工程师", CL, null, Llm, null, null, AllLevels },
        // not found
        { "高级数据科学家需要会区块链吗？", NF, null, Ds, "Senior", null, "suggests: Deep Learning" },
        { "请问什么是量子计算？", NF, null, null, null, null, "suggests: Deep Learning" },
        // compare_roles: a lateral move in Chinese, the level before a role or after a comma
        { "从数据科学家转到LLM工程师，高级", CR, null, Ds, "Senior", "Senior", "to: LLM Engineer" },
        { "从中级数据科学家转岗到高级LLM工程师", CR, null, Ds, "Middle", "Senior", "to: LLM Engineer" },
        { "我想从主管LLM工程师转到数据科学家，深度学习方面有什么不同？", CR, DeepLearning, Llm, "Lead", "Lead", "to: Data Scientist" },
        { "从数据科学家转到LLM工程师", CL, null, Ds, null, null, AllLevels + "; to: LLM Engineer" },
        // catalogue: what there is
        { "有哪些技能？", CAT, null, null, null, null, "lists: skills=1" },
        { "有哪些角色", CAT, null, null, null, null, "lists: roles=2" },
        { "列出所有级别", CAT, null, null, null, null, "lists: levels=5" },
        { "数据科学家有哪些技能？", CAT, null, Ds, null, null, "lists: skills=1" },
        { "请列出全部岗位", CAT, null, null, null, null, "lists: roles=2" },
        // help
        { "你好，请问你能做什么？", H, null, null, null, null, null },
        { "谢谢你的帮助！", H, null, null, null, null, null },
        { "怎么用？", H, null, null, null, null, null },
    };

    public static TheoryData<string, string, string?, string?, string?, string?, string?> ChineseConfusableRows => new()
    {
        { "我是高级ML工程师，机器学习需要掌握什么？", E, Ml, Mle, "Senior", null, null },
        { "请问初级数据科学家在机器学习方面有什么要求？", E, Ml, Ds, "Junior", null, null },
        { "对于主管LLM工程师来说，深度学习的要求是什么", E, DeepLearning, Llm, "Lead", null, null },
        { "中级ML工程师的深度学习能力要求", E, DeepLearning, Mle, "Middle", null, null },
        { "高级 MLE 的 python 要求是什么？", E, Python, Mle, "Senior", null, null },
        { "从中级到高级，ML工程师的机器学习有什么区别？", C, Ml, Mle, "Middle", "Senior", null },
        { "数据科学家机器学习：主管和首席的差别", C, Ml, Ds, "Lead", "Principal", null },
        { "我是主管数据科学家，下一步要学什么？", RP, null, Ds, "Lead", "Principal", null },
        { "首席ML工程师需要哪些技能？", RP, null, Mle, "Principal", null, null },
        { "机器学习在所有级别的要求", SO, Ml, null, null, null, null },
        { "高级在机器学习方面需要什么？", CL, Ml, null, "Senior", null, "role: Data Scientist | ML Engineer | LLM Engineer" },
        { "ML工程师", CL, null, Mle, null, null, AllLevels },
        { "高级ML工程师需要区块链吗", NF, null, Mle, "Senior", null, null },
        { "从高级Data Engineer转到ML工程师", CR, null, De, "Senior", "Senior", "to: ML Engineer" },
        { "Data Engineer有哪些技能", CAT, null, De, null, null, "lists: skills=4" },
        { "有哪些职位？", CAT, null, null, null, null, "lists: roles=5" },
        { "你好！", H, null, null, null, null, null },
    };

    /// <summary>question, intent, skill, role, level, the names the message must say back ("a | b"), and the extra column.</summary>
    public static TheoryData<string, string, string?, string?, string?, string, string?> UnknownNameBuiltInRows => new()
    {
        // levels the ladder lacks: which level, with the ladder as options
        { "level 6 data scientist", CL, null, Ds, null, "level 6", AllLevels },
        { "level 6", CL, null, null, null, "level 6", AllLevels },
        { "level six data scientist", CL, null, Ds, null, "level six", AllLevels },
        { "L6 DS deep learning", CL, DeepLearning, Ds, null, "L6", AllLevels },
        { "deep learning for a level 6 LLM engineer", CL, DeepLearning, Llm, null, "level 6", AllLevels },
        { "staff data scientist", CL, null, Ds, null, "staff", AllLevels },
        { "am I ready for director?", CL, null, null, null, "director", AllLevels },
        { "vp data scientist", CL, null, Ds, null, "vp", AllLevels },
        { "intern DS deep learning", CL, DeepLearning, Ds, null, "intern", AllLevels },
        // a longer level that contains a known one is not that one
        { "senior staff data scientist", CL, null, Ds, null, "senior staff", AllLevels },
        { "what does a senior staff LLM engineer need in deep learning?", CL, DeepLearning, Llm, null, "senior staff", AllLevels },
        // roles the catalogue lacks: not_found with the nearest roles
        { "staff engineer", NF, null, null, null, "staff | engineer", "suggests: LLM Engineer" },
        { "backend engineer", NF, null, null, null, "backend engineer", "suggests: LLM Engineer" },
        { "senior backend engineer deep learning", NF, DeepLearning, null, "Senior", "backend engineer", "suggests: LLM Engineer" },
        { "data analyst", NF, null, null, null, "data analyst", "suggests: Data Scientist" },
        { "what does a senior product designer need?", NF, null, null, "Senior", "product designer", "suggests: Data Scientist | LLM Engineer" },
        // the same in Chinese
        { "资深数据科学家需要什么？", CL, null, Ds, null, "资深", AllLevels },
        { "6级数据科学家", CL, null, Ds, null, "6级", AllLevels },
        { "总监数据科学家深度学习", CL, DeepLearning, Ds, null, "总监", AllLevels },
        { "后端工程师需要什么技能？", NF, null, null, null, "后端工程师", "suggests: LLM Engineer" },
        { "资深工程师", NF, null, null, null, "资深 | 工程师", "suggests: LLM Engineer" },
        { "高级数据分析师", NF, null, null, "Senior", "数据分析师", "suggests: Data Scientist | LLM Engineer" },
    };

    public static TheoryData<string, string, string?, string?, string?, string, string?> UnknownNameConfusableRows => new()
    {
        { "staff ML engineer", CL, null, Mle, null, "staff", AllLevels },
        { "senior staff data engineer python", CL, Python, De, null, "senior staff", AllLevels },
        { "level 6 PM", CL, null, Pm, null, "level 6", AllLevels },
        { "principal fellow data scientist", CL, null, Ds, null, "principal fellow", AllLevels },
        { "backend engineer python", NF, Python, null, null, "backend engineer", "suggests: Data Engineer | LLM Engineer | ML Engineer" },
        { "engineering manager", NF, null, null, null, "engineering manager", "suggests: Product Manager" },
        { "data analyst", NF, null, null, null, "data analyst", "suggests: Data Engineer | Data Scientist" },
        { "高级后端工程师", NF, null, null, "Senior", "后端工程师", "suggests: LLM Engineer | ML Engineer" },
        { "副总裁数据科学家", CL, null, Ds, null, "副总裁", AllLevels },
    };

    /// <summary>
    /// A role-only question with chat noise: the noise (a language's noise words, also drawn out: "hmmm", "lolll",
    /// "hahaha", "哈哈哈") is never a name, so the role is answered and nothing is named back. Any other word the
    /// catalogue lacks is a name it lacks and is named back (not_found with the role's skills), never dropped.
    /// </summary>
    public static TheoryData<string, string, string?, string?, string?, string, string?> ChatNoiseRows => new()
    {
        { "what does a senior data scientist do lol", RP, null, Ds, "Senior", "lol", null },
        { "data scientist hmm", CL, null, Ds, null, "hmm", AllLevels },
        { "data scientist hmmmm", CL, null, Ds, null, "hmmmm", AllLevels },
        { "senior data scientist xD", RP, null, Ds, "Senior", "xd", null },
        { "senior DS hahahaha", RP, null, Ds, "Senior", "hahahaha", null },
        { "lead LLM engineer lolll", RP, null, Llm, "Lead", "lolll", null },
        { "senior DS tbh", RP, null, Ds, "Senior", "tbh", null },
        { "senior data scientist, any tips?", RP, null, Ds, "Senior", "tips", null },
        { "deep learning for a middle DS haha", E, DeepLearning, Ds, "Middle", "haha", null },
        { "高级数据科学家哈哈哈", RP, null, Ds, "Senior", "哈", null },
        { "数据科学家呵呵", CL, null, Ds, null, "呵呵", AllLevels },
    };

    /// <summary>Unknown words that are not noise are names: named back, with the noise beside them not.</summary>
    public static TheoryData<string, string, string?, string?, string?, string, string?> NamesBesideNoiseRows => new()
    {
        { "senior data scientist kubernetes lol", NF, null, Ds, "Senior", "kubernetes", "suggests: Deep Learning" },
        { "what does a senior DS need in terraform haha", NF, null, Ds, "Senior", "terraform", "suggests: Deep Learning" },
        { "staff data scientist lol", CL, null, Ds, null, "staff", AllLevels },
        { "backend engineer hmm", NF, null, null, null, "backend engineer", "suggests: LLM Engineer" },
        { "高级数据科学家需要区块链吗哈哈", NF, null, Ds, "Senior", "区块链", "suggests: Deep Learning" },
    };

    [Theory]
    [MemberData(nameof(ChatNoiseRows))]
    public void Chat_noise_is_never_a_name(string question, string intent, string? skill, string? role, string? level, string noise, string? extra)
    {
        Check(BuiltIn, question, intent, skill, role, level, null, extra);
        var answer = BuiltIn.Ask(question);
        Assert.DoesNotContain(noise, answer.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(NamesBesideNoiseRows))]
    public void A_name_beside_chat_noise_is_named_back_and_the_noise_is_not(string question, string intent, string? skill, string? role, string? level, string names, string? extra)
    {
        CheckNamedBack(BuiltIn, question, intent, skill, role, level, names, extra);
        var message = BuiltIn.Ask(question).Message;
        Assert.All(new[] { "lol", "haha", "hmm", "哈哈" }, n => Assert.DoesNotContain(n, message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_reply_with_chat_noise_still_answers_what_was_asked()
    {
        var conversation = new ConversationHost(BuiltIn);
        Assert.Equal(Intent.Clarify, conversation.Say("data scientist").Intent);
        var answer = conversation.Say("lead lol");
        Assert.Equal((Intent.RoleProfile, "Data Scientist", "Lead"), (answer.Intent, answer.Role, answer.Level));
    }

    [Theory]
    [MemberData(nameof(ChineseBuiltInRows))]
    public void Chinese_on_the_built_in_catalogue(string question, string intent, string? skill, string? role, string? level, string? compareTo, string? extra)
    {
        Check(BuiltIn, question, intent, skill, role, level, compareTo, extra);
        Assert.Equal("zh", BuiltIn.Ask(question).Language);
    }

    [Theory]
    [MemberData(nameof(ChineseConfusableRows))]
    public void Chinese_on_the_confusable_catalogue(string question, string intent, string? skill, string? role, string? level, string? compareTo, string? extra)
    {
        Check(Confusable, question, intent, skill, role, level, compareTo, extra);
        Assert.Equal("zh", Confusable.Ask(question).Language);
    }

    [Theory]
    [MemberData(nameof(UnknownNameBuiltInRows))]
    public void Unknown_names_on_the_built_in_catalogue(string question, string intent, string? skill, string? role, string? level, string names, string? extra) =>
        CheckNamedBack(BuiltIn, question, intent, skill, role, level, names, extra);

    [Theory]
    [MemberData(nameof(UnknownNameConfusableRows))]
    public void Unknown_names_on_the_confusable_catalogue(string question, string intent, string? skill, string? role, string? level, string names, string? extra) =>
        CheckNamedBack(Confusable, question, intent, skill, role, level, names, extra);

    [Fact]
    public void The_language_tables_have_at_least_30_Chinese_rows_across_the_intents()
    {
        var rows = ChineseBuiltInRows.Concat(ChineseConfusableRows).Select(r => (string)r[1]).ToList();
        Assert.True(rows.Count >= 30, $"{rows.Count} rows");
        Assert.Equal(new[] { E, C, RP, SO, CL, NF, H, CR, CAT }.Order(), rows.Distinct().Order());
    }

    private static void CheckNamedBack(Assistant assistant, string question, string intent, string? skill, string? role, string? level, string names, string? extra)
    {
        Check(assistant, question, intent, skill, role, level, null, extra);
        var answer = assistant.Ask(question);
        var language = assistant.Languages.For(answer.Language);
        foreach (var name in names.Split('|', StringSplitOptions.TrimEntries))
        {
            Assert.Contains(language.Quote(name), answer.Message, StringComparison.Ordinal);
        }
        // Never silently replaced by a shorter known name: the level asked for is not answered as another.
        Assert.True(answer.Level is null || answer.Level == level, answer.Message);
    }
}
