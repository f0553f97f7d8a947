using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SkillBot.Cards.Templating;

/// <summary>JavaScript's <c>undefined</c>: a value that is not there (a missing field, an index out of
/// range). Distinct from JSON null, because the official engine treats the two differently.</summary>
internal sealed class Undefined
{
    public static readonly Undefined Value = new();

    private Undefined()
    {
    }
}

/// <summary>An array from the data, read in place: items are converted only when looked at.</summary>
internal sealed class DataArray(JsonArray array) : IReadOnlyList<object?>
{
    public JsonArray Array { get; } = array;

    public int Count => Array.Count;

    public object? this[int index] => TemplateValues.FromNode(Array[index]);

    public IEnumerator<object?> GetEnumerator() => Array.Select(TemplateValues.FromNode).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The values expressions work on, with the official (JavaScript) engine's semantics: null,
/// <see cref="Undefined"/>, bool, double (JavaScript has one number type), string,
/// <see cref="JsonObject"/> (read-only data), and <see cref="IReadOnlyList{T}"/> for arrays.</summary>
internal static class TemplateValues
{
    // Whole numbers up to 2^53 (exact in a double) are written as integers, larger ones as JavaScript writes them.
    private const double MaxExactInteger = 9007199254740992d;
    private const double JavaScriptEpsilon = 2.220446049250313e-16; // Number.EPSILON

    public static object? FromNode(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj,
        JsonArray array => new DataArray(array),
        JsonValue value => FromJsonValue(value),
        _ => null,
    };

    private static object? FromJsonValue(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetValue(out double number)
            ? number
            : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => null,
    };

    public static JsonNode? ToNode(object? value) => value switch
    {
        null or Undefined => null,
        bool flag => JsonValue.Create(flag),
        double number => NumberNode(number),
        string text => JsonValue.Create(text),
        JsonObject obj => obj.DeepClone(),
        DataArray data => data.Array.DeepClone(),
        IReadOnlyList<object?> list => new JsonArray(list.Select(ToNode).ToArray()),
        _ => throw new InvalidOperationException($"Unexpected template value {value.GetType().Name}"),
    };

    // Written as JavaScript writes numbers (5 not 5.0, 12345678901234567000 not 1.2345678901234567E+19).
    private static JsonNode NumberNode(double number) =>
        IsWhole(number) && Math.Abs(number) <= MaxExactInteger
            ? JsonValue.Create((long)number)
            : double.IsFinite(number) ? JsonNode.Parse(NumberText(number))! : throw new EvaluationException($"{NumberText(number)} is not a JSON number.");

    public static bool IsWhole(double number) => double.IsFinite(number) && Math.Floor(number) == number;

    /// <summary>JavaScript's truthiness as the expression language uses it: only false, null and
    /// undefined are false (0 and "" are true).</summary>
    public static bool IsTrue(object? value) => value switch
    {
        bool flag => flag,
        null or Undefined => false,
        _ => true,
    };

    public static bool IsNothing(object? value) => value is null or Undefined;

    /// <summary>How a value reads inside an interpolated string. Null and undefined read as "" (the
    /// official engine throws on them there; a card must never fail to render for a null).</summary>
    public static string Interpolate(object? value) => value switch
    {
        null or Undefined => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => NumberText(number),
        IReadOnlyList<object?> list => string.Join(",", list.Select(Interpolate)),
        JsonObject => "[object Object]",
        _ => value.ToString() ?? "",
    };

    /// <summary>Text for concat() and string(): like interpolation, but objects become JSON.</summary>
    public static string Stringify(object? value) => value switch
    {
        JsonObject obj => obj.ToJsonString(),
        _ => Interpolate(value),
    };

    /// <summary>JavaScript's Number.prototype.toString: the shortest digits that round-trip, written
    /// out in full from 1e-7 to 1e21, in exponent form outside that range.</summary>
    public static string NumberText(double number)
    {
        if (double.IsNaN(number))
        {
            return "NaN";
        }
        if (double.IsInfinity(number))
        {
            return number > 0 ? "Infinity" : "-Infinity";
        }
        if (number == 0)
        {
            return "0";
        }
        // "R" gives the shortest round-trip digits, e.g. "-1.2345E+19" or "0.25".
        var shortest = number.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        if (exponentAt < 0)
        {
            return shortest;
        }
        var sign = number < 0 ? "-" : "";
        var mantissa = shortest[..exponentAt].TrimStart('-');
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var power = int.Parse(shortest.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (power is >= 0 and < 21)
        {
            return sign + (digits.Length <= power + 1 ? digits.PadRight(power + 1, '0') : digits.Insert(power + 1, "."));
        }
        if (power is < 0 and >= -6)
        {
            return sign + "0." + new string('0', -power - 1) + digits;
        }
        return $"{sign}{mantissa}e{(power < 0 ? "-" : "+")}{Math.Abs(power)}";
    }

    /// <summary>The expression language's equality: null equals undefined, numbers within epsilon,
    /// arrays and objects by content.</summary>
    public static bool AreEqual(object? left, object? right)
    {
        if (IsNothing(left) || IsNothing(right))
        {
            return IsNothing(left) && IsNothing(right);
        }
        return (left, right) switch
        {
            (double a, double b) => Math.Abs(a - b) < JavaScriptEpsilon || a == b,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (bool a, bool b) => a == b,
            (IReadOnlyList<object?> a, IReadOnlyList<object?> b) => a.Count == b.Count && a.Zip(b).All(pair => AreEqual(pair.First, pair.Second)),
            (JsonObject a, JsonObject b) => JsonNode.DeepEquals(a, b),
            _ => false,
        };
    }

    /// <summary>A property by name, matched ignoring case (first match in key order), as the official
    /// engine looks properties up. Undefined when absent or when the instance has no properties.</summary>
    public static object? Property(object? instance, string name)
    {
        if (instance is not JsonObject obj)
        {
            return Undefined.Value;
        }
        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return FromNode(value);
            }
        }
        return Undefined.Value;
    }

    public static object? Element(object? instance, int index)
    {
        if (IsNothing(instance))
        {
            return Undefined.Value;
        }
        if (instance is not IReadOnlyList<object?> list)
        {
            throw new EvaluationException($"{Describe(instance)} is not a collection.");
        }
        if (index < 0 || index >= list.Count)
        {
            throw new EvaluationException($"{index} is out of range.");
        }
        return list[index];
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        Undefined => "undefined",
        string text => $"'{text}'",
        _ => Stringify(value),
    };

    /// <summary>The grouped fixed-point text the official engine's number formatting produces
    /// (d3-format ",.Nf": "," groups, "." decimals, U+2212 minus).</summary>
    public static string GroupedFixed(double number, int decimals)
    {
        var text = Math.Abs(number).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var isZero = text.All(c => c is '0' or '.' or ',');
        return number < 0 && !isZero ? "\u2212" + text : text;
    }

    public static string JoinText(IEnumerable<object?> items, string separator) =>
        string.Join(separator, items.Select(Interpolate));
}
