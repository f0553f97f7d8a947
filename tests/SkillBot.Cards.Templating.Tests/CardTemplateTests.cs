using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SkillBot.Cards.Templating.Tests;

/// <summary>Our engine on its own: load-time errors, and the deliberate differences from the official
/// engine (which the cross-check cannot cover, because the official engine throws or misbehaves there).</summary>
public sealed class CardTemplateTests
{
    private static JsonNode? Expand(string template, string data, string? host = null) =>
        CardTemplate.Parse(template).Expand(JsonNode.Parse(data), host is null ? null : JsonNode.Parse(host));

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string ExpandToText(string template, string data) => Expand(template, data)?.ToJsonString(Readable) ?? "null";

    [Theory]
    [InlineData("""{"a":"${nosuchfn(x)}"}""", "unknown function 'nosuchfn'")]
    [InlineData("""{"body":[{"text":"x ${nosuchfn(x)} y"}]}""", "/body/0/text")]
    [InlineData("""{"a":"${foo(}"}""", "unknown function 'foo'")]
    [InlineData("""{"a":"${count(}"}""", "the expression ends too early")]
    [InlineData("""{"a":"${a +}"}""", "the expression ends too early")]
    [InlineData("""{"a":"${a b}"}""", "unexpected 'b'")]
    [InlineData("""{"a":"${'open}"}""", "unterminated string")]
    [InlineData("""{"a":"${}"}""", "empty expression")]
    [InlineData("""{"a":"${a & b}"}""", "unexpected character '&'")]
    [InlineData("""{"a":"${a <> b}"}""", "unexpected '>'")]
    [InlineData("""{"a":"${if(x, 1)}"}""", "if takes 3 argument(s), not 2")]
    [InlineData("""{"a":"${join(x)}"}""", "join takes 2 to 3 argument(s), not 1")]
    [InlineData("""{"a":"${where(items, 'x', true)}"}""", "second argument of where must be a variable name")]
    [InlineData("""{"a":"${ToUpper(x)}"}""", "unknown function 'ToUpper'")]
    [InlineData("""{"$data":"${items[}"}""", "/$data")]
    [InlineData("""{"$when":"${a ==}"}""", "/$when")]
    public void A_broken_expression_fails_when_the_template_is_parsed(string template, string expectedMessage)
    {
        var error = Assert.Throws<TemplateException>(() => CardTemplate.Parse(template));
        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_a_template_error()
    {
        var error = Assert.Throws<TemplateException>(() => CardTemplate.Parse("""{"a": """));
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"t":"x=${n}."}""", """{"t":"x=."}""")]
    [InlineData("""{"t":"${toUpper(n)}|${toLower(n)}|${trim(n)}"}""", """{"t":"||"}""")]
    [InlineData("""{"t":"${concat('a', n, 'b')}"}""", """{"t":"ab"}""")]
    [InlineData("""{"t":"${'x' + n}"}""", """{"t":"x"}""")]
    [InlineData("""{"t":"${length(n)}"}""", """{"t":0}""")]
    [InlineData("""{"t":"${substring(n, 0, 0)}"}""", """{"t":""}""")]
    [InlineData("""{"t":"${n}"}""", """{"t":null}""")]
    public void Null_never_throws_and_reads_as_empty_text(string template, string expected)
    {
        Assert.Equal(expected, ExpandToText(template, """{"n":null}"""));
    }

    [Theory]
    [InlineData("""{"t":"${'a' * 2}"}""", """{"t":"${'a' * 2}"}""")]
    [InlineData("""{"t":"v=${'a' * 2}!"}""", """{"t":"v=${'a' * 2}!"}""")]
    [InlineData("""{"t":"${count(n)}"}""", """{"t":"${count(n)}"}""")]
    [InlineData("""{"t":"${1 / 0}"}""", """{"t":"${1 / 0}"}""")]
    [InlineData("""{"t":"${items[5]}"}""", """{"t":"${items[5]}"}""")]
    [InlineData("""{"t":"${substring('abc', 2, 5)}"}""", """{"t":"${substring('abc', 2, 5)}"}""")]
    [InlineData("""{"t":"${true < 1}"}""", """{"t":"${true < 1}"}""")]
    public void An_expression_that_fails_on_its_data_is_left_in_place(string template, string expected)
    {
        Assert.Equal(expected, ExpandToText(template, """{"n":5,"items":[1]}"""));
    }

    [Fact]
    public void A_failing_condition_is_false()
    {
        Assert.Equal("""{"body":[{"id":"b"}]}""", ExpandToText(
            """{"body":[{"id":"a","$when":"${'a' * 2 > 1}"},{"id":"b","$when":"${!('a' * 2 > 1)}"}]}""", "{}"));
    }

    [Fact]
    public void A_whole_value_literal_keeps_its_type()
    {
        // The official engine turns these into text ("true", "5"): language intent, not a quirk to copy.
        Assert.Equal("""{"t":true,"n":5,"s":"x","z":null}""", ExpandToText("""{"t":"${true}","n":"${5}","s":"${'x'}","z":"${null}"}""", "{}"));
    }

    [Fact]
    public void A_json_boolean_when_is_honoured()
    {
        Assert.Equal("""{"body":[{"id":"yes"},{"id":"trueExpression"}]}""", ExpandToText(
            """{"body":[{"id":"yes","$when":true},{"id":"no","$when":false},{"id":"trueExpression","$when":"${true}"},{"id":"text","$when":"true"}]}""", "{}"));
    }

    [Fact]
    public void Keys_are_reserved_only_when_spelled_exactly()
    {
        Assert.Equal("""{"$Data":1,"x":2}""", ExpandToText("""{"$Data":1,"$root":3,"$index":4,"$host":5,"$_acTemplateVersion":6,"x":2}""", "{}"));
    }

    [Fact]
    public void A_parsed_template_expands_many_times_without_sharing_state()
    {
        var template = CardTemplate.Parse("""{"body":[{"$data":"${items}","text":"${$index}:${title}","data":"${$root.payload}"}]}""");
        var first = JsonNode.Parse("""{"items":[{"title":"a"},{"title":"b"}],"payload":{"k":1}}""");
        var second = JsonNode.Parse("""{"items":[{"title":"c"}],"payload":{"k":2}}""");

        var firstCard = template.Expand(first)!;
        var secondCard = template.Expand(second)!;
        firstCard["body"]![0]!["data"]!["k"] = 99; // the output is a copy, not the data itself

        Assert.Equal("""{"body":[{"text":"0:a","data":{"k":99}},{"text":"1:b","data":{"k":1}}]}""", firstCard.ToJsonString());
        Assert.Equal("""{"body":[{"text":"0:c","data":{"k":2}}]}""", secondCard.ToJsonString());
        Assert.Equal(1, first!["payload"]!["k"]!.GetValue<int>());
    }

    [Fact]
    public void Parallel_expansions_of_one_template_agree()
    {
        var template = CardTemplate.Parse("""{"body":[{"$data":"${items}","$when":"${v % 2 == 0}","text":"${formatNumber(v * 1.5, 1)}"}]}""");
        var data = new JsonObject { ["items"] = new JsonArray(Enumerable.Range(0, 50).Select(v => (JsonNode)new JsonObject { ["v"] = v }).ToArray()) };
        var expected = template.Expand(data)!.ToJsonString();

        var results = Enumerable.Range(0, 16).AsParallel().Select(_ => template.Expand(data)!.ToJsonString()).ToList();

        Assert.All(results, result => Assert.Equal(expected, result));
        Assert.Equal(25, template.Expand(data)!["body"]!.AsArray().Count);
    }

    [Fact]
    public void Data_built_in_code_works_like_parsed_data()
    {
        var data = new JsonObject
        {
            ["i"] = 5,
            ["l"] = 7L,
            ["m"] = 1.5m,
            ["d"] = 2.25,
            ["b"] = true,
            ["s"] = "x",
            ["list"] = new JsonArray(1, 2, 3),
        };
        var card = CardTemplate.Parse("""{"sum":"${i + l + m + d}","b":"${b}","s":"${s}","n":"${count(list)}","t":"${i}/${m}"}""").Expand(data);
        Assert.Equal("""{"sum":15.75,"b":true,"s":"x","n":3,"t":"5/1.5"}""", card!.ToJsonString());
    }

    [Fact]
    public void Host_data_is_host()
    {
        Assert.Equal("""{"t":"dark on Teams"}""", Expand("""{"t":"${$host.theme} on ${$HOST.App}"}""", "{}", """{"theme":"dark","app":"Teams"}""")!.ToJsonString());
    }

    [Theory]
    [InlineData("${string(1234)}", "1,234")] // as the official engine writes it (grouped) under en-US
    [InlineData("${string(1234567.891)}", "1,234,567.891")]
    [InlineData("${string(-0.5)}", "\u22120.5")]
    [InlineData("${formatNumber(0.5, 0)}", "1")]
    [InlineData("${formatNumber(-0.5, 0)}", "0")] // JavaScript rounds halves up, towards +infinity
    [InlineData("${formatNumber(1e3, 0)}", null)] // no exponent literals in the language: parse error below
    public void Number_text_matches_the_official_engine(string expression, string? expected)
    {
        if (expected is null)
        {
            Assert.Throws<TemplateException>(() => CardTemplate.Parse($$"""{"t":"{{expression}}"}"""));
            return;
        }
        Assert.Equal(expected, Expand($$"""{"t":"{{expression}}"}""", "{}")!["t"]!.GetValue<string>());
    }

    [Fact]
    public void Root_when_false_gives_no_card_and_missing_data_gives_null_root()
    {
        Assert.Null(Expand("""{"type":"AdaptiveCard","$when":"${show}"}""", """{"show":false}"""));
        Assert.Equal("""{"t":"${x}"}""", CardTemplate.Parse("""{"t":"${x}"}""").Expand(null)!.ToJsonString());
    }

    [Fact]
    public void A_template_without_expressions_comes_back_unchanged()
    {
        const string card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hello {name} $ {x}","wrap":true,"maxLines":2,"n":1.25,"z":null}]}""";
        Assert.Equal(JsonNode.Parse(card)!.ToJsonString(), ExpandToText(card, "{}"));
    }
}
