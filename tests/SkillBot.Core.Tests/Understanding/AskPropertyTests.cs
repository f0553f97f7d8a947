using CsCheck;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Understanding;

/// <summary>
/// Whatever the string, Ask answers (never throws) with an answer that serialises and keeps the
/// contract; and what help offers as examples is itself answerable, on any catalogue.
/// </summary>
public sealed class AskPropertyTests
{
    private static readonly SkillCatalogue BuiltInCatalogue = Catalogues.BuiltIn();
    private static readonly SkillCatalogue ConfusableCatalogueLoaded = ConfusableCatalogue.Load();
    private static readonly Assistant BuiltIn = new(BuiltInCatalogue);
    private static readonly Assistant Confusable = new(ConfusableCatalogueLoaded);

    /// <summary>Things a question is made of, and things that break naive text handling.</summary>
    private static readonly string[] Pieces =
    [
        // catalogue words, aliases and chat vocabulary
        "deep learning", "DL", "Deep Lerning", "data scientist", "DS", "LLM engineer", "LLM eng", "ML", "ML engineer",
        "machine learning", "python", "pytorch", "PM", "CV", "data engineer", "data engineering", "Analytics", "statistics",
        "senior", "seniour", "lead", "junior", "jr", "principal", "mid-level", "L3", "level", "lvl", "3", "III", "3rd",
        "99", "0", "-1", "2147483648", "from", "to", "vs", "compare", "and", "or", "what about", "how do I get", "help",
        "overview", "I'm a", "thanks", "please", "SkillBot", "@SkillBot", "kubernetes", "DK", "'s", "s'", "?", "!",
        // markup, complete and broken
        "<at>SkillBot</at>", "<at>", "</at>", "<@U123ABC>", "<@U1|bob>", "<#C1|general>", "<!here>", "<https://x.y|link>",
        "<", ">", "<<@>>", "<at><at>x</at>", "&lt;at&gt;", "&amp;lt;@U1&amp;gt;", "&nbsp;", "&#xD800;", "&#128512;", "&#0;", "&", "*bold*", "`code`", "```", "[x](y)",
        // CJK, full-width, combining marks, NFKC expansions
        "高级", "深度学习", "数据科学家", "LLM工程师", "在", "方面需要什么？", "主管", "首席", "ＤＬ", "ｓｅｎｉｏｒ", "e\u0301",
        "\uFDFA", "㍿", "ﬁ", "Ⅲ", "①", "ǅ", "İ", "ß", "ﬀ",
        // emoji, lone surrogates, controls, invisible and bidi characters
        "🚀", "👩‍🔬", "🇺🇸", "\uD83D", "\uDE80", "\uDE80\uD83D", "\u0000", "\u0007", "\u001B[31m", "\u200B", "\u200D", "\u202E",
        "\uFEFF", "\uFFFF", "\r\n", "\t", "\u2028", "→", "->", "=>", "➡",
        // long words: over the tokenizer's stack buffer, and near-misses of long names
        new string('a', 70), new string('x', 300), "reinforcementlearningengineering", "deeplearning",
    ];

    private static readonly Gen<string> Separator = Gen.OneOfConst(" ", "", ",", ", ", "/", " / ", "\n", "?", " - ", "\u3000");

    /// <summary>Questions stitched from the pieces: close enough to real ones to reach every intent.</summary>
    private static readonly Gen<string> Stitched =
        Gen.Select(Gen.OneOfConst(Pieces), Separator).Array[0, 14]
            .Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)));

    /// <summary>Any UTF-16 code units, lone surrogates included.</summary>
    private static readonly Gen<string> AnyChars = Gen.Char.Array[0, 400].Select(chars => new string(chars));

    /// <summary>Long questions up to the limit: many names, runs of Chinese, long words.</summary>
    private static readonly Gen<string> NearTheLimit =
        Stitched.Array[10, 80].Select(parts => string.Join(' ', parts))
            .Select(text => text.Length > Assistant.MaxQuestionLength ? text[..Assistant.MaxQuestionLength] : text);

    private static readonly Gen<string> AnyText = Gen.OneOf(Stitched, AnyChars, Gen.String, NearTheLimit);

    [Fact]
    public void Any_text_gets_an_answer_that_keeps_the_contract_on_the_built_in_catalogue() =>
        AnyText.Sample(text => AnswerContract.Check(BuiltIn.Ask(text), BuiltInCatalogue), iter: 3000);

    [Fact]
    public void Any_text_gets_an_answer_that_keeps_the_contract_on_the_confusable_catalogue() =>
        AnyText.Sample(text => AnswerContract.Check(Confusable.Ask(text), ConfusableCatalogueLoaded), iter: 3000);

    [Fact]
    public void Any_conversation_gets_answers_that_keep_the_contract()
    {
        Stitched.Array[1, 8].Sample(questions =>
        {
            var assistant = new Assistant(ConfusableCatalogueLoaded);
            UserContext? context = null;
            foreach (var question in questions)
            {
                var result = assistant.Respond(Turn.Question("slack", new ChatUser("slack", "T1", "U1"), question), context);
                AnswerContract.Check(result.Answer, ConfusableCatalogueLoaded);
                context = result.Remember ?? context;
            }
        }, iter: 500);
    }

    [Fact]
    public void Text_over_the_limit_is_refused_clearly()
    {
        var tooLong = Gen.Select(Gen.Int[Assistant.MaxQuestionLength + 1, 200_000], AnyText)
            .Select(x => string.Concat(Enumerable.Repeat(x.Item2.Length == 0 ? "deep learning " : x.Item2, x.Item1 / Math.Max(1, x.Item2.Length) + 1))[..x.Item1]);
        tooLong.Sample(text =>
        {
            var answer = BuiltIn.Ask(text);
            AnswerContract.Check(answer, BuiltInCatalogue);
            Assert.Equal(Intent.Help, answer.Intent);
            // In the language the text reads as: random text with Chinese characters in it is refused in Chinese.
            Assert.Contains(answer.Language == "zh" ? "太长" : "too long", answer.Message, StringComparison.Ordinal);
            Assert.Contains(Assistant.MaxQuestionLength.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Message, StringComparison.Ordinal);
            Assert.True(answer.Question.Length < 100, "the refused text is not echoed in full");
        }, iter: 200);
    }

    [Fact]
    public void Text_at_the_limit_is_still_read()
    {
        var question = "what does a senior LLM engineer need in deep learning?";
        var padded = question + new string(' ', Assistant.MaxQuestionLength - question.Length);

        var answer = BuiltIn.Ask(padded);

        Assert.Equal(Intent.Expectation, answer.Intent);
        Assert.Equal(Intent.Help, BuiltIn.Ask(padded + " ").Intent);
    }

    [Fact]
    public void Null_is_read_as_empty_text() =>
        Assert.Equal(Intent.Help, BuiltIn.Ask(null).Intent);

    [Fact]
    public void Help_examples_are_answerable_on_the_shipped_catalogues()
    {
        foreach (var assistant in new[] { BuiltIn, Confusable })
        {
            var help = assistant.Ask("help");
            Assert.Equal(Intent.Help, help.Intent);
            Assert.NotEmpty(help.Suggestions);
            AssertAnswerable(assistant, help.Suggestions);
        }
    }

    [Fact]
    public void Help_examples_are_answerable_on_any_catalogue() =>
        RandomCatalogues.Any.Sample(catalogue =>
        {
            var assistant = new Assistant(catalogue);
            var help = assistant.Ask("");
            AnswerContract.Check(help, catalogue);
            AssertAnswerable(assistant, help.Suggestions);
        }, iter: 300, print: c => string.Join(" | ", c.Skills.Select(s => $"{s.Name} [{string.Join(",", s.Roles.Select(r => r.Role.Name))}]")) + " // levels: " + string.Join(",", c.Levels.Select(l => l.Name)));

    private static void AssertAnswerable(Assistant assistant, IEnumerable<string> examples)
    {
        foreach (var example in examples)
        {
            var answer = assistant.Ask(example);
            AnswerContract.Check(answer, assistant.Catalogue);
            Assert.True(answer.Intent is not (Intent.Help or Intent.NotFound), $"'{example}' was answered with {answer.Intent}: {answer.Message}");
        }
    }
}
