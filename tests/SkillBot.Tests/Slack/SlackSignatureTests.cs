using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SkillBot.Slack;
using SkillBot.Slack.Verification;

namespace SkillBot.Tests.Slack;

public sealed class SlackSignatureTests
{
    // Slack's published known-answer example (protocol-slack.md §1).
    private const string KnownSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string KnownTimestamp = "1531420618";
    private const string KnownSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    public const string KnownBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static SlackSignature Verifier(DateTimeOffset now, params string[] secrets) =>
        new(Options.Create(new SlackOptions { SigningSecrets = secrets }), new FakeTimeProvider(now));

    private static DateTimeOffset At(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Slacks_known_answer_is_authentic_at_its_own_time()
    {
        Assert.Equal(KnownSignature, SlackSignature.Sign(KnownSecret, KnownTimestamp, Bytes(KnownBody)));
        Assert.True(Verifier(At(1531420618), KnownSecret).IsAuthentic(KnownTimestamp, KnownSignature, Bytes(KnownBody)));
    }

    [Fact]
    public void Slacks_known_answer_with_the_body_altered_is_refused()
    {
        Assert.False(Verifier(At(1531420618), KnownSecret).IsAuthentic(KnownTimestamp, KnownSignature, Bytes(KnownBody + "------")));
    }

    [Fact]
    public void Slacks_known_answer_is_refused_today_as_a_replay()
    {
        Assert.False(Verifier(DateTimeOffset.UtcNow, KnownSecret).IsAuthentic(KnownTimestamp, KnownSignature, Bytes(KnownBody)));
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void Timestamps_more_than_five_minutes_from_now_are_refused_both_ways(int offsetSeconds, bool accepted)
    {
        var now = At(1_800_000_000);
        var timestamp = (1_800_000_000 + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SlackSignature.Sign("s", timestamp, Bytes("a=b"));
        Assert.Equal(accepted, Verifier(now, "s").IsAuthentic(timestamp, signature, Bytes("a=b")));
    }

    [Fact]
    public void Either_of_two_secrets_is_accepted_while_rotating_and_no_other()
    {
        var verifier = Verifier(At(1531420618), "new-secret", KnownSecret);
        Assert.True(verifier.IsAuthentic(KnownTimestamp, KnownSignature, Bytes(KnownBody)));
        Assert.True(verifier.IsAuthentic(KnownTimestamp, SlackSignature.Sign("new-secret", KnownTimestamp, Bytes(KnownBody)), Bytes(KnownBody)));
        Assert.False(verifier.IsAuthentic(KnownTimestamp, SlackSignature.Sign("old-secret", KnownTimestamp, Bytes(KnownBody)), Bytes(KnownBody)));
    }

    [Theory]
    [InlineData(null, KnownSignature)]
    [InlineData("", KnownSignature)]
    [InlineData("1531420618.5", KnownSignature)]
    [InlineData("-1531420618", KnownSignature)]
    [InlineData(" 1531420618", KnownSignature)]
    [InlineData(KnownTimestamp, null)]
    [InlineData(KnownTimestamp, "")]
    [InlineData(KnownTimestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(KnownTimestamp, "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B50")]
    [InlineData(KnownTimestamp, "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(KnownTimestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature)
    {
        Assert.False(Verifier(At(1531420618), KnownSecret).IsAuthentic(timestamp, signature, Bytes(KnownBody)));
    }

    [Fact]
    public void Without_any_secret_nothing_is_authentic()
    {
        Assert.False(Verifier(At(1531420618)).IsAuthentic(KnownTimestamp, KnownSignature, Bytes(KnownBody)));
    }
}
