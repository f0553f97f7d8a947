using SkillBot.Core.Catalogue;

namespace SkillBot.Core.Tests.Lifecycle;

/// <summary>The optional <c>examples</c> column of a CSV import: one example per line of the cell.</summary>
public sealed class CsvExamplesTests
{
    private static string CsvLine(params string[] fields) =>
        string.Join(',', fields.Select(f => "\"" + f.Replace("\"", "\"\"") + "\"")) + "\r\n";

    [Fact]
    public void Each_line_of_an_examples_cell_is_an_example_and_loads_back()
    {
        var csv = "examples,domain,skill,role,level,necessity,description\r\n"
            + CsvLine("Took a churn model to production.\r\n\r\n  Tuned dropout by search: \"grid\" & random  \n", "ML", "Deep Learning", "Data Scientist", "Middle", "optional", "Trains models.")
            + CsvLine("", "ML", "Deep Learning", "Data Scientist", "Senior", "", "Designs architectures.");
        var result = CsvImport.Import(csv);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var skillFile = result.Files.Single(f => f.Path.StartsWith("skills/", StringComparison.Ordinal)).Text;
        Assert.Contains("      examples:\n        - \"Took a churn model to production.\"\n        - \"Tuned dropout by search: \\\"grid\\\" & random\"\n", skillFile, StringComparison.Ordinal);

        var loaded = CatalogueLoader.Load(result.Files);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        var catalogue = loaded.Catalogue!;
        var expectations = catalogue.Skills[0].Roles[0];
        Assert.Equal<string>(["Took a churn model to production.", "Tuned dropout by search: \"grid\" & random"], expectations.At(catalogue.FindLevel("Middle")!)!.Examples);
        Assert.Empty(expectations.At(catalogue.FindLevel("Senior")!)!.Examples);
    }

    [Fact]
    public void A_csv_without_the_column_imports_as_before()
    {
        var result = CsvImport.Import("domain,skill,role,level,necessity,description\nML,DL,DS,Junior,,Knows basics.\n");
        Assert.True(result.Succeeded);
        Assert.DoesNotContain("examples", result.Files.Single(f => f.Path.StartsWith("skills/", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_or_too_long_examples_are_reported_by_line()
    {
        var many = string.Join("\n", Enumerable.Range(1, ExampleLimits.MaxPerExpectation + 1).Select(i => $"example {i}"));
        var csv = "domain,skill,role,level,necessity,description,examples\n"
            + CsvLine("ML", "DL", "DS", "Junior", "", "Knows basics.", many)
            + CsvLine("ML", "DL", "DS", "Middle", "", "Trains.", "short\n" + new string('x', ExampleLimits.MaxLength + 1))
            + "ML,DL,DS,Senior,,Designs.\n";
        var result = CsvImport.Import(csv);
        Assert.Equal(
            [
                $"line 2: examples has 11 lines; an expectation may have at most {ExampleLimits.MaxPerExpectation} examples (one per line)",
                $"line 13: example 2 is {ExampleLimits.MaxLength + 1} characters; at most {ExampleLimits.MaxLength} (an example is a sentence or two)",
                "line 15: expected 7 fields (domain,skill,role,level,necessity,description,examples), found 6",
            ],
            result.Problems.Select(p => p.ToString()));
    }
}
