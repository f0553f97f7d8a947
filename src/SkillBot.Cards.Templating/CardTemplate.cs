using System.Text.Json;
using System.Text.Json.Nodes;

namespace SkillBot.Cards.Templating;

/// <summary>
/// An Adaptive Card template (the Adaptive Card Templating language: <c>${…}</c>, <c>$data</c>,
/// <c>$when</c>, <c>$root</c>, <c>$index</c>, <c>$host</c>), parsed once and expanded with data as
/// the official engine (adaptivecards-templating 2.3.1) would; see shared/docs/templating.md.
/// Deliberate differences, all for input the official engine throws on: a broken expression fails
/// at <see cref="Parse(string)"/>; null inside a string reads as ""; an expression that fails on its
/// data is left in place as <c>${…}</c> (so card validation catches it) instead of throwing; a
/// literal <c>${true}</c> keeps its type and a JSON boolean <c>$when</c> is honoured.
/// Immutable: one parsed template can expand concurrently (each call with its own data).
/// </summary>
public sealed class CardTemplate
{
    private static readonly HashSet<string> ReservedKeys = ["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"];

    private readonly Node _root;

    private CardTemplate(Node root) => _root = root;

    /// <exception cref="TemplateException">The JSON or an expression in it is invalid.</exception>
    public static CardTemplate Parse(string json)
    {
        JsonNode? template;
        try
        {
            template = JsonNode.Parse(json);
        }
        catch (JsonException error)
        {
            throw new TemplateException($"The template is not valid JSON: {error.Message}");
        }
        return Parse(template);
    }

    /// <exception cref="TemplateException">An expression in the template is invalid.</exception>
    public static CardTemplate Parse(JsonNode? template) => new(Compile(template, ""));

    /// <summary>The card for this data: <paramref name="data"/> is <c>$root</c> (and the first
    /// <c>$data</c>), <paramref name="host"/> is <c>$host</c>. Null when the root's <c>$when</c> is false.</summary>
    public JsonNode? Expand(JsonNode? data, JsonNode? host = null)
    {
        var root = TemplateValues.FromNode(data);
        var scope = new Scope(root, root, host is null ? Undefined.Value : TemplateValues.FromNode(host), Index: null);
        return Expand(_root, scope, out var result) ? result : null;
    }

    private abstract record Node;

    private sealed record ConstantNode(JsonNode? Value) : Node;

    private sealed record TextNode(TemplateText Text) : Node;

    private sealed record ArrayNode(IReadOnlyList<Node> Items) : Node;

    private sealed record ObjectNode(IReadOnlyList<KeyValuePair<string, Node>> Properties, Node? Data, Node? When) : Node;

    private static Node Compile(JsonNode? node, string pointer) => node switch
    {
        JsonObject obj => new ObjectNode(
            obj.Where(property => !ReservedKeys.Contains(property.Key))
                .Select(property => KeyValuePair.Create(property.Key, Compile(property.Value, $"{pointer}/{property.Key}")))
                .ToList(),
            CompileReserved(obj, "$data", pointer),
            CompileReserved(obj, "$when", pointer)),
        JsonArray array => new ArrayNode(array.Select((item, index) => Compile(item, $"{pointer}/{index}")).ToList()),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => CompileText(value.GetValue<string>(), pointer),
        _ => new ConstantNode(node?.DeepClone()),
    };

    private static Node? CompileReserved(JsonObject obj, string key, string pointer) =>
        obj.TryGetPropertyValue(key, out var value) ? Compile(value, $"{pointer}/{key}") : null;

    private static Node CompileText(string value, string pointer)
    {
        try
        {
            return TemplateText.TryParse(value) is { } text ? new TextNode(text) : new ConstantNode(JsonValue.Create(value));
        }
        catch (TemplateException error)
        {
            throw new TemplateException($"{(pointer.Length == 0 ? "/" : pointer)}: {error.Message}");
        }
    }

    // False when the result is JavaScript's undefined (a property then disappears).
    private static bool Expand(Node node, Scope scope, out JsonNode? result)
    {
        switch (node)
        {
            case TextNode text:
                return ExpandText(text.Text, scope, out result);
            case ArrayNode array:
                result = ExpandArray(array, scope);
                return true;
            case ObjectNode obj:
                result = ExpandObject(obj, scope);
                return true;
            case ConstantNode constant:
                result = constant.Value?.DeepClone();
                return true;
            default:
                throw new InvalidOperationException($"Unknown template node {node.GetType().Name}");
        }
    }

    private static bool ExpandText(TemplateText text, Scope scope, out JsonNode? result)
    {
        var value = Evaluate(text, scope, substitute: true);
        result = TemplateValues.ToNode(value);
        return value is not Undefined;
    }

    private static object? Evaluate(TemplateText text, Scope scope, bool substitute)
    {
        if (text.WholeValue is { } whole)
        {
            return TryEvaluate(whole, scope, substitute);
        }
        return string.Concat(text.Parts.Select(part => part switch
        {
            TemplateText.Binding binding => TemplateValues.Interpolate(TryEvaluate(binding.Expression, scope, substitute)),
            TemplateText.Literal literal => literal.Text,
            _ => "",
        }));
    }

    // An expression that fails on this data stays visible as ${…}, as the official engine leaves it in strings.
    private static object? TryEvaluate(Expression expression, Scope scope, bool substitute)
    {
        try
        {
            return expression.Evaluate(scope, substitute);
        }
        catch (EvaluationException)
        {
            return "${" + expression.Text + "}";
        }
    }

    // Items expanding to null disappear and arrays are spliced in: that is how "$data" repeats an element.
    private static JsonArray ExpandArray(ArrayNode array, Scope scope)
    {
        var result = new JsonArray();
        foreach (var item in array.Items)
        {
            if (!Expand(item, scope, out var expanded))
            {
                result.Add(null);
            }
            else if (expanded is JsonArray repeated)
            {
                var items = repeated.ToList();
                repeated.Clear();
                items.ForEach(result.Add);
            }
            else if (expanded is not null)
            {
                result.Add(expanded);
            }
        }
        return result;
    }

    // One copy per $data item that passes $when: none → null, one → the object, more → an array.
    private static JsonNode? ExpandObject(ObjectNode obj, Scope scope)
    {
        var copies = new List<JsonObject>();
        foreach (var itemScope in DataScopes(obj, scope))
        {
            if (obj.When is null || IsTrue(obj.When, itemScope))
            {
                copies.Add(ExpandProperties(obj, itemScope));
            }
        }
        return copies.Count switch
        {
            0 => null,
            1 => copies[0],
            _ => new JsonArray(copies.ToArray<JsonNode?>()),
        };
    }

    private static IEnumerable<Scope> DataScopes(ObjectNode obj, Scope scope)
    {
        if (obj.Data is null)
        {
            return [scope];
        }
        return DataValue(obj.Data, scope) switch
        {
            IReadOnlyList<object?> items => items.Select((item, index) => scope.WithItem(item, index)),
            Undefined => [scope],
            var data => [scope.WithData(data)],
        };
    }

    // "$data" is an expression, or a literal object or array used as it is.
    private static object? DataValue(Node data, Scope scope) => data switch
    {
        TextNode text => Evaluate(text.Text, scope, substitute: true),
        ConstantNode constant => TemplateValues.FromNode(constant.Value),
        ObjectNode or ArrayNode => TemplateValues.FromNode(Expand(data, scope, out var literal) ? literal : null),
        _ => null,
    };

    // $when keeps the object only for a boolean true; a missing field is false, not "${field}".
    private static bool IsTrue(Node when, Scope scope) => when switch
    {
        TextNode text => Evaluate(text.Text, scope, substitute: false) is true,
        ConstantNode { Value: JsonValue value } => value.GetValueKind() == JsonValueKind.True,
        _ => false,
    };

    private static JsonObject ExpandProperties(ObjectNode obj, Scope scope)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj.Properties)
        {
            if (Expand(value, scope, out var expanded))
            {
                result[key] = expanded;
            }
        }
        return result;
    }
}
