using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SkillBot.Tests.Teams;

/// <summary>An RSA key made by the test, published as a JWK with the Bot Framework's channel endorsements.</summary>
public sealed class TestKey(string kid, string[]? endorsements = null)
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string Kid => kid;

    public static TestKey Teams(string kid) => new(kid, ["msteams", "skype"]);

    public JsonObject Jwk()
    {
        var p = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray());
        }
        return jwk;
    }

    /// <summary>An RS256 signature by this key, for tokens the test writes byte by byte.</summary>
    public byte[] SignRs256(byte[] data) => _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(_rsa) { KeyId = kid }, algorithm);
}

/// <summary>Bot Framework style tokens (issuer api.botframework.com, audience the app id, serviceurl claim).</summary>
public static class TestTokens
{
    public const string AppId = "3f1c2a9e-5b7d-4e21-9c3a-8d6f0b4e7a12";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public static string Create(
        SigningCredentials credentials,
        string? serviceUrl,
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(60),
            Claims = claims,
            SigningCredentials = credentials,
        });
    }

    /// <summary>A token with <c>alg: none</c> and no signature, naming a real key id.</summary>
    public static string Unsigned(string kid, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = kid };
        var payload = new JsonObject
        {
            ["iss"] = BotFrameworkIssuer, ["aud"] = AppId, ["serviceurl"] = serviceUrl,
            ["nbf"] = now - 60, ["exp"] = now + 3600,
        };
        return Encode(header) + "." + Encode(payload) + ".";
    }

    /// <summary>A token with exactly this payload, RS256-signed by the key: for claims of a shape IdentityModel would not write.</summary>
    public static string WithPayload(TestKey key, JsonObject payload)
    {
        var signed = Encode(new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = key.Kid }) + "." + Encode(payload);
        return signed + "." + Base64UrlEncoder.Encode(key.SignRs256(Encoding.ASCII.GetBytes(signed)));
    }

    /// <summary>A Bot Framework payload as <see cref="Create"/> writes it, to change a claim of.</summary>
    public static JsonObject Payload(string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["iss"] = BotFrameworkIssuer, ["aud"] = AppId, ["serviceurl"] = serviceUrl,
            ["nbf"] = now - 60, ["iat"] = now - 60, ["exp"] = now + 3600,
        };
    }

    /// <summary>An HS256 token "signed" with a secret an attacker chose, naming a real RSA key id.</summary>
    public static string Hmac(string kid, string serviceUrl) => Create(
        new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("an attacker's shared secret, 32+ bytes long")) { KeyId = kid },
            SecurityAlgorithms.HmacSha256),
        serviceUrl);

    private static string Encode(JsonObject json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
