using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SkillBot.Core.Catalogue;

/// <summary>
/// Reads a catalogue file's YAML and collects every problem on the way, each at its file, line and column: the
/// parse (depth-guarded, one document), the shapes every catalogue file shares (a root key holding a list, named
/// entries with aliases, required text, unknown keys). What the names and levels mean is the builder's.
/// </summary>
internal abstract class CatalogueYaml
{
    public List<CatalogueProblem> Problems { get; } = [];

    public List<CatalogueProblem> Warnings { get; } = [];

    /// <summary>A file's YAML, parsed on its own: its root node (null when it has none to read) and the problems found.</summary>
    public sealed record ParsedFile(YamlTreeNode? Root, ImmutableArray<CatalogueProblem> Problems);

    /// <summary>Parses and records the problems found: the root node, or null when there is none to read.</summary>
    protected YamlTreeNode? Parse(CatalogueFile file) => Take(ParseAlone(file));

    /// <summary>Records the problems of a file parsed beforehand (<see cref="ParseAlone"/>, perhaps on another thread).</summary>
    protected YamlTreeNode? Take(ParsedFile parsed)
    {
        Problems.AddRange(parsed.Problems);
        return parsed.Root;
    }

    /// <summary>Parses one file, touching nothing shared: files can be parsed side by side.</summary>
    public static ParsedFile ParseAlone(CatalogueFile file) =>
        // Most files are plain YAML, which PlainYaml reads; anything else, and every problem, is YamlDotNet's.
        PlainYaml.TryRead(file.Text) is { } plain ? new(plain, []) : ParseWithYamlDotNet(file);

    /// <summary>Parses with YamlDotNet (depth-guarded, one document), turning whatever it refuses into a problem at its place.</summary>
    internal static ParsedFile ParseWithYamlDotNet(CatalogueFile file)
    {
        static ParsedFile Problem(CatalogueFile file, long line, long column, string message) =>
            new(null, [new CatalogueProblem(file.Path, (int)line, (int)column, message)]);

        var scanner = new Scanner(new StringReader(file.Text));
        var parser = new Parser(scanner);
        try
        {
            var stream = new YamlStream();
            stream.Load(new GuardedParser(parser, CatalogueLoader.MaxDepth));
            switch (stream.Documents.Count)
            {
                case 0:
                    return Problem(file, 1, 1, "the file is empty");
                case > 1:
                    var second = stream.Documents[1].RootNode;
                    return Problem(file, second.Start.Line, second.Start.Column, "a catalogue file holds one YAML document");
                default:
                    return new(YamlTreeNode.From(stream.Documents[0].RootNode), []);
            }
        }
        catch (GuardedParser.RefusedException e)
        {
            return Problem(file, e.At.Line, e.At.Column, e.Message);
        }
        catch (YamlException e)
        {
            var at = Where(e, scanner, parser);
            return Problem(file, at.Line, at.Column, $"YAML syntax: {SyntaxMessage(e)}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet fails this way on some broken text (the file ends inside an open [ or {, a malformed
            // tag or escape): report it where the parser got to, like any syntax error.
            var end = parser.Current?.End ?? scanner.CurrentPosition;
            var message = e is InvalidOperationException ? "the file ends inside an unclosed '[' or '{'" : e.Message;
            return Problem(file, end.Line, end.Column, $"YAML syntax: {message}");
        }
    }

    /// <summary>
    /// Where a YAML error is. YamlDotNet gives some errors no position (1:1, such as a tab used as indentation):
    /// then the scanner's position (for text it could not scan) or the event being read when it failed is.
    /// </summary>
    protected static Mark Where(YamlException e, Scanner scanner, Parser parser)
    {
        if (e.Start.Index > 0 || scanner.CurrentPosition.Index == 0)
        {
            return e.Start;
        }
        return e is SyntaxErrorException || parser.Current is not { Start.Index: > 0 } current ? scanner.CurrentPosition : current.Start;
    }

    /// <summary>YamlDotNet's message without its "(Line: 2, Col: 9, Idx: 29) - (...): " prefix: the position is reported separately.</summary>
    protected static string SyntaxMessage(YamlException e)
    {
        var message = e.Message;
        var prefixEnd = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line: ", StringComparison.Ordinal) && prefixEnd > 0)
        {
            message = message[(prefixEnd + 3)..];
        }
        message = message.Trim();
        const string duplicate = "Duplicate key ";
        return message.StartsWith(duplicate, StringComparison.Ordinal)
            ? $"the key '{message[duplicate.Length..]}' is given twice in one mapping"
            : message;
    }

    protected YamlTreeSequence? Root(CatalogueFile file, string key) => Root(file, [key]) is { } found ? found.List : null;

    /// <summary>
    /// The list under the one root key of <paramref name="keys"/> the file uses (levels.yaml has <c>levels:</c> or
    /// <c>tracks:</c>); a file with several of them, or none, is a problem.
    /// </summary>
    protected (string Key, YamlTreeSequence List)? Root(CatalogueFile file, string[] keys)
    {
        var expected = string.Join(" or ", keys.Select(k => $"'{k}:'"));
        if (Parse(file) is not { } root)
        {
            return null;
        }
        if (root is not YamlTreeMapping map)
        {
            Add(file, root, $"expected a mapping with {expected}");
            return null;
        }
        CheckKeys(file, map, keys);
        var present = keys.Where(k => map.Value(k) is not null).ToList();
        if (present.Count == 0)
        {
            Add(file, map, keys.Length == 1 ? $"missing required field '{keys[0]}'" : $"missing required field: {expected}");
            return null;
        }
        if (present.Count > 1)
        {
            var second = map.Children.Select(c => c.Key).First(k => k.Value == present[1]);
            Add(file, second, $"{string.Join(" and ", present.Select(k => $"'{k}'"))} cannot both be given: use one of them");
            return null;
        }
        var key = present[0];
        if (map.Value(key) is not YamlTreeSequence list)
        {
            Add(file, map.Value(key)!, $"'{key}' must be a list");
            return null;
        }
        return (key, list);
    }

    protected IEnumerable<(YamlTreeNode Node, string Name, ImmutableArray<string> Aliases)> NamedEntries(
        CatalogueFile file, YamlTreeSequence list, string kind) =>
        NamedEntries(file, list, kind, []).Select(e => (e.Node, e.Name, e.Aliases));

    /// <summary>Each entry of a list of named things, with its mapping for the keys beyond name and aliases (<paramref name="moreKeys"/>).</summary>
    protected IEnumerable<(YamlTreeNode Node, string Name, ImmutableArray<string> Aliases, YamlTreeMapping Map)> NamedEntries(
        CatalogueFile file, YamlTreeSequence list, string kind, string[] moreKeys)
    {
        foreach (var item in list.Children)
        {
            if (item is not YamlTreeMapping map)
            {
                Add(file, item, $"each {kind} must be a mapping with 'name' (and optionally {string.Join(", ", moreKeys.Prepend("aliases").Select(k => $"'{k}'"))})");
                continue;
            }
            CheckKeys(file, map, ["name", "aliases", .. moreKeys]);
            var aliases = Aliases(file, map);
            if (RequiredText(file, map, "name") is { } name)
            {
                yield return (Value(map, "name")!, name, aliases, map);
            }
        }
    }

    protected ImmutableArray<string> Aliases(CatalogueFile file, YamlTreeMapping map)
    {
        switch (Value(map, "aliases"))
        {
            case null:
                return [];
            case YamlTreeSequence list:
                var aliases = ImmutableArray.CreateBuilder<string>();
                foreach (var item in list.Children)
                {
                    if (ScalarText(item) is { Length: > 0 } alias && !string.IsNullOrWhiteSpace(alias))
                    {
                        aliases.Add(alias.Trim());
                    }
                    else
                    {
                        Add(file, item, "an alias must be non-empty text");
                    }
                }
                return aliases.ToImmutable();
            case var other:
                Add(file, other, "'aliases' must be a list, such as [DL, deep-learning]");
                return [];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected string? RequiredText(CatalogueFile file, YamlTreeMapping map, string key)
    {
        var node = Value(map, key);
        if (node is null)
        {
            Add(file, map, $"missing required field '{key}'");
            return null;
        }
        switch (ScalarText(node))
        {
            case null:
                Add(file, node, $"'{key}' must be text");
                return null;
            case var text when string.IsNullOrWhiteSpace(text):
                Add(file, node, $"'{key}' must not be empty");
                return null;
            case var text:
                return text.Trim();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected void CheckKeys(CatalogueFile file, YamlTreeMapping map, params ReadOnlySpan<string> known)
    {
        foreach (var (key, _) in map.Children)
        {
            if (!IsOneOf(key, known))
            {
                Add(file, key, $"unknown key '{key.Value}' (expected {string.Join(", ", known)})");
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsOneOf(YamlTreeScalar key, ReadOnlySpan<string> known)
    {
        foreach (var name in known)
        {
            if (key.Is(name))
            {
                return true;
            }
        }
        return false;
    }

    protected static YamlTreeNode? Value(YamlTreeMapping map, string key) => map.Value(key);

    protected static string? ScalarText(YamlTreeNode node) => node is YamlTreeScalar scalar ? scalar.Value : null;

    protected void Add(CatalogueFile file, YamlTreeNode node, string message) =>
        Problems.Add(new CatalogueProblem(file.Path, node.Line, node.Column, message));

    protected void Warn(CatalogueFile file, YamlTreeNode node, string message) =>
        Warnings.Add(new CatalogueProblem(file.Path, node.Line, node.Column, message, IsWarning: true));
}
