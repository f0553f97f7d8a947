using System.Runtime.CompilerServices;
using YamlDotNet.RepresentationModel;

namespace SkillBot.Core.Catalogue;

/// <summary>
/// A catalogue file's YAML as the loader reads it: mappings (scalar keys, in file order), sequences and scalars,
/// each with the line and column where it starts. Read by <see cref="PlainYaml"/> for the plain files people and
/// the exporter write, or converted from YamlDotNet's tree for everything else.
/// </summary>
internal abstract class YamlTreeNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>YamlDotNet's tree as ours. Aliases share their anchor's node, as in YamlDotNet's, so a chain of them is not copied out.</summary>
    public static YamlTreeNode From(YamlNode root)
    {
        var converted = new Dictionary<YamlNode, YamlTreeNode>(ReferenceEqualityComparer.Instance);
        YamlTreeNode Convert(YamlNode node)
        {
            if (converted.TryGetValue(node, out var done))
            {
                return done;
            }
            var (line, column) = ((int)node.Start.Line, (int)node.Start.Column);
            switch (node)
            {
                case YamlMappingNode map:
                    var mapping = new YamlTreeMapping(line, column, new List<KeyValuePair<YamlTreeScalar, YamlTreeNode>>(map.Children.Count));
                    converted[node] = mapping;
                    foreach (var (key, value) in map.Children)
                    {
                        // GuardedParser refuses any other key.
                        mapping.Children.Add(new((YamlTreeScalar)Convert(key), Convert(value)));
                    }
                    return mapping;
                case YamlSequenceNode list:
                    var sequence = new YamlTreeSequence(line, column, new List<YamlTreeNode>(list.Children.Count));
                    converted[node] = sequence;
                    foreach (var item in list.Children)
                    {
                        sequence.Children.Add(Convert(item));
                    }
                    return sequence;
                case YamlScalarNode scalar:
                    return converted[node] = new YamlTreeScalar(line, column, scalar.Value ?? "", tagged: !scalar.Tag.IsEmpty);
                default:
                    throw new InvalidOperationException($"a YAML node of kind {node.NodeType}");
            }
        }
        return Convert(root);
    }
}

internal sealed class YamlTreeScalar : YamlTreeNode
{
    private readonly string _source;
    private readonly int _start;
    private readonly int _length;
    private string? _value;

    public YamlTreeScalar(int line, int column, string value, bool tagged = false) : base(line, column)
    {
        _source = _value = value;
        _length = value.Length;
        Tagged = tagged;
    }

    /// <summary>
    /// A scalar that reads as written: a stretch of the file's text, made a string only when asked for. Most are
    /// keys compared with known ones, or descriptions kept as UTF-8, so a large catalogue's load copies them once, not twice.
    /// </summary>
    public YamlTreeScalar(int line, int column, string text, int start, int length) : base(line, column)
    {
        _source = text;
        _start = start;
        _length = length;
    }

    public string Value => _value ??= _source.Substring(_start, _length);

    public ReadOnlySpan<char> Span => _source.AsSpan(_start, _length);

    /// <summary>Written with a tag (<c>!!str name</c>): YamlDotNet tells such a key from the plain one, and so do we.</summary>
    public bool Tagged { get; }

    public bool Is(string text) => Span.SequenceEqual(text);
}

internal sealed class YamlTreeSequence(int line, int column, List<YamlTreeNode> children) : YamlTreeNode(line, column)
{
    public List<YamlTreeNode> Children { get; } = children;
}

internal sealed class YamlTreeMapping(int line, int column, List<KeyValuePair<YamlTreeScalar, YamlTreeNode>> children) : YamlTreeNode(line, column)
{
    public List<KeyValuePair<YamlTreeScalar, YamlTreeNode>> Children { get; } = children;

    /// <summary>The value of the untagged key <paramref name="key"/>, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public YamlTreeNode? Value(string key)
    {
        foreach (var (name, value) in Children)
        {
            if (!name.Tagged && name.Is(key))
            {
                return value;
            }
        }
        return null;
    }
}
