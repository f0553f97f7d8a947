using SkillBot.Core.Answers;
using SkillBot.Core.Understanding;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Understanding;

/// <summary>A value as long as a request allows (a forged card action) costs work linear in its length, and is refused.</summary>
public sealed class LongValueTests
{
    private const int Long = 120_000;

    [Fact]
    public void The_nearest_name_search_on_a_huge_word_hashes_each_character_a_bounded_number_of_times()
    {
        var counting = new CountingComparer();
        var nearest = new NearestNames(Catalogues.BuiltIn(), counting);
        counting.Characters = 0; // building the index is not the lookup's work

        // "deep…" keeps every prefix probe plausible: the word starts like a catalogue word.
        var found = nearest.Find([string.Concat(Enumerable.Repeat("deeplearning", Long / 12))]);

        Assert.Contains("Deep Learning", found);
        // The exact and longer-word probes hash the word once each; the prefix probes stop at the longest catalogue word.
        Assert.InRange(counting.Characters, 0, 3L * Long);
    }

    [Fact]
    public void A_card_action_with_a_name_over_the_cap_is_refused_with_a_short_friendly_answer()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        foreach (var action in new[]
        {
            CardAction.Answer("Deep Learning", "LLM Engineer", new string('x', Long)),
            CardAction.Answer(new string('x', Long), null, null),
            CardAction.Answer("Deep Learning", new string('x', Long), "Senior"),
            CardAction.Feedback("Deep Learning", "LLM Engineer", "Senior", new string('x', Assistant.MaxNameLength + 1), useful: true),
        })
        {
            var answer = assistant.Act(action);
            Assert.Equal(Intent.Help, answer.Intent);
            Assert.Contains($"longer than {Assistant.MaxNameLength} characters", answer.Message, StringComparison.Ordinal);
            Assert.True(answer.Message.Length < 500, answer.Message[..Math.Min(answer.Message.Length, 500)]);
        }
    }

    [Fact]
    public void A_card_action_at_the_cap_is_still_read()
    {
        var answer = new Assistant(Catalogues.BuiltIn()).Act(CardAction.Answer("Deep Learning", "LLM Engineer", new string('x', Assistant.MaxNameLength)));
        Assert.Equal(Intent.NotFound, answer.Intent);
    }

    [Fact]
    public void The_banded_edit_distance_equals_the_full_table_within_the_bound()
    {
        var random = new Random(12);
        for (var n = 0; n < 20_000; n++)
        {
            var a = RandomWord(random);
            var b = random.Next(3) == 0 ? Mutate(a, random) : RandomWord(random);
            var max = random.Next(4);
            Assert.True(Math.Min(FullDistance(a, b), max + 1) == EditDistance.Bounded(a, b, max), $"'{a}' '{b}' max {max}");
        }
    }

    /// <summary>"Any distance" (the catalogue's nearest-role warning asks so) must not overflow the band's arithmetic.</summary>
    [Theory]
    [InlineData("data enginer", "data engineer", 1)]
    [InlineData("ml", "data scientist", 14)]
    [InlineData("", "abc", 3)]
    public void An_unbounded_edit_distance_is_the_full_distance(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Bounded(a, b, int.MaxValue - 1));
        Assert.Equal(expected, FullDistance(a, b));
    }

    private static string RandomWord(Random random) =>
        new([.. Enumerable.Range(0, random.Next(13)).Select(_ => "abc"[random.Next(3)])]);

    private static string Mutate(string word, Random random)
    {
        var chars = word.ToList();
        for (var edits = random.Next(4); edits > 0; edits--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0: chars.Insert(at, 'a'); break;
                case 1 when at < chars.Count: chars.RemoveAt(at); break;
                default: if (at + 1 < chars.Count) { (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]); } break;
            }
        }
        return new([.. chars]);
    }

    /// <summary>Optimal string alignment by the whole table: the reference the bounded band must agree with.</summary>
    private static int FullDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>Ordinal, counting every character it hashes or compares: the work of an index lookup.</summary>
    private sealed class CountingComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
    {
        public long Characters { get; set; }

        public bool Equals(string? x, string? y)
        {
            Characters += Math.Min(x?.Length ?? 0, y?.Length ?? 0);
            return string.Equals(x, y, StringComparison.Ordinal);
        }

        public int GetHashCode(string obj)
        {
            Characters += obj.Length;
            return string.GetHashCode(obj.AsSpan(), StringComparison.Ordinal);
        }

        public bool Equals(ReadOnlySpan<char> alternate, string other)
        {
            Characters += Math.Min(alternate.Length, other.Length);
            return alternate.SequenceEqual(other);
        }

        public int GetHashCode(ReadOnlySpan<char> alternate)
        {
            Characters += alternate.Length;
            return string.GetHashCode(alternate, StringComparison.Ordinal);
        }

        public string Create(ReadOnlySpan<char> alternate) => new(alternate);
    }
}
