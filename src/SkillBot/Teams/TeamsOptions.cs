using Microsoft.Extensions.Options;
using SkillBot.Hosting;

namespace SkillBot.Teams;

/// <summary>The <c>Teams</c> settings. With no <see cref="AppId"/> the endpoint runs in development mode (no auth, loopback only).</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    /// <summary>Where Microsoft sends Teams traffic (Bot Framework and the Teams clouds). Configured entries add to these.</summary>
    public static readonly string[] DefaultAllowedServiceUrls =
    [
        "https://smba.trafficmanager.net",
        "https://*.botframework.com",
        "https://smba.infra.gcc.teams.microsoft.com",
        "https://smba.infra.gov.teams.microsoft.us",
        "https://smba.infra.dod.teams.microsoft.us",
    ];

    /// <summary>Loopback connectors (Agents Playground) are only trusted in development mode.</summary>
    public static readonly string[] DevelopmentServiceUrls = ["http://localhost", "http://127.0.0.1", "http://[::1]"];

    /// <summary>The bot's Microsoft App ID (Entra application client id): the audience of inbound tokens.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret for outbound tokens. Never logged.</summary>
    public string? AppPassword { get; set; }

    /// <summary>Set for a single-tenant bot: outbound tokens come from this tenant, and its Entra ID tokens are accepted inbound.</summary>
    public string? TenantId { get; set; }

    public string Path { get; set; } = "/api/messages";

    public string OpenIdMetadataUrl { get; set; } = BotFrameworkOpenIdMetadataUrl;

    /// <summary>The single tenant's Entra ID metadata; empty means Entra ID's v2.0 metadata of <see cref="TenantId"/>.</summary>
    public string? TenantOpenIdMetadataUrl { get; set; }

    /// <summary>Empty means Entra ID's v2.0 token endpoint of <see cref="TenantId"/> (or of botframework.com, multi-tenant).</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>
    /// Extra serviceUrl origins the bot may send its token to (array or comma-separated), e.g. <c>https://*.example.com</c>
    /// or <c>http://127.0.0.1:5812</c>: scheme, host and port must all match (no port means the scheme's default).
    /// </summary>
    public string[] AllowedServiceUrls { get; set; } = [];

    /// <summary>The list settings, read after binding the way every section reads them (<see cref="Settings.List"/>).</summary>
    public void ReadLists(IConfigurationSection section) =>
        AllowedServiceUrls = Settings.List(section.GetSection(nameof(AllowedServiceUrls)));

    /// <summary>Teams messages are at most 100 KB; anything much larger is not an activity.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>The least time between two key refreshes forced by tokens with an unknown key id.</summary>
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first backoff of a failed connector or token call; it doubles (with jitter) on each of the 4 retries.</summary>
    public TimeSpan ConnectorRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Replies waiting for the connector at most. Past it a message is refused with 503 (Teams delivers it again);
    /// room for about a second of a busy replica's replies absorbs the connector's short stalls.
    /// </summary>
    public int ReplyQueueCapacity { get; set; } = 10_000;

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(AppId);

    public string ResolvedTenantOpenIdMetadataUrl => string.IsNullOrWhiteSpace(TenantOpenIdMetadataUrl)
        ? $"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration"
        : TenantOpenIdMetadataUrl;

    public string ResolvedTokenEndpoint => string.IsNullOrWhiteSpace(TokenEndpoint)
        ? $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId)}/oauth2/v2.0/token"
        : TokenEndpoint;

    /// <summary>Issuers of the single tenant's Entra ID tokens (v1 and v2 endpoints).</summary>
    public IReadOnlyList<string> TenantIssuers => string.IsNullOrWhiteSpace(TenantId)
        ? []
        : [$"https://login.microsoftonline.com/{TenantId}/v2.0", $"https://sts.windows.net/{TenantId}/"];

    /// <summary>Microsoft's serviceUrl origins and the configured ones (development mode adds loopback, any port).</summary>
    public IEnumerable<string> ConfiguredServiceUrls => DefaultAllowedServiceUrls.Concat(AllowedServiceUrls);

    /// <summary>A metadata or token URL must be HTTPS; plain HTTP only to this machine (tests, local tools).</summary>
    internal static bool IsSafeEndpoint(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}

/// <summary>Stops startup on a half or broken configuration, naming the setting to fix.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var problems = new List<string>();
        var hasId = !string.IsNullOrWhiteSpace(options.AppId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.AppPassword);
        if (hasId && !hasPassword)
        {
            problems.Add("Teams:AppPassword is missing: a bot with Teams:AppId needs its client secret to reply.");
        }
        if (hasPassword && !hasId)
        {
            problems.Add("Teams:AppId is missing: Teams:AppPassword is set, but without the app id inbound tokens cannot be checked.");
        }
        if (!string.IsNullOrWhiteSpace(options.TenantId) && !IsTenant(options.TenantId))
        {
            problems.Add($"Teams:TenantId '{options.TenantId}' is not a tenant id (a GUID) or domain.");
        }
        if (!options.Path.StartsWith('/'))
        {
            problems.Add($"Teams:Path '{options.Path}' must start with '/'.");
        }
        if (!TeamsOptions.IsSafeEndpoint(options.OpenIdMetadataUrl))
        {
            problems.Add($"Teams:OpenIdMetadataUrl '{options.OpenIdMetadataUrl}' must be an https URL (http only on loopback).");
        }
        if (hasId && !string.IsNullOrWhiteSpace(options.TenantId) && !TeamsOptions.IsSafeEndpoint(options.ResolvedTenantOpenIdMetadataUrl))
        {
            problems.Add($"Teams:TenantOpenIdMetadataUrl '{options.TenantOpenIdMetadataUrl}' must be an https URL (http only on loopback).");
        }
        if (!TeamsOptions.IsSafeEndpoint(options.ResolvedTokenEndpoint))
        {
            problems.Add($"Teams:TokenEndpoint '{options.TokenEndpoint}' must be an https URL (http only on loopback).");
        }
        problems.AddRange(options.AllowedServiceUrls
            .Where(entry => !ServiceUrlAllowList.IsValidEntry(entry))
            .Select(entry => $"Teams:AllowedServiceUrls entry '{entry}' is not an origin like https://host or https://*.domain."));
        if (options.ConnectorRetryDelay <= TimeSpan.Zero || options.ConnectorRetryDelay > TimeSpan.FromSeconds(30))
        {
            problems.Add("Teams:ConnectorRetryDelay must be more than 0 and at most 00:00:30.");
        }
        if (options.ReplyQueueCapacity is < 1 or > 1_000_000)
        {
            problems.Add("Teams:ReplyQueueCapacity must be between 1 and 1000000.");
        }
        if (options.MaxActivityBytes is < 1024 or > 16 * 1024 * 1024)
        {
            problems.Add("Teams:MaxActivityBytes must be between 1024 and 16777216.");
        }
        return Settings.Result(problems);
    }

    private static bool IsTenant(string tenant) =>
        Guid.TryParse(tenant, out _) || Uri.CheckHostName(tenant) == UriHostNameType.Dns;
}
