using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SkillBot.Core.Catalogue;

/// <summary>
/// Passes YamlDotNet's parsing events on to the node builder (YamlStream.Load), refusing what the builder
/// would choke on before it sees it. The scanner and parser keep their state in lists and do not recurse, but
/// the builder does, once per level of nesting, and hashes mapping keys through aliases:
/// <list type="bullet">
/// <item>nesting deeper than <c>maxDepth</c> (flow <c>[</c>/<c>{</c> and block indentation alike: both are
/// collections), which would otherwise overflow the stack and kill the process;</item>
/// <item>a mapping key that is not a scalar: a list, a mapping or an alias as a key is hashed through every
/// node it reaches, which an alias chain makes exponential and a self-referring anchor endless.</item>
/// </list>
/// It also reports an alias with no anchor before it where the alias is (the builder only finds out at the
/// end of the document, and says 1:1).
/// Events are the YAML as parsed, so brackets in quoted or block scalars and comments never count.
/// </summary>
internal sealed class GuardedParser(IParser inner, int maxDepth) : IParser
{
    /// <summary>For each open collection: whether it is a mapping that expects a key next.</summary>
    private readonly Stack<(bool Mapping, bool ExpectsKey)> _open = new();

    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }
        if (inner.Current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            _anchors.Add(anchored.Anchor.Value);
        }
        switch (inner.Current)
        {
            case MappingStart or SequenceStart:
                RefuseAsKey(inner.Current);
                if (_open.Count >= maxDepth)
                {
                    throw new RefusedException(inner.Current.Start,
                        $"the YAML is nested more than {maxDepth} levels deep here; a catalogue file needs no more than a few");
                }
                _open.Push((inner.Current is MappingStart, true));
                break;
            case MappingEnd or SequenceEnd:
                if (_open.Count > 0)
                {
                    _open.Pop();
                }
                NodeDone();
                break;
            case AnchorAlias alias:
                RefuseAsKey(alias);
                if (!_anchors.Contains(alias.Value.Value))
                {
                    throw new RefusedException(alias.Start, $"YAML syntax: the alias '*{alias.Value}' names no anchor ('&{alias.Value}') before it");
                }
                NodeDone();
                break;
            case Scalar:
                NodeDone();
                break;
        }
        return true;
    }

    private void RefuseAsKey(ParsingEvent node)
    {
        if (_open.TryPeek(out var top) && top is { Mapping: true, ExpectsKey: true })
        {
            throw new RefusedException(node.Start, "a mapping key must be plain text, not a list, a mapping or an alias");
        }
    }

    /// <summary>A whole node was read: in a mapping, a key is followed by its value and a value by the next key.</summary>
    private void NodeDone()
    {
        if (_open.TryPop(out var top))
        {
            _open.Push(top.Mapping ? (true, !top.ExpectsKey) : top);
        }
    }

    /// <summary>What the guard refused, and where.</summary>
    public sealed class RefusedException(Mark at, string message) : Exception(message)
    {
        public Mark At { get; } = at;
    }
}
