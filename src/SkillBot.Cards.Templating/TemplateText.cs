using System.Text;

namespace SkillBot.Cards.Templating;

/// <summary>A template string value holding at least one <c>${…}</c>: literal text and expressions.
/// A value that is exactly one expression keeps the expression's JSON type; anything else is text.</summary>
internal sealed record TemplateText(IReadOnlyList<TemplateText.Part> Parts)
{
    internal abstract record Part;

    internal sealed record Literal(string Text) : Part;

    internal sealed record Binding(Expression Expression) : Part;

    /// <summary>The one expression when the whole value is <c>${…}</c>, else null.</summary>
    public Expression? WholeValue => Parts is [Binding binding] ? binding.Expression : null;

    /// <summary>Null when <paramref name="value"/> has no expression (it is then used as it is).
    /// <c>\${</c> is a literal <c>${</c>; an unclosed <c>${</c> is left as text, as the official engine does.</summary>
    public static TemplateText? TryParse(string value)
    {
        if (!value.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == '\\' && At(value, i + 1, "${"))
            {
                literal.Append("${");
                i += 3;
            }
            else if (At(value, i, "${") && EndOfExpression(value, i + 2) is { } close)
            {
                if (literal.Length > 0)
                {
                    parts.Add(new Literal(literal.ToString()));
                    literal.Clear();
                }
                parts.Add(new Binding(ExpressionParser.Parse(value[(i + 2)..close])));
                i = close + 1;
            }
            else
            {
                literal.Append(value[i++]);
            }
        }
        if (literal.Length > 0)
        {
            parts.Add(new Literal(literal.ToString()));
        }
        return new TemplateText(parts);
    }

    private static bool At(string value, int index, string text) => string.CompareOrdinal(value, index, text, 0, text.Length) == 0;

    // The '}' that ends an expression starting at 'start'. When brackets or quotes don't balance, the
    // first '}' still ends it, so the parser reports the broken expression; with no '}' at all the
    // text stays as it is, as the official engine leaves "price ${ amount".
    private static int? EndOfExpression(string value, int start)
    {
        var balanced = ClosingBrace(value, start);
        var first = value.IndexOf('}', start);
        return balanced ?? (first < 0 ? null : first);
    }

    // The '}' that ends an expression, skipping quoted strings and nested brackets.
    private static int? ClosingBrace(string value, int start)
    {
        var depth = 0;
        for (var i = start; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '\'' or '"':
                    var quote = value[i];
                    for (i++; i < value.Length && value[i] != quote; i++)
                    {
                        if (value[i] == '\\')
                        {
                            i++;
                        }
                    }
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case '}' when depth == 0:
                    return i;
                case '}':
                    depth--;
                    break;
            }
        }
        return null;
    }
}
