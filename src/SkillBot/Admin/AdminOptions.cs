using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SkillBot.Admin;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The key for the admin endpoints (reload, insights), sent as the X-Api-Key header. Unset: those endpoints are off.</summary>
    public string? ApiKey { get; set; }
}

/// <summary>Guards the admin endpoints with the configured API key, compared in constant time.</summary>
public static class AdminKey
{
    public const string Header = "X-Api-Key";

    /// <summary>Null when the request may proceed; otherwise the answer to give (no key configured, or a wrong key).</summary>
    public static IResult? Check(HttpRequest request, IOptions<AdminOptions> options)
    {
        if (string.IsNullOrEmpty(options.Value.ApiKey))
        {
            return TypedResults.Problem(detail: "The admin API is off: set Admin:ApiKey to use it.", statusCode: StatusCodes.Status404NotFound);
        }
        var given = request.Headers[Header].ToString();
        var matches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ApiKey)));
        return matches
            ? null
            : TypedResults.Problem(detail: $"Send the admin API key in the {Header} header.", statusCode: StatusCodes.Status401Unauthorized);
    }
}

public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        options.ApiKey is null || options.ApiKey.Length >= 16
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Admin:ApiKey must be at least 16 characters (or unset to turn the admin API off)");
}
