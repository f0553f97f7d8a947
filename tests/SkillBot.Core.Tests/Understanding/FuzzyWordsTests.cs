using CsCheck;
using SkillBot.Core.Understanding;

namespace SkillBot.Core.Tests.Understanding;

/// <summary>
/// The symmetric-delete index finds what a scan of the whole vocabulary finds: the nearest word within the budget for
/// the typed word's length, ties to the same first letter, then the closer length, then the ordinal order.
/// </summary>
public sealed class FuzzyWordsTests
{
    [Theory]
    [InlineData("kubernets", "kubernetes")]   // a letter left out
    [InlineData("kuberentes", "kubernetes")]  // two letters swapped
    [InlineData("lerning", "learning")]
    [InlineData("dep", null)]                 // too short to correct
    [InlineData("kbrnts", null)]              // too far
    public void Corrects_a_misspelt_word_within_its_budget(string typed, string? meant)
    {
        var fuzzy = new FuzzyWords(["kubernetes", "learning", "deep", "leading"]);
        Assert.Equal(meant, fuzzy.Nearest(typed));
    }

    [Fact]
    public void Finds_what_a_scan_of_the_vocabulary_finds()
    {
        var letters = Gen.Char["abcde"];
        var vocabulary = Gen.String[letters, 4, 11].HashSet[1, 60];
        Gen.Select(vocabulary, Gen.String[letters, 3, 13]).Sample((words, typed) =>
            Assert.Equal(Scan(words, typed), new FuzzyWords(words).Nearest(typed)), iter: 3000);
    }

    [Fact]
    public void Leaves_out_tokens_longer_than_any_word_and_stays_bounded_however_many_words_there_are()
    {
        var code = new string('x', 49);
        var fuzzy = new FuzzyWords([code, "kubernetes"]);
        Assert.Null(fuzzy.Nearest(code[..^1]));
        Assert.Equal("kubernetes", fuzzy.Nearest("kubernets"));

        // 200,000 words of 40 letters would be 164 million forms: the index stops at its bound and still answers.
        var many = Enumerable.Range(0, 200_000).Select(i => "w" + string.Concat(i.ToString("D6").Select(d => (char)('a' + d - '0'))) + new string('q', 33)).ToList();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var bounded = new FuzzyWords(many);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(allocated, 0, 128L << 20); // the 64 MiB of the index; unbounded, 1.3 GB
        Assert.Equal("waabcde" + new string('q', 33), bounded.Nearest("waabcde" + new string('q', 32)));
    }

    /// <summary>The nearest word by a scan, with the index's rules: words of 4 to 48 letters, the same budget and ties, and no correcting a word too short to have a budget (the reader matches those exactly).</summary>
    private static string? Scan(IEnumerable<string> words, string typed)
    {
        var budget = EditDistance.Budget(typed.Length);
        return budget == 0 ? null : words
            .Where(w => w.Length is >= 4 and <= 48 && w.All(char.IsLetter))
            .Select(w => (Word: w, Distance: EditDistance.Bounded(typed, w, budget)))
            .Where(c => c.Distance <= budget)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Word[0] == typed[0] ? 0 : 1)
            .ThenBy(c => Math.Abs(c.Word.Length - typed.Length))
            .ThenBy(c => c.Word, StringComparer.Ordinal)
            .Select(c => c.Word)
            .FirstOrDefault();
    }
}
