using Microsoft.Extensions.Caching.Memory;
using SkillBot.Core.Answers;

namespace SkillBot.Rendering;

/// <summary>
/// Each distinct answer rendered once per channel. A rendering is a pure function of the answer, and a
/// company asks the same questions all morning, while a card takes tens of microseconds and tens of
/// kilobytes of garbage to build (the load run's largest cost after the network). The key is the answer
/// itself, compared field by field (its catalogue version included, so a reload never serves an old
/// rendering, and its language and ladder); the cache is bounded by bytes and forgets the least used first.
/// </summary>
public sealed class RenderedAnswers : IDisposable
{
    public const long SizeLimitBytes = 32 * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes, CompactionPercentage = 0.25 });

    /// <summary>The answer as <paramref name="channel"/> renders it, from the cache or made now by <paramref name="render"/>.</summary>
    public byte[] Get(string channel, Answer answer, Func<Answer, byte[]> render)
    {
        var key = new Key(channel, answer);
        if (_cache.TryGetValue(key, out byte[]? rendered))
        {
            return rendered!;
        }
        rendered = render(answer);
        // What the entry holds: the rendering, the answer's text and the entry's own bookkeeping.
        _cache.Set(key, rendered, new MemoryCacheEntryOptions { Size = rendered.Length + AnswerKey.Bytes(answer) + 256 });
        return rendered;
    }

    /// <summary>Drops every rendering: after a reload none is asked for again (each carries the catalogue version it was made from).</summary>
    public void Clear() => _cache.Clear();

    public void Dispose() => _cache.Dispose();

    /// <summary>A channel and an answer, equal when the channel is and every field of the answer is, lists and all.</summary>
    private sealed class Key(string channel, Answer answer) : IEquatable<Key>
    {
        private readonly string _channel = channel;
        private readonly Answer _answer = answer;
        private readonly int _hash = HashCode.Combine(channel, AnswerKey.Hash(answer));

        public bool Equals(Key? other) =>
            other is not null && _hash == other._hash && _channel == other._channel && AnswerKey.Same(_answer, other._answer);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;
    }
}
