using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SkillBot.Teams;

/// <summary>A token signing key and the channels it is endorsed for (null: the key carries no endorsements, as Entra ID keys).</summary>
public sealed record SigningKey(JsonWebKey Key, IReadOnlySet<string>? Endorsements);

/// <summary>The authority's keys could not be read (now, or lately: see <see cref="SigningKeys"/>).</summary>
public sealed class SigningKeysUnavailableException(string metadataUrl, Exception? inner = null)
    : Exception($"The signing keys of {metadataUrl} are unavailable.", inner);

/// <summary>
/// The signing keys of one OpenID authority (its metadata's <c>jwks_uri</c>), cached. Refreshed daily, and
/// when a token names an unknown key id, but such forced refreshes are at most one per interval, so
/// tokens with made-up key ids cannot make the bot hammer the authority. Likewise after a failed read
/// nothing is fetched for <see cref="RetryAfterFailure"/>: while the authority is down, each forged
/// token would otherwise cost an outbound request. Keys read before serve on while a refresh fails.
/// Hand-rolled rather than IdentityModel's ConfigurationManager because the Bot Framework's channel
/// endorsements are extra JWKS members read here from the raw JSON, and because the refresh rules
/// above are easier to keep exact (and test) in 60 lines than through its refresh settings.
/// </summary>
public sealed class SigningKeys(string metadataUrl, HttpClient http, TimeProvider time, TimeSpan minForcedRefresh, ILogger logger)
{
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private IReadOnlyDictionary<string, SigningKey>? _keys;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset? _lastForcedRefresh;
    private DateTimeOffset? _failedAt;

    public string MetadataUrl => metadataUrl;

    /// <summary>The key with this id, or null if the authority does not have it. Throws <see cref="SigningKeysUnavailableException"/> when no keys can be read.</summary>
    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellation)
    {
        var keys = _keys;
        if (keys is null || time.GetUtcNow() - _fetchedAt > MaxAge)
        {
            keys = await RefreshAsync(keys, forced: false, cancellation);
        }
        if (keys.TryGetValue(keyId, out var key))
        {
            return key;
        }
        if (_lastForcedRefresh is { } last && time.GetUtcNow() - last < minForcedRefresh)
        {
            return null;
        }
        keys = await RefreshAsync(keys, forced: true, cancellation);
        return keys.GetValueOrDefault(keyId);
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> RefreshAsync(
        IReadOnlyDictionary<string, SigningKey>? seen, bool forced, CancellationToken cancellation)
    {
        await _refreshing.WaitAsync(cancellation);
        try
        {
            if (_keys is not null && !ReferenceEquals(_keys, seen))
            {
                return _keys; // another request refreshed while this one waited
            }
            if (_failedAt is { } failed && time.GetUtcNow() - failed < RetryAfterFailure)
            {
                return _keys ?? throw new SigningKeysUnavailableException(metadataUrl); // backing off: no fetch
            }
            if (forced)
            {
                _lastForcedRefresh = time.GetUtcNow();
            }
            IReadOnlyDictionary<string, SigningKey> keys;
            try
            {
                keys = await FetchAsync(cancellation);
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or InvalidDataException or ArgumentException
                || (e is OperationCanceledException && !cancellation.IsCancellationRequested))
            {
                _failedAt = time.GetUtcNow();
                logger.LogError(e, "Cannot read the signing keys of {Url}; next try in {Seconds} s at the earliest",
                    metadataUrl, RetryAfterFailure.TotalSeconds);
                return _keys ?? throw new SigningKeysUnavailableException(metadataUrl, e);
            }
            _failedAt = null;
            _keys = keys;
            _fetchedAt = time.GetUtcNow();
            logger.LogInformation("Read {Count} signing keys from {Url}", keys.Count, metadataUrl);
            return keys;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> FetchAsync(CancellationToken cancellation)
    {
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(metadataUrl, cancellation));
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()
            : null;
        if (!TeamsOptions.IsSafeEndpoint(jwksUri))
        {
            throw new InvalidDataException($"The OpenID metadata at {metadataUrl} has no usable jwks_uri ({LogSafe.Text(jwksUri)}).");
        }
        using var jwks = JsonDocument.Parse(await http.GetStringAsync(jwksUri, cancellation));
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        if (!jwks.RootElement.TryGetProperty("keys", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"The key set at {jwksUri} has no keys array.");
        }
        foreach (var element in list.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.Object))
        {
            var key = new JsonWebKey(element.GetRawText());
            if (string.IsNullOrEmpty(key.Kid) || key.Kty != JsonWebAlgorithmsKeyTypes.RSA || key.Use is not (null or "" or "sig"))
            {
                continue;
            }
            keys[key.Kid] = new SigningKey(key, Endorsements(element));
        }
        return keys;
    }

    private static HashSet<string>? Endorsements(JsonElement key) =>
        key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
            : null;
}
