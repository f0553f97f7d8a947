using System.Text;
using System.Text.RegularExpressions;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Languages;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Understanding;

/// <summary>
/// The languages are files (src/SkillBot.Core/Languages/CODE.json): English and Chinese are complete, Chinese
/// answers carry no English sentence, and a third language is served from a file alone.
/// </summary>
public sealed partial class LanguageTests
{
    private static readonly SkillCatalogue BuiltInCatalogue = Catalogues.BuiltIn();
    private static readonly SkillCatalogue ConfusableCatalogue = Testing.ConfusableCatalogue.Load();
    private static readonly Language English = LanguageSet.BuiltIn.Default;
    private static readonly Language Chinese = LanguageSet.BuiltIn.For("zh");

    [Fact]
    public void The_built_in_languages_are_the_files_in_the_languages_folder()
    {
        var files = Directory.GetFiles(Path.Combine(Catalogues.RepoRoot, "src", "SkillBot.Core", "Languages"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);
        Assert.Equal(files, LanguageSet.BuiltIn.All.Select(l => l.Code).Order(StringComparer.Ordinal));
        Assert.Equal("en", LanguageSet.BuiltIn.Default.Code);
        Assert.Equal("zh", Chinese.Code);
    }

    [Fact]
    public void Chinese_has_every_message_English_has_and_no_Latin_word_in_any()
    {
        Assert.Empty(English.MessageKeys.Except(Chinese.MessageKeys));
        foreach (var key in Chinese.MessageKeys)
        {
            var text = Placeholder().Replace(Chinese.Template(key), "").Replace("SkillBot", "", StringComparison.Ordinal);
            Assert.False(LatinWord().IsMatch(text), $"{key}: {Chinese.Template(key)}");
        }
        foreach (var kind in WordKinds.All)
        {
            Assert.All(Chinese.WordsOf(kind), w => Assert.False(LatinWord().IsMatch(w), $"{kind}: {w}"));
        }
    }

    public static TheoryData<string, string> ChineseQuestions()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in PhrasingTableTests.ChineseBuiltInRows)
        {
            data.Add("built-in", (string)row[0]);
        }
        foreach (var row in PhrasingTableTests.ChineseConfusableRows)
        {
            data.Add("confusable", (string)row[0]);
        }
        foreach (var row in PhrasingTableTests.UnknownNameBuiltInRows.Where(r => ((string)r[0]).Any(c => c > '\u3000')))
        {
            data.Add("built-in", (string)row[0]);
        }
        foreach (var question in new[] { "从高级到主管 数据科学家 深度学习", "高级", "区块链", string.Concat(Enumerable.Repeat("深度学习", 300)) })
        {
            data.Add("built-in", question);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ChineseQuestions))]
    public void A_Chinese_answer_says_nothing_in_English(string catalogueName, string question)
    {
        var catalogue = catalogueName == "built-in" ? BuiltInCatalogue : ConfusableCatalogue;
        var answer = new Assistant(catalogue).Ask(question);
        Assert.Equal("zh", answer.Language);
        foreach (var text in answer.Suggestions.Prepend(answer.Message))
        {
            var rest = WithoutCatalogueNames(catalogue, Quoted().Replace(text, ""));
            Assert.False(LatinWord().IsMatch(rest), $"{answer.Intent}: {text}");
        }
    }

    [Fact]
    public void A_button_pressed_on_a_Chinese_answer_answers_in_Chinese()
    {
        var assistant = new Assistant(BuiltInCatalogue);
        var answer = assistant.Act(CardAction.Answer("Deep Learning", "Data Scientist", "Senior") with { Language = "zh" });
        Assert.Equal(("zh", Intent.Expectation), (answer.Language, answer.Intent));
        Assert.Equal(Chinese.Text("expectation.next", ("skill", "Deep Learning"), ("level", "Senior"), ("role", "Data Scientist"), ("next", "Lead")), answer.Message);
        var thanks = assistant.Act(CardAction.Feedback("Deep Learning", "Data Scientist", "Senior", null, useful: true) with { Language = "zh" });
        Assert.StartsWith(Chinese.Text("feedback.thanks"), thanks.Message, StringComparison.Ordinal);
        // A language no file has is English.
        Assert.Equal("en", assistant.Act(CardAction.Answer("Deep Learning", "Data Scientist", "Senior") with { Language = "xx" }).Language);
    }

    [Fact]
    public void Help_and_refusals_are_in_the_language_of_the_text()
    {
        var assistant = new Assistant(BuiltInCatalogue);
        var help = assistant.Ask("你好");
        Assert.Equal((Intent.Help, "zh"), (help.Intent, help.Language));
        Assert.Equal(Chinese.Text("help.ask"), help.Message);
        Assert.NotEmpty(help.Suggestions);
        // The Chinese examples are Chinese questions that read as meant.
        Assert.All(help.Suggestions, s => Assert.Equal("zh", assistant.Ask(s).Language));
        Assert.Equal(assistant.Composer.ExampleQuestions("zh").Count, assistant.Composer.ExampleQuestions().Count);
        Assert.Equal(Chinese.Text("rateLimited"), assistant.HelpIn("深度学习", "rateLimited").Message);
        Assert.Equal(English.Text("rateLimited"), assistant.HelpIn("deep learning", "rateLimited").Message);
        Assert.Contains("/skill", assistant.HelpIn("", "help.slashCommand", ("command", "/skill")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_third_language_is_a_file()
    {
        var spanish = Language.Parse("es", TestLanguage("es"), English);
        var assistant = new Assistant(BuiltInCatalogue, LanguageSet.BuiltIn.With(spanish));

        var answer = assistant.Ask("¿qué necesita un data scientist de nivel senior en deep learning?");
        Assert.Equal(("es", Intent.Expectation, "Deep Learning", "Data Scientist", "Senior"), (answer.Language, answer.Intent, answer.Skill, answer.Role, answer.Level));
        Assert.Equal("Deep Learning para Data Scientist de nivel Senior, y lo que pide Lead después.", answer.Message);

        // Its words are read as filler: not unknown names.
        var clarify = assistant.Ask("hola, ¿qué necesita un senior en deep learning, por favor?");
        Assert.Equal((Intent.Clarify, "es"), (clarify.Intent, clarify.Language));
        Assert.Equal("Deep Learning está definida para Data Scientist y LLM Engineer. ¿Qué rol?", clarify.Message);
        Assert.Equal("Aquí no hay nivel «level 6»: los niveles son Junior, Middle, Senior, Lead y Principal. ¿Qué nivel de Data Scientist: Junior, Middle, Senior, Lead o Principal?",
            assistant.Ask("soy un data scientist de level 6, ¿qué necesito?").Message);

        // Its move and listing words too: a move and a listing with no code of its own.
        var move = assistant.Ask("¿qué cambia si paso desde data scientist a LLM engineer senior?");
        Assert.Equal(("es", Intent.CompareRoles, "Data Scientist", "LLM Engineer", "Senior"), (move.Language, move.Intent, move.Role, move.CompareRole, move.CompareTo));
        var listing = assistant.Ask("¿cuáles habilidades hay?");
        Assert.Equal(("es", Intent.Catalogue, 1), (listing.Language, listing.Intent, listing.Items.Count));
        Assert.Equal(("es", Intent.Catalogue, 5), (assistant.Ask("todos los niveles").Language, assistant.Ask("todos los niveles").Intent, assistant.Ask("todos los niveles").Items.Count));

        // What the file lacks is English; English and Chinese questions are still themselves.
        Assert.Equal(English.Text("overview.everyRole", ("skill", "Deep Learning")), assistant.Ask("¿qué es deep learning?").Message);
        Assert.Equal("en", assistant.Ask("what does a senior data scientist need in deep learning?").Language);
        Assert.Equal("zh", assistant.Ask("高级数据科学家在深度学习方面需要什么？").Language);
        // Served without it, the question is not Spanish, and its words are unknown.
        var without = new Assistant(BuiltInCatalogue).Ask("¿qué necesita un data scientist?");
        Assert.Equal(("en", Intent.NotFound), (without.Language, without.Intent));
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("null", "is empty")]
    [InlineData("""{ "words": { "fillers": ["x"] } }""", "unknown word lists: fillers")]
    public void A_malformed_language_file_is_refused_with_what_is_wrong(string json, string problem)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Language.Parse("xx", new MemoryStream(Encoding.UTF8.GetBytes(json)), English));
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        Assert.Contains("'xx'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_fills_its_placeholders_once_and_keeps_the_values_as_written()
    {
        Assert.Equal("I don't know \"{words}\". Did you mean A or B?",
            English.Text("notFound.nearest", ("words", English.Quote("{words}")), ("options", English.Or(["A", "B"]))));
        Assert.Equal("A、B和C", Chinese.And(["A", "B", "C"]));
        Assert.Equal("A, B and C", English.And(["A", "B", "C"]));
        Assert.Throws<KeyNotFoundException>(() => English.Text("no.such.message"));
    }

    private static Stream TestLanguage(string code) =>
        typeof(LanguageTests).Assembly.GetManifestResourceStream($"test-languages/{code}.json") ?? throw new InvalidOperationException(code);

    /// <summary>The text less every name, alias and domain the catalogue has, longest first.</summary>
    private static string WithoutCatalogueNames(SkillCatalogue catalogue, string text)
    {
        var names = catalogue.Skills.SelectMany(s => s.Aliases.Append(s.Name))
            .Concat(catalogue.Roles.SelectMany(r => r.Aliases.Append(r.Name)))
            .Concat(catalogue.Levels.SelectMany(l => l.Aliases.Append(l.Name)))
            .Concat(catalogue.Domains)
            .OrderByDescending(n => n.Length);
        foreach (var name in names)
        {
            text = text.Replace(name, "", StringComparison.OrdinalIgnoreCase);
        }
        return text;
    }

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();

    /// <summary>The user's own words, quoted back (“区块链”).</summary>
    [GeneratedRegex("“[^”]*”")]
    private static partial Regex Quoted();
}
