using System.Net;
using System.Text.RegularExpressions;
using CsCheck;
using SkillBot.Core.Understanding;

namespace SkillBot.Core.Tests.Understanding;

/// <summary>
/// <see cref="ChatText.Strip"/> is a scan; its behaviour is the one its remarks document, which this regular expression
/// (what it replaced, here with no time limit) states: Teams' at-tags, Slack's mentions and links, each made one space.
/// </summary>
public sealed partial class ChatTextTests
{
    [GeneratedRegex(@"<at>.*?</at>|<[@#!][^>]*>|<(?:https?|mailto):[^>]*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Documented();

    private static string Expected(string text)
    {
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }
        return Documented().Replace(text, " ");
    }

    // The characters the markup is made of, in both cases, with others around them and pieces of tags that come close.
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.OneOfConst("<", ">", "/", "@", "#", "!", "|", ":", " ", "&", ";", "^", "\n", "x", "DS", "学", "ı", "ſ", "K"),
        Gen.OneOfConst("<at>", "</at>", "<AT>", "</At>", "<a", "t>", "</a", "<@U123|name>", "<#C1|general>", "<!here>", "<!subteam^S1|@team>"),
        Gen.OneOfConst("<http:", "<https:", "<HTTPS:", "<mailto:", "<MailTo:", "<http", "<https//", "<ftp:", "https://x|label", "&lt;", "&gt;", "&amp;", "&nbsp;"));

    private static readonly Gen<string> Markup = Piece.Array[0, 30].Select(pieces => string.Concat(pieces));

    [Fact]
    public void Strips_as_documented_for_any_mix_of_markup() =>
        Gen.OneOf(Markup, Gen.String, Gen.Char.Array[0, 200].Select(chars => new string(chars)))
            .Sample(text => Assert.Equal(Expected(text), ChatText.Strip(text)), iter: 20_000);

    [Theory]
    [InlineData("<at>SkillBot</at> senior DS", "  senior DS")]
    [InlineData("hi <@U123|ana> and <#C9|general>", "hi   and  ")]
    [InlineData("see <https://example.com|docs>!", "see  !")]
    [InlineData("a <b> c", "a <b> c")]
    [InlineData("<at>no end", "<at>no end")]
    [InlineData("<@no end", "<@no end")]
    [InlineData("DS &amp; DL", "DS & DL")]
    [InlineData("&lt;@U1&gt; lead", "  lead")]
    [InlineData("<AT>Bot</At><at>Other</AT>x", "  x")]
    public void Strips_each_piece_of_markup_to_one_space(string text, string expected) =>
        Assert.Equal(expected, ChatText.Strip(text));

    /// <summary>Openings that never close: a backtracking match looks for the end from each of them, the scan once.</summary>
    [Theory]
    [InlineData("<at>x")]
    [InlineData("<@x")]
    [InlineData("<https:x")]
    public void Takes_linear_time_on_markup_that_never_closes(string opening)
    {
        var text = string.Concat(Enumerable.Repeat(opening, 100_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(text, ChatText.Strip(text));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{watch.Elapsed} for {text.Length} characters");
    }
}
