using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static SkillBot.Cards.Templating.TemplateValues;

namespace SkillBot.Cards.Templating;

/// <summary>A built-in function of the expression language. <see cref="Invoke"/> gets the argument
/// expressions unevaluated, so conditions and lambdas can evaluate them their own way.</summary>
internal sealed record TemplateFunction(
    string Name,
    int MinArguments,
    int MaxArguments,
    Func<IReadOnlyList<Expression>, Scope, bool, object?> Invoke,
    bool TakesLambda = false);

/// <summary>The functions card templates use, with the official engine's results for valid input.
/// Where the official engine throws on null (toUpper, concat, …) these read null as "" instead.</summary>
internal static partial class TemplateFunctions
{
    private static readonly Dictionary<string, TemplateFunction> ByName = new TemplateFunction[]
    {
        Condition("exists", value => !IsNothing(value)),
        Condition("empty", IsEmpty),
        new("if", 3, 3, (args, scope, substitute) =>
            Conditions.IsTrue(args[0], scope) ? args[1].Evaluate(scope, substitute) : args[2].Evaluate(scope, substitute)),
        Eager("count", 1, 1, args => args[0] switch
        {
            string text => (double)text.Length,
            IReadOnlyList<object?> list => (double)list.Count,
            var other => throw Fail($"count() needs a list or a string, not {Describe(other)}"),
        }),
        Eager("length", 1, 1, args => (double)Text(args[0], "length").Length),
        Eager("join", 2, 3, Join),
        Eager("concat", 1, int.MaxValue, args => args.Skip(1).Aggregate(args[0], Concat)),
        Eager("toUpper", 1, 1, args => Text(args[0], "toUpper").ToUpperInvariant()),
        Eager("toLower", 1, 1, args => Text(args[0], "toLower").ToLowerInvariant()),
        Eager("trim", 1, 1, args => Text(args[0], "trim").Trim()),
        Eager("substring", 2, 3, Substring),
        Eager("replace", 3, 3, Replace),
        Eager("split", 2, 2, args => Split(Text(args[0], "split"), Text(args[1], "split"))),
        Eager("contains", 2, 2, args => Contains(args[0], args[1])),
        Eager("startsWith", 2, 2, args => Text(args[0], "startsWith").StartsWith(Text(args[1], "startsWith"), StringComparison.Ordinal)),
        Eager("endsWith", 2, 2, args => Text(args[0], "endsWith").EndsWith(Text(args[1], "endsWith"), StringComparison.Ordinal)),
        Eager("indexOf", 2, 2, args => IndexOf(args)),
        Eager("formatNumber", 2, 2, FormatNumber),
        Eager("string", 1, 1, args => StringOf(args[0])),
        Eager("int", 1, 1, args => Int(args[0])),
        Eager("float", 1, 1, args => Float(args[0])),
        Eager("first", 1, 1, args => Pick(args[0], first: true)),
        Eager("last", 1, 1, args => Pick(args[0], first: false)),
        Eager("take", 2, 2, args => Slice(args[0], args[1], take: true)),
        Eager("skip", 2, 2, args => Slice(args[0], args[1], take: false)),
        Lambda("where", (item, result) => IsTrue(result) ? [item] : []),
        Lambda("select", (_, result) => [result]),
    }.ToDictionary(function => function.Name, StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*[+-]?\d+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingInteger();

    [GeneratedRegex(@"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingFloat();

    public static IEnumerable<string> Names => ByName.Keys.Order(StringComparer.Ordinal);

    // Function names are case-sensitive, as in the official engine.
    public static TemplateFunction? Find(string name) => ByName.GetValueOrDefault(name);

    private static TemplateFunction Eager(string name, int min, int max, Func<object?[], object?> body) =>
        new(name, min, max, (args, scope, substitute) => body(args.Select(arg => arg.Evaluate(scope, substitute)).ToArray()));

    // exists/empty look at the value itself: a missing field is missing, not the text "${field}".
    private static TemplateFunction Condition(string name, Func<object?, bool> test) =>
        new(name, 1, 1, (args, scope, _) =>
        {
            try
            {
                return test(args[0].Evaluate(scope, substitute: false));
            }
            catch (EvaluationException)
            {
                return false;
            }
        });

    private static TemplateFunction Lambda(string name, Func<object?, object?, IEnumerable<object?>> map) =>
        new(name, 3, 3, (args, scope, substitute) =>
        {
            var variable = ((NameExpression)args[1]).Name;
            var items = args[0].Evaluate(scope, substitute) as IReadOnlyList<object?>
                ?? throw Fail($"{name}() needs a list as its first argument");
            return items.SelectMany(item => map(item, args[2].Evaluate(scope.WithLocal(variable, item), substitute))).ToList();
        }, TakesLambda: true);

    private static EvaluationException Fail(string message) => new(message);

    private static string Text(object? value, string function) => value switch
    {
        null or Undefined => "",
        string text => text,
        _ => throw Fail($"{function}() needs a string, not {Describe(value)}"),
    };

    private static int WholeNumber(object? value, string function) =>
        value is double number && IsWhole(number) && Math.Abs(number) <= int.MaxValue
            ? (int)number
            : throw Fail($"{function}() needs a whole number, not {Describe(value)}");

    private static bool IsEmpty(object? value) => value switch
    {
        null or Undefined => true,
        string text => text.Length == 0,
        IReadOnlyList<object?> list => list.Count == 0,
        JsonObject obj => obj.Count == 0,
        _ => false,
    };

    private static object Join(object?[] args)
    {
        var items = args[0] as IReadOnlyList<object?> ?? throw Fail($"join() needs a list, not {Describe(args[0])}");
        var separator = Text(args[1], "join");
        if (args.Length == 2 || items.Count < 2)
        {
            return JoinText(items, separator);
        }
        return JoinText(items.Take(items.Count - 1), separator) + Text(args[2], "join") + Interpolate(items[^1]);
    }

    // Text concatenation (null as ""); the official engine turns lists into text here too ("1,2").
    private static object? Concat(object? left, object? right) => Stringify(left) + Stringify(right);

    private static object Substring(object?[] args)
    {
        var text = Text(args[0], "substring");
        var start = WholeNumber(args[1], "substring");
        var length = args.Length > 2 ? WholeNumber(args[2], "substring") : text.Length - start;
        if (start < 0 || start > text.Length || length < 0 || start + length > text.Length)
        {
            throw Fail($"substring({Describe(text)}, {start}, {length}) is out of range");
        }
        return text.Substring(start, length);
    }

    private static object Replace(object?[] args)
    {
        var oldText = Text(args[1], "replace");
        if (oldText.Length == 0)
        {
            throw Fail("replace() cannot replace an empty string");
        }
        return Text(args[0], "replace").Replace(oldText, Text(args[2], "replace"), StringComparison.Ordinal);
    }

    private static List<object?> Split(string text, string separator) => separator.Length == 0
        ? text.Select(c => (object?)c.ToString()).ToList()
        : text.Split(separator).Select(part => (object?)part).ToList();

    private static bool Contains(object? collection, object? item) => collection switch
    {
        string text => item is string part && text.Contains(part, StringComparison.Ordinal),
        IReadOnlyList<object?> list => list.Any(element => AreEqual(element, item)),
        JsonObject obj => item is string key && obj.ContainsKey(key),
        _ => false,
    };

    private static double IndexOf(object?[] args) => args[0] switch
    {
        IReadOnlyList<object?> list => list.Select((element, index) => (element, index)).FirstOrDefault(pair => AreEqual(pair.element, args[1]), (null, -1)).index,
        var text => Text(text, "indexOf").IndexOf(Text(args[1], "indexOf"), StringComparison.Ordinal),
    };

    // The official engine rounds half up at the requested precision, then groups thousands with ","
    // (locale-independent here: cards must not change with the server's culture).
    private static object FormatNumber(object?[] args)
    {
        var number = args[0] as double? ?? throw Fail($"formatNumber() needs a number, not {Describe(args[0])}");
        var decimals = WholeNumber(args[1], "formatNumber");
        if (decimals is < 0 or > 20)
        {
            throw Fail($"formatNumber() precision must be 0 to 20, not {decimals}");
        }
        var scale = Math.Pow(10, decimals);
        return GroupedFixed(RoundHalfUp(number * scale) / scale, decimals);
    }

    // JavaScript's Math.round: halves go towards +infinity.
    private static double RoundHalfUp(double value)
    {
        var floor = Math.Floor(value);
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    private static object StringOf(object? value) => value switch
    {
        string text => text,
        double number => GroupedFixed(number, FractionDigits(number)),
        IReadOnlyList<object?> list => ToNode(list)!.ToJsonString(),
        _ => Stringify(value),
    };

    private static int FractionDigits(double number)
    {
        var text = NumberText(number);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 || text.Contains('e', StringComparison.Ordinal) ? 0 : text.Length - point - 1;
    }

    // parseInt: the leading whole number of a string; a number is truncated.
    private static object Int(object? value) => value switch
    {
        double number => Math.Truncate(number),
        string text when LeadingNumber(text, allowFraction: false) is { } number => number,
        _ => throw Fail($"int() needs a number or a numeric string, not {Describe(value)}"),
    };

    private static object Float(object? value) => value switch
    {
        double number => number,
        string text when LeadingNumber(text, allowFraction: true) is { } number => number,
        _ => throw Fail($"float() needs a number or a numeric string, not {Describe(value)}"),
    };

    // parseInt / parseFloat: the longest number at the start of the text.
    private static double? LeadingNumber(string text, bool allowFraction)
    {
        var match = (allowFraction ? LeadingFloat() : LeadingInteger()).Match(text);
        return match.Success ? double.Parse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
    }

    private static object? Pick(object? collection, bool first) => collection switch
    {
        string { Length: > 0 } text => (first ? text[0] : text[^1]).ToString(),
        IReadOnlyList<object?> { Count: > 0 } list => first ? list[0] : list[^1],
        _ => Undefined.Value,
    };

    private static object Slice(object? collection, object? count, bool take)
    {
        var n = WholeNumber(count, take ? "take" : "skip");
        if (n < 0)
        {
            throw Fail($"{(take ? "take" : "skip")}() needs a count of 0 or more, not {n}");
        }
        return collection switch
        {
            string text => take ? text[..Math.Min(n, text.Length)] : text[Math.Min(n, text.Length)..],
            IReadOnlyList<object?> list => (take ? list.Take(n) : list.Skip(n)).ToList(),
            _ => throw Fail($"{(take ? "take" : "skip")}() needs a list or a string, not {Describe(collection)}"),
        };
    }
}
