using System.Globalization;
using System.Text;

namespace SkillBot.Cards.Templating;

/// <summary>A parsed Adaptive Expression (the part between <c>${</c> and <c>}</c>), evaluated with the
/// official engine's semantics. <paramref name="Text"/> is the source, for messages and for leaving a
/// failed expression in place.</summary>
internal abstract record Expression(string Text)
{
    /// <param name="substitute">Whether a missing field reads as the text <c>${path}</c>. The official
    /// engine does this everywhere except inside conditions (<c>! &amp;&amp; ||</c>, comparisons,
    /// <c>exists</c>, <c>empty</c>, the condition of <c>if</c>) and <c>$when</c>, where missing is just missing.</param>
    public abstract object? Evaluate(Scope scope, bool substitute);
}

internal sealed record LiteralExpression(object? Value, string Text) : Expression(Text)
{
    public override object? Evaluate(Scope scope, bool substitute) => Value;
}

/// <summary>A name (<c>title</c>, <c>$root</c>, a lambda variable), <c>a.b</c> or <c>a[0]</c>. Chains of
/// these are resolved as one path, so a missing value can be reported as <c>${a.b[0].c}</c>.</summary>
internal abstract record PathExpression(string Text) : Expression(Text);

internal sealed record NameExpression(string Name, string Text) : PathExpression(Text)
{
    public override object? Evaluate(Scope scope, bool substitute) => Paths.Evaluate(this, scope, substitute);
}

internal sealed record MemberExpression(Expression Target, string Name, string Text) : PathExpression(Text)
{
    public override object? Evaluate(Scope scope, bool substitute) => Paths.Evaluate(this, scope, substitute);
}

internal sealed record IndexExpression(Expression Target, Expression Index, string Text) : PathExpression(Text)
{
    // Outermost a[i] is an element access (no ${path} substitution), as in the official engine;
    // inside a longer path (a[i].b) it is part of the path.
    public override object? Evaluate(Scope scope, bool substitute)
    {
        var instance = Target.Evaluate(scope, substitute);
        return Index.Evaluate(scope, substitute: false) switch
        {
            double position when TemplateValues.IsWhole(position) => TemplateValues.Element(instance, (int)position),
            string key => TemplateValues.Property(instance, key),
            var other => throw new EvaluationException($"{Index.Text} is {TemplateValues.Describe(other)}, not an index or a property name."),
        };
    }
}

internal sealed record CallExpression(TemplateFunction Function, IReadOnlyList<Expression> Arguments, string Text) : Expression(Text)
{
    public override object? Evaluate(Scope scope, bool substitute) => Function.Invoke(Arguments, scope, substitute);
}

internal sealed record UnaryExpression(string Operator, Expression Operand, string Text) : Expression(Text)
{
    public override object? Evaluate(Scope scope, bool substitute) => Operator switch
    {
        "!" => (object)!Conditions.IsTrue(Operand, scope),
        "-" => -Operators.Number(Operand.Evaluate(scope, substitute), Text),
        _ => Operators.Number(Operand.Evaluate(scope, substitute), Text),
    };
}

internal sealed record BinaryExpression(string Operator, Expression Left, Expression Right, string Text) : Expression(Text)
{
    public override object? Evaluate(Scope scope, bool substitute) => Operator switch
    {
        "&&" => (object)(Conditions.IsTrue(Left, scope) && Conditions.IsTrue(Right, scope)),
        "||" => Conditions.IsTrue(Left, scope) || Conditions.IsTrue(Right, scope),
        "==" => Conditions.Compare(Left, Right, scope, TemplateValues.AreEqual),
        "!=" => Conditions.Compare(Left, Right, scope, (a, b) => !TemplateValues.AreEqual(a, b)),
        "<" or ">" or "<=" or ">=" => Conditions.Compare(Left, Right, scope, (a, b) => Operators.Order(Operator, a, b, Text)),
        "+" => Operators.Add(Left.Evaluate(scope, substitute), Right.Evaluate(scope, substitute), Text),
        _ => (object)Operators.Arithmetic(Operator, Left.Evaluate(scope, substitute), Right.Evaluate(scope, substitute), Text),
    };
}

/// <summary>Conditions evaluate without <c>${path}</c> substitution, and a condition that fails
/// to evaluate is false, as in the official engine.</summary>
internal static class Conditions
{
    public static bool IsTrue(Expression expression, Scope scope)
    {
        try
        {
            return TemplateValues.IsTrue(expression.Evaluate(scope, substitute: false));
        }
        catch (EvaluationException)
        {
            return false;
        }
    }

    public static bool Compare(Expression left, Expression right, Scope scope, Func<object?, object?, bool> compare)
    {
        object? a, b;
        try
        {
            a = left.Evaluate(scope, substitute: false);
            b = right.Evaluate(scope, substitute: false);
        }
        catch (EvaluationException)
        {
            return false;
        }
        return compare(a, b);
    }
}

internal static class Operators
{
    public static double Number(object? value, string expression) =>
        value as double? ?? throw new EvaluationException($"{TemplateValues.Describe(value)} in {expression} is not a number.");

    public static bool Order(string op, object? left, object? right, string expression)
    {
        if (TemplateValues.IsNothing(left) || TemplateValues.IsNothing(right))
        {
            return false;
        }
        var order = (left, right) switch
        {
            (double a, double b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => throw new EvaluationException($"{TemplateValues.Describe(left)} and {TemplateValues.Describe(right)} in {expression} cannot be compared."),
        };
        return op switch
        {
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            _ => order >= 0,
        };
    }

    // Numbers add; otherwise strings concatenate, null reading as "" (a null next to a number is an error).
    public static object Add(object? left, object? right, string expression)
    {
        if (left is double a && right is double b)
        {
            return a + b;
        }
        if ((TemplateValues.IsNothing(left) && right is double) || (TemplateValues.IsNothing(right) && left is double))
        {
            throw new EvaluationException($"{expression}: cannot add a number and null.");
        }
        if (left is not (null or Undefined or string or double) || right is not (null or Undefined or string or double))
        {
            throw new EvaluationException($"{expression}: + works on numbers and strings only.");
        }
        return TemplateValues.Interpolate(left) + TemplateValues.Interpolate(right);
    }

    public static double Arithmetic(string op, object? left, object? right, string expression)
    {
        var a = Number(left, expression);
        var b = Number(right, expression);
        return op switch
        {
            "-" => a - b,
            "*" => a * b,
            "/" => Divide(a, b, expression),
            _ => b == 0 ? throw new EvaluationException($"{expression}: cannot divide by 0.") : a % b,
        };
    }

    // The expression language divides whole numbers as integers (7 / 2 is 3, -7 / 2 is -4).
    private static double Divide(double a, double b, string expression)
    {
        if (b == 0)
        {
            throw new EvaluationException($"{expression}: cannot divide by 0.");
        }
        return TemplateValues.IsWhole(a) && TemplateValues.IsWhole(b) ? Math.Floor(a / b) : a / b;
    }
}

/// <summary>Resolves name/member/index chains the way the official engine's memory does.</summary>
internal static class Paths
{
    private abstract record Step;

    private sealed record KeyStep(string Key, bool Bracketed = false) : Step;

    private sealed record PositionStep(double Position) : Step;

    public static object? Evaluate(PathExpression expression, Scope scope, bool substitute)
    {
        var steps = new List<Step>();
        Expression current = expression;
        while (true)
        {
            if (current is MemberExpression member)
            {
                steps.Add(new KeyStep(member.Name));
                current = member.Target;
            }
            else if (current is IndexExpression index)
            {
                steps.Add(IndexStep(index, scope, substitute));
                current = index.Target;
            }
            else
            {
                break;
            }
        }
        steps.Reverse();
        object? value;
        string path;
        if (current is NameExpression name)
        {
            value = Lookup(scope, name.Name, steps);
            path = name.Name + Render(steps);
        }
        else
        {
            // e.g. first(items).title: the path starts after the call, as the official engine reports it.
            value = Walk(current.Evaluate(scope, substitute), steps);
            path = Render(steps).TrimStart('.');
        }
        return value is Undefined && substitute ? "${" + path + "}" : value;
    }

    private static Step IndexStep(IndexExpression index, Scope scope, bool substitute) => index.Index.Evaluate(scope, substitute) switch
    {
        double position => new PositionStep(position),
        string key => new KeyStep(key, Bracketed: true),
        var other => throw new EvaluationException($"{index.Index.Text} is {TemplateValues.Describe(other)}, not an index or a property name."),
    };

    private static object? Lookup(Scope scope, string name, List<Step> steps)
    {
        for (var local = scope.Locals; local is not null; local = local.Outer)
        {
            if (string.Equals(local.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                var value = Walk(local.Value, steps);
                if (value is not Undefined)
                {
                    return value;
                }
            }
        }
        var root = name.StartsWith('$') ? ContextValue(scope, name) : TemplateValues.Property(scope.Data, name);
        return Walk(root, steps);
    }

    private static object? ContextValue(Scope scope, string name) => name.ToLowerInvariant() switch
    {
        "$root" => scope.Root,
        "$data" => scope.Data,
        "$index" => scope.Index is { } index ? index : Undefined.Value,
        "$host" => scope.Host,
        _ => Undefined.Value,
    };

    private static object? Walk(object? value, List<Step> steps)
    {
        foreach (var step in steps)
        {
            value = step switch
            {
                PositionStep { Position: var position } when value is IReadOnlyList<object?> list =>
                    TemplateValues.IsWhole(position) && position >= 0 && position < list.Count ? list[(int)position] : Undefined.Value,
                PositionStep { Position: var position } => TemplateValues.Property(value, TemplateValues.NumberText(position)),
                KeyStep { Key: var key } => TemplateValues.Property(value, key),
                _ => Undefined.Value,
            };
            if (value is Undefined)
            {
                return value;
            }
        }
        return value;
    }

    private static string Render(List<Step> steps)
    {
        var text = new StringBuilder();
        foreach (var step in steps)
        {
            text.Append(step switch
            {
                KeyStep { Key: var key, Bracketed: true } => "['" + key + "']",
                KeyStep { Key: var key } => "." + key,
                PositionStep { Position: var position } => "[" + position.ToString(CultureInfo.InvariantCulture) + "]",
                _ => "",
            });
        }
        return text.ToString();
    }
}
