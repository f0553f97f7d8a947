using System.Runtime.CompilerServices;
using Microsoft.Extensions.Caching.Memory;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;

namespace SkillBot.Gate;

/// <summary>
/// The core's result for each distinct question and context, worked out once per served catalogue. The core is pure:
/// the same text and context on the same catalogue give the same answer and the same context to remember. People ask
/// the same questions, and on the load run's Teams messages the core was a sixth of SkillBot's CPU.
/// A result is kept under the composer that answered it, so a new catalogue never gets an old one's answer.
/// The reloader clears the cache when it swaps catalogues, so no answer keeps an old catalogue in memory.
/// Buttons are not kept: they carry ratings and questions for owners, which must happen each time.
/// The cache is bounded by size and forgets the least used first. An answer counts one, and so does each of its
/// items: a built item is about a kilobyte, and a role profile on a large catalogue has hundreds.
/// </summary>
public sealed class AnsweredTurns(Assistant assistant) : IDisposable
{
    /// <summary>Answers and their items: some tens of MiB at most.</summary>
    public const long SizeLimit = 32_768;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit, CompactionPercentage = 0.25 });
    private readonly Lock _swap = new();

    /// <summary>The results kept (for tests of the bound).</summary>
    internal int Count => _cache.Count;

    /// <summary>What the core makes of <paramref name="turn"/> for someone with <paramref name="context"/>, from the cache when asked before.</summary>
    public TurnResult Respond(Turn turn, UserContext? context)
    {
        if (turn.Action is not null)
        {
            return assistant.Respond(turn, context);
        }
        var composer = assistant.Composer;
        var key = new Key(composer, turn.Text ?? "", context);
        if (_cache.TryGetValue(key, out TurnResult known))
        {
            return known;
        }
        var result = assistant.Respond(turn, context);
        lock (_swap)
        {
            // Composers are never served twice, so one still served now was served all along: the core answered on it.
            // Under the lock, so a Clear after a swap also removes what was kept just before it.
            if (ReferenceEquals(assistant.Composer, composer))
            {
                _cache.Set(key, result, new MemoryCacheEntryOptions { Size = 1 + result.Answer.Items.Count });
            }
        }
        return result;
    }

    /// <summary>Forgets every result: called once a new catalogue is served, whose composer none of them matches.</summary>
    public void Clear()
    {
        lock (_swap)
        {
            _cache.Clear();
        }
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>The composer by identity (each snapshot of the catalogue has its own), the text, and the context by value.</summary>
    private sealed class Key(AnswerComposer composer, string text, UserContext? context) : IEquatable<Key>
    {
        private readonly AnswerComposer _composer = composer;
        private readonly string _text = text;
        private readonly UserContext? _context = context;
        private readonly int _hash = HashCode.Combine(RuntimeHelpers.GetHashCode(composer), string.GetHashCode(text, StringComparison.Ordinal), context);

        public bool Equals(Key? other) =>
            other is not null && _hash == other._hash && ReferenceEquals(_composer, other._composer)
            && string.Equals(_text, other._text, StringComparison.Ordinal) && Equals(_context, other._context);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;
    }
}
