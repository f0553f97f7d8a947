using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using SkillBot.Core.Answers;

namespace SkillBot.Rendering;

/// <summary>
/// Each distinct answer rendered once per channel. A rendering is a pure function of the answer, and a
/// company asks the same questions all morning, while a card takes tens of microseconds and tens of
/// kilobytes of garbage to build (the load run's largest cost after the network). The key is the
/// answer's JSON — which carries the catalogue's content hash, so a reload never serves an old
/// rendering — and its language; the cache is bounded by bytes and forgets the least used first.
/// </summary>
public sealed class RenderedAnswers : IDisposable
{
    public const long SizeLimitBytes = 32 * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes, CompactionPercentage = 0.25 });

    /// <summary>The answer as <paramref name="channel"/> renders it, from the cache or made now by <paramref name="render"/>.</summary>
    public byte[] Get(string channel, Answer answer, Func<Answer, byte[]> render)
    {
        var key = new Key(channel, answer.Language, JsonSerializer.Serialize(answer, AnswerJsonContext.Default.Answer));
        if (_cache.TryGetValue(key, out byte[]? rendered))
        {
            return rendered!;
        }
        rendered = render(answer);
        // What the entry holds: the rendering, the key's characters and the entry's own bookkeeping.
        _cache.Set(key, rendered, new MemoryCacheEntryOptions { Size = rendered.Length + (2L * key.Answer.Length) + 256 });
        return rendered;
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Key(string Channel, string Language, string Answer);
}
