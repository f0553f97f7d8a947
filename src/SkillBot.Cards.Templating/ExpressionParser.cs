using System.Globalization;
using System.Text;

namespace SkillBot.Cards.Templating;

/// <summary>Parses one Adaptive Expression (the text between <c>${</c> and <c>}</c>) into an
/// <see cref="Expression"/>. Precedence, lowest first, as in the expression language's grammar:
/// <c>||</c>, <c>&amp;&amp;</c>, <c>&lt; &lt;= &gt; &gt;=</c>, <c>== !=</c>, <c>+ -</c>, <c>* / %</c>,
/// unary <c>! - +</c>, then member access, indexing and calls.</summary>
internal sealed class ExpressionParser
{
    private enum Kind
    {
        Number,
        String,
        Name,
        Symbol,
        End,
    }

    private sealed record Token(Kind Kind, string Text, object? Value, int Start, int End);

    private static readonly string[] Symbols = ["&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", "."];

    private readonly string _source;
    private readonly List<Token> _tokens;
    private int _position;

    private ExpressionParser(string source)
    {
        _source = source;
        _tokens = Tokenize(source);
    }

    public static Expression Parse(string source)
    {
        var parser = new ExpressionParser(source);
        if (parser.Current.Kind == Kind.End)
        {
            throw parser.Error("empty expression");
        }
        var expression = parser.ParseOr();
        if (parser.Current.Kind != Kind.End)
        {
            throw parser.Error($"unexpected '{parser.Current.Text}'");
        }
        return expression;
    }

    private Token Current => _tokens[_position];

    private Expression ParseOr() => ParseBinary(ParseAnd, "||");

    private Expression ParseAnd() => ParseBinary(ParseRelational, "&&");

    private Expression ParseRelational() => ParseBinary(ParseEquality, "<", "<=", ">", ">=");

    private Expression ParseEquality() => ParseBinary(ParseAdditive, "==", "!=");

    private Expression ParseAdditive() => ParseBinary(ParseMultiplicative, "+", "-");

    private Expression ParseMultiplicative() => ParseBinary(ParseUnary, "*", "/", "%");

    private Expression ParseBinary(Func<Expression> operand, params string[] operators)
    {
        var start = Current.Start;
        var left = operand();
        while (Current.Kind == Kind.Symbol && operators.Contains(Current.Text))
        {
            var op = Current.Text;
            _position++;
            var right = operand();
            left = new BinaryExpression(op, left, right, TextFrom(start));
        }
        return left;
    }

    private Expression ParseUnary()
    {
        if (Current.Kind == Kind.Symbol && Current.Text is "!" or "-" or "+")
        {
            var start = Current.Start;
            var op = Current.Text;
            _position++;
            var operand = ParseUnary();
            return new UnaryExpression(op, operand, TextFrom(start));
        }
        return ParsePostfix();
    }

    private Expression ParsePostfix()
    {
        var start = Current.Start;
        var expression = ParsePrimary();
        while (Current.Kind == Kind.Symbol)
        {
            if (Current.Text == ".")
            {
                _position++;
                var name = Expect(Kind.Name, "a property name after '.'");
                expression = new MemberExpression(expression, name.Text, TextFrom(start));
            }
            else if (Current.Text == "[")
            {
                _position++;
                var index = ParseOr();
                ExpectSymbol("]");
                expression = new IndexExpression(expression, index, TextFrom(start));
            }
            else
            {
                break;
            }
        }
        return expression;
    }

    private Expression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case Kind.Number:
            case Kind.String:
                _position++;
                return new LiteralExpression(token.Value, token.Text);
            case Kind.Name:
                _position++;
                if (Current.Kind == Kind.Symbol && Current.Text == "(")
                {
                    return ParseCall(token);
                }
                return token.Text switch
                {
                    "true" => new LiteralExpression(true, token.Text),
                    "false" => new LiteralExpression(false, token.Text),
                    "null" => new LiteralExpression(null, token.Text),
                    _ => new NameExpression(token.Text, token.Text),
                };
            case Kind.Symbol when token.Text == "(":
                _position++;
                var inner = ParseOr();
                ExpectSymbol(")");
                return inner;
            case Kind.End:
                throw Error("the expression ends too early");
            default:
                throw Error($"unexpected '{token.Text}'");
        }
    }

    private Expression ParseCall(Token name)
    {
        var function = TemplateFunctions.Find(name.Text)
            ?? throw Error($"unknown function '{name.Text}' (supported: {string.Join(", ", TemplateFunctions.Names)})", name);
        _position++; // (
        var arguments = new List<Expression>();
        if (!(Current.Kind == Kind.Symbol && Current.Text == ")"))
        {
            arguments.Add(ParseOr());
            while (Current.Kind == Kind.Symbol && Current.Text == ",")
            {
                _position++;
                arguments.Add(ParseOr());
            }
        }
        ExpectSymbol(")");
        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            var expected = function.MinArguments == function.MaxArguments
                ? function.MinArguments.ToString(CultureInfo.InvariantCulture)
                : $"{function.MinArguments} to {(function.MaxArguments == int.MaxValue ? "any" : function.MaxArguments.ToString(CultureInfo.InvariantCulture))}";
            throw Error($"{function.Name} takes {expected} argument(s), not {arguments.Count}", name);
        }
        if (function.TakesLambda && arguments[1] is not NameExpression)
        {
            throw Error($"the second argument of {function.Name} must be a variable name, as in {function.Name}(items, x, x.done)", name);
        }
        return new CallExpression(function, arguments, TextFrom(name.Start));
    }

    private Token Expect(Kind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Error($"expected {what}");
        }
        return _tokens[_position++];
    }

    private void ExpectSymbol(string symbol)
    {
        if (!(Current.Kind == Kind.Symbol && Current.Text == symbol))
        {
            throw Error($"expected '{symbol}'");
        }
        _position++;
    }

    private string TextFrom(int start) => _source[start.._tokens[_position - 1].End].Trim();

    private TemplateException Error(string message, Token? at = null) =>
        new($"{message} at position {(at ?? Current).Start + 1} of expression '{_source}'");

    private static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(source, ref i));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(ReadString(source, ref i));
            }
            else if (IsNameStart(c))
            {
                var start = i++;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }
                tokens.Add(new Token(Kind.Name, source[start..i], null, start, i));
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(source, i, s, 0, s.Length) == 0)
                    ?? throw new TemplateException($"unexpected character '{c}' at position {i + 1} of expression '{source}'");
                tokens.Add(new Token(Kind.Symbol, symbol, null, i, i + symbol.Length));
                i += symbol.Length;
            }
        }
        tokens.Add(new Token(Kind.End, "end", null, source.Length, source.Length));
        return tokens;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or '$' or '@' or '#';

    private static Token ReadNumber(string source, ref int i)
    {
        var start = i;
        while (i < source.Length && char.IsAsciiDigit(source[i]))
        {
            i++;
        }
        if (i + 1 < source.Length && source[i] == '.' && char.IsAsciiDigit(source[i + 1]))
        {
            i++;
            while (i < source.Length && char.IsAsciiDigit(source[i]))
            {
                i++;
            }
        }
        var text = source[start..i];
        return new Token(Kind.Number, text, double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), start, i);
    }

    private static Token ReadString(string source, ref int i)
    {
        var start = i;
        var quote = source[i++];
        var value = new StringBuilder();
        while (i < source.Length && source[i] != quote)
        {
            if (source[i] == '\\' && i + 1 < source.Length)
            {
                i++;
                value.Append(source[i] switch
                {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    var other => other,
                });
            }
            else
            {
                value.Append(source[i]);
            }
            i++;
        }
        if (i >= source.Length)
        {
            throw new TemplateException($"unterminated string at position {start + 1} of expression '{source}'");
        }
        i++;
        return new Token(Kind.String, source[start..i], value.ToString(), start, i);
    }
}
