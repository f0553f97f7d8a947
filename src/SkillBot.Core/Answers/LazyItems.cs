using System.Collections;
using SkillBot.Core.Catalogue;

namespace SkillBot.Core.Answers;

/// <summary>
/// An answer's items, each built the first time it is read: a profile or a move on a large catalogue has hundreds,
/// and a channel shows a page of them, so decoding every description up front is wasted. Reads from several
/// threads may build an item twice; both are equal, and either is kept. <paramref name="source"/> is what they are
/// built from (the catalogue and the roles and levels asked): lists of the same source are the same items, so
/// comparing two answers (the render cache's key) need not build them.
/// </summary>
internal sealed class LazyItems(int count, Func<int, AnswerItem> build, LazyItems.Source source) : IReadOnlyList<AnswerItem>
{
    /// <summary>What a list is built from: one catalogue (compared by reference), a kind of list, and its roles and levels.</summary>
    internal readonly record struct Source(SkillCatalogue Catalogue, string Kind, object? First, object? Second, object? Third, object? Fourth);

    private readonly AnswerItem?[] _built = new AnswerItem?[count];
    private readonly Source _source = source;

    /// <summary>True when both lists are built from the same source, so they hold the same items.</summary>
    public static bool SameSource(IReadOnlyList<AnswerItem> a, IReadOnlyList<AnswerItem> b) =>
        a is LazyItems x && b is LazyItems y && x.Count == y.Count && x._source == y._source;

    public int Count => count;

    public AnswerItem this[int index] => _built[index] ??= build(index);

    public IEnumerator<AnswerItem> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
