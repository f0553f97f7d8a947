using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SkillBot.Slack.Verification;

/// <summary>
/// Slack's request signing (protocol-slack.md §1): <c>v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body))</c>,
/// compared in constant time, timestamps more than five minutes from now refused in both directions (replays).
/// </summary>
public sealed class SlackSignature(IOptions<SlackOptions> options, TimeProvider clock)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Version = "v0";

    public bool IsAuthentic(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (!IsFresh(timestamp) || !TryDecode(signature, out var presented))
        {
            return false;
        }
        var authentic = false;
        foreach (var secret in options.Value.SigningSecrets)
        {
            // Every secret is tried (no early exit), so timing does not tell which one matched.
            authentic |= CryptographicOperations.FixedTimeEquals(Compute(secret, timestamp!, body), presented);
        }
        return authentic;
    }

    /// <summary>The header value Slack would send; tests sign their requests with it.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Version + "=" + Convert.ToHexStringLower(Compute(secret, timestamp, body));

    private static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private bool IsFresh(string? timestamp)
    {
        if (timestamp is not { Length: > 0 and <= 12 } || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        var age = clock.GetUtcNow().ToUnixTimeSeconds() - seconds;
        return Math.Abs(age) <= (long)Window.TotalSeconds;
    }

    private static bool TryDecode(string? signature, out byte[] digest)
    {
        digest = [];
        const string prefix = Version + "=";
        if (signature is not { Length: 67 } || !signature.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            digest = Convert.FromHexString(signature.AsSpan(prefix.Length));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
