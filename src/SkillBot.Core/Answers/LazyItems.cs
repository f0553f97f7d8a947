using System.Collections;

namespace SkillBot.Core.Answers;

/// <summary>
/// An answer's items, each built the first time it is read: a profile or a move on a large catalogue has hundreds,
/// and a channel shows a page of them, so decoding every description up front is wasted. Reads from several
/// threads may build an item twice; both are equal, and either is kept.
/// </summary>
internal sealed class LazyItems(int count, Func<int, AnswerItem> build) : IReadOnlyList<AnswerItem>
{
    private readonly AnswerItem?[] _built = new AnswerItem?[count];

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
