using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Core.Text;
using SkillBot.Core.Understanding;

namespace SkillBot.Core.Insights;

/// <summary>A question the catalogue could not answer outright, as asked (normalised), and how often.</summary>
public sealed record AskedQuestion(string Question, string Intent, long Count);

/// <summary>How people rated one expectation.</summary>
public sealed record Votes(string Skill, string Role, string Level, long Up, long Down);

public sealed record InsightsReport(IReadOnlyList<AskedQuestion> Unanswered, IReadOnlyList<Votes> Votes);

/// <summary>
/// What catalogue owners most need to know: which questions found nothing or had to be asked back, and
/// which expectations people rate unclear. Aggregated and bounded: questions are normalised (so "Kubernetes?"
/// and "kubernetes" count together), no user ids are kept, and at most <see cref="MaxEntries"/> distinct
/// questions and expectations are counted (when full, the rarest is forgotten for the new one).
/// </summary>
public sealed class QuestionInsights
{
    public const int MaxEntries = 1000;
    public const int MaxQuestionLength = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Question, string Intent), long> _unanswered = [];
    private readonly Dictionary<(string Skill, string Role, string Level), (long Up, long Down)> _votes = [];

    /// <summary>Counts what one turn tells owners: its answer when it is not_found or clarify, and the rating given.</summary>
    public void Observe(TurnResult result)
    {
        Record(result.Answer);
        if (result.Feedback is { } feedback)
        {
            Vote(feedback);
        }
    }

    private void Record(Answer answer)
    {
        var intent = answer.Intent switch
        {
            Intent.NotFound => "not_found",
            Intent.Clarify => "clarify",
            _ => null,
        };
        if (intent is null)
        {
            return; // an answered question: nothing to count, so its key is not worked out
        }
        // As the question was read: without chat markup, so neither an escape ("amp") nor a mention (a user id) is kept.
        var question = Tokenizer.Key(ChatText.Strip(answer.Question));
        if (question.Length == 0)
        {
            return;
        }
        if (question.Length > MaxQuestionLength)
        {
            question = question[..MaxQuestionLength];
        }
        lock (_gate)
        {
            Increment(_unanswered, (question, intent), static count => count + 1, 0);
        }
    }

    /// <summary>Counts a vote under the catalogue's canonical names ("-" for a name not given).</summary>
    private void Vote(Feedback feedback)
    {
        lock (_gate)
        {
            Increment(_votes, (feedback.Skill ?? "-", feedback.Role ?? "-", feedback.Level ?? "-"),
                v => feedback.Useful ? (v.Up + 1, v.Down) : (v.Up, v.Down + 1), (0, 0));
        }
    }

    public InsightsReport Report()
    {
        lock (_gate)
        {
            return new InsightsReport(
                [.. _unanswered.OrderByDescending(e => e.Value).ThenBy(e => e.Key.Question, StringComparer.Ordinal)
                    .Select(e => new AskedQuestion(e.Key.Question, e.Key.Intent, e.Value))],
                [.. _votes.OrderByDescending(e => e.Value.Down).ThenByDescending(e => e.Value.Up)
                    .Select(e => new Votes(e.Key.Skill, e.Key.Role, e.Key.Level, e.Value.Up, e.Value.Down))]);
        }
    }

    private static void Increment<TKey, TValue>(Dictionary<TKey, TValue> counts, TKey key, Func<TValue, TValue> add, TValue zero)
        where TKey : notnull
        where TValue : notnull
    {
        if (!counts.TryGetValue(key, out var value))
        {
            if (counts.Count >= MaxEntries)
            {
                // Forget the rarest entry: the bound holds and what recurs stays visible.
                counts.Remove(counts.MinBy(e => Weight(e.Value)).Key);
            }
            value = zero;
        }
        counts[key] = add(value);
    }

    private static long Weight<TValue>(TValue value) => value switch
    {
        long count => count,
        ValueTuple<long, long> votes => votes.Item1 + votes.Item2,
        _ => 0,
    };
}
