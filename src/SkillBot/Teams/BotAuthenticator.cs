using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SkillBot.Teams;

/// <summary>Who sent an activity, as proven by its token: checked against the activity once the body is read.</summary>
public sealed record BotCaller(string Issuer, IReadOnlySet<string>? Endorsements, string? ServiceUrlClaim, bool FromBotFramework)
{
    /// <summary>
    /// The signing key must be endorsed for the activity's channel, and the token's <c>serviceurl</c> claim
    /// must equal the activity's serviceUrl (raw strings, as the Bot Framework compares them, case aside).
    /// Bot Framework keys always carry endorsements and tokens always carry the claim; Entra ID (single-tenant)
    /// keys carry no endorsements, and their tokens are held to the claim when they have one.
    /// </summary>
    public string? Refuses(Activity activity)
    {
        if (FromBotFramework && (Endorsements is null || !Endorsements.Contains(activity.ChannelId ?? "")))
        {
            return $"the signing key is not endorsed for channel '{LogSafe.Text(activity.ChannelId)}'";
        }
        if ((FromBotFramework || ServiceUrlClaim is not null)
            && !string.Equals(ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "the serviceurl claim does not match the activity's serviceUrl";
        }
        return null;
    }
}

/// <summary>
/// Validates the Bot Framework's bearer token on inbound activities: RS256 only, a key of the issuer's
/// authority, the issuer, audience = app id, lifetime with 5 minutes' skew. Single-tenant bots also accept
/// their tenant's Entra ID issuers, with that tenant's keys.
/// </summary>
/// <remarks>
/// The connector sends the same token with every activity until it nears expiry, and checking an RS256
/// signature was a fifth of a Teams message's cost under load. So a token that passed is remembered, by
/// its header's exact text, until it expires (with the same skew) or for <see cref="RememberFor"/> at most. Each
/// activity is still held to the token's channel and serviceUrl. Refusals are never remembered, and the
/// memory is bounded.
/// </remarks>
public sealed class BotAuthenticator : IDisposable
{
    public const string ServiceUrlClaim = "serviceurl";
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);
    private const int MaxRememberedTokens = 10_000;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _passed = new(new MemoryCacheOptions { SizeLimit = MaxRememberedTokens });
    private readonly TimeProvider _time;

    private readonly TeamsOptions _options;
    private readonly SigningKeys _botFrameworkKeys;
    private readonly SigningKeys? _tenantKeys;
    private readonly ILogger<BotAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BotAuthenticator(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<BotAuthenticator> logger)
    {
        _options = options.Value;
        _logger = logger;
        _time = time;
        var http = httpClients.CreateClient(nameof(SigningKeys));
        _botFrameworkKeys = new SigningKeys(_options.OpenIdMetadataUrl, http, time, _options.SigningKeyRefreshInterval, logger);
        _tenantKeys = _options.TenantIssuers.Count == 0
            ? null
            : new SigningKeys(_options.ResolvedTenantOpenIdMetadataUrl, http, time, _options.SigningKeyRefreshInterval, logger);
    }

    /// <summary>The proven caller, or null (the reason is logged, never returned to the client).</summary>
    public async Task<BotCaller?> AuthenticateAsync(string? authorization, CancellationToken cancellation)
    {
        var (caller, failure) = await TryAuthenticateAsync(authorization, cancellation);
        if (caller is null)
        {
            _logger.LogInformation("Teams request refused: {Reason}", failure);
        }
        return caller;
    }

    private async Task<(BotCaller?, string)> TryAuthenticateAsync(string? authorization, CancellationToken cancellation)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (null, "no bearer token");
        }
        // Remembered by the header's exact text, which the server holds already: a repeat costs no copy of the token.
        if (_passed.TryGetValue(authorization, out Passed? passed) && _time.GetUtcNow() < passed!.Until)
        {
            return (passed.Caller, "");
        }
        var token = authorization[scheme.Length..].Trim();
        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            return (null, "the token is not a JWT");
        }
        if (MistypedTime(unverified) is { } mistyped)
        {
            return (null, mistyped);
        }
        var fromBotFramework = unverified.Issuer == TeamsOptions.BotFrameworkIssuer;
        var authority = fromBotFramework ? _botFrameworkKeys
            : _options.TenantIssuers.Contains(unverified.Issuer) ? _tenantKeys
            : null;
        if (authority is null)
        {
            return (null, $"untrusted issuer '{LogSafe.Text(unverified.Issuer)}'");
        }
        if (unverified.Alg != SecurityAlgorithms.RsaSha256 || string.IsNullOrEmpty(unverified.Kid))
        {
            return (null, $"algorithm '{LogSafe.Text(unverified.Alg)}' or key id missing; only RS256 with a key id is accepted");
        }
        SigningKey? key;
        try
        {
            key = await authority.FindAsync(unverified.Kid, cancellation);
        }
        catch (SigningKeysUnavailableException)
        {
            return (null, "signing keys unavailable"); // SigningKeys logged why, once per failed read
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return (null, "the request was aborted");
        }
        if (key is null)
        {
            return (null, $"unknown signing key '{LogSafe.Text(unverified.Kid)}'");
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = unverified.Issuer,
            ValidAudience = _options.AppId,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            TryAllIssuerSigningKeys = false,
        });
        if (!result.IsValid)
        {
            return (null, result.Exception?.GetType().Name ?? "invalid token");
        }
        var serviceUrl = result.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
        var caller = new BotCaller(unverified.Issuer, key.Endorsements, serviceUrl, fromBotFramework);
        var until = new DateTimeOffset(unverified.ValidTo, TimeSpan.Zero) + ClockSkew;
        var remember = _time.GetUtcNow() + RememberFor;
        _passed.Set(authorization, new Passed(caller, until < remember ? until : remember), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = RememberFor });
        return (caller, "");
    }

    /// <summary>
    /// RFC 7519 §2 and §4.1.4-6: <c>exp</c>, <c>nbf</c> and <c>iat</c> are NumericDates, JSON numbers. IdentityModel also
    /// reads a number written as a string, so the payload's own types are checked (every occurrence of a name).
    /// </summary>
    private static string? MistypedTime(JsonWebToken token)
    {
        try
        {
            using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
            if (payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                return "the token's payload is not a JSON object";
            }
            foreach (var claim in payload.RootElement.EnumerateObject())
            {
                if (claim.Name is "exp" or "nbf" or "iat" && claim.Value.ValueKind != JsonValueKind.Number)
                {
                    return $"'{claim.Name}' is not a NumericDate (a JSON number)";
                }
            }
            return null;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            return "the token's payload is not JSON";
        }
    }

    public void Dispose() => _passed.Dispose();

    private sealed record Passed(BotCaller Caller, DateTimeOffset Until);
}
