using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SkillBot.Teams;

/// <summary>
/// The bot's app token for the Bot Connector, by OAuth client credentials, cached until shortly before it expires.
/// A small client rather than Microsoft.Identity.Client (MSAL): MSAL 4.92 refuses any authority that is
/// not HTTPS ("The authority must use HTTPS scheme"), so it cannot be pointed at a local token endpoint
/// over plain HTTP, and the tests would have to fake it instead of talking to a real endpoint. The
/// protocol used is one form POST (RFC 6749 §4.4).
/// </summary>
public sealed class BotTokenClient(IHttpClientFactory httpClients, IOptions<TeamsOptions> options, TimeProvider time, ILogger<BotTokenClient> logger)
{
    /// <summary>Renew this long before expiry, so a token never expires on its way to the connector.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _renewing = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    public async Task<string> GetTokenAsync(CancellationToken cancellation)
    {
        if (_cached is { } cached && time.GetUtcNow() < cached.RenewAt)
        {
            return cached.Token;
        }
        await _renewing.WaitAsync(cancellation);
        try
        {
            if (_cached is { } fresh && time.GetUtcNow() < fresh.RenewAt)
            {
                return fresh.Token;
            }
            var (token, lifetime) = await RequestAsync(cancellation);
            var renewIn = lifetime > Margin * 2 ? lifetime - Margin : lifetime / 2;
            _cached = (token, time.GetUtcNow() + renewIn);
            return token;
        }
        finally
        {
            _renewing.Release();
        }
    }

    /// <summary>Forgets the token, e.g. after the connector refused it.</summary>
    public void Forget() => _cached = null;

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(CancellationToken cancellation)
    {
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.AppId!,
            ["client_secret"] = settings.AppPassword!,
            ["scope"] = TeamsOptions.BotFrameworkScope,
        });
        var http = httpClients.CreateClient(nameof(BotTokenClient));
        using var response = await http.PostAsync(settings.ResolvedTokenEndpoint, form, cancellation);
        if (!response.IsSuccessStatusCode)
        {
            // The error body (AADSTS code and text) says what is wrong with the registration; it holds no secret.
            var error = await response.Content.ReadAsStringAsync(cancellation);
            logger.LogError("The token endpoint {Url} answered {Status}: {Error}",
                settings.ResolvedTokenEndpoint, (int)response.StatusCode, error.Length > 500 ? error[..500] : error);
            throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
        var body = await response.Content.ReadFromJsonAsync(TeamsJsonContext.Default.TokenResponse, cancellation);
        if (body?.AccessToken is not { Length: > 0 } token || Seconds(body.ExpiresIn) is not { } seconds)
        {
            throw new HttpRequestException("The token endpoint's answer has no access_token or expires_in.");
        }
        return (token, TimeSpan.FromSeconds(seconds));
    }

    /// <summary><c>expires_in</c> is a number, but some endpoints send it as a string.</summary>
    private static int? Seconds(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) && i > 0 => i,
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i > 0 => i,
        _ => null,
    };
}
