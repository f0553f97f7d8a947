using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SkillBot.Teams;

/// <summary>
/// The serviceUrls the bot may call (and so send its app token to). A forged or replayed activity naming
/// another host is refused, so the token cannot be exfiltrated. Entries are origins: scheme, host and port
/// (no port means the scheme's default), where the host may start with <c>*.</c> for any subdomain.
/// Only development mode's loopback entries match any port: the Agents Playground picks its own, and no
/// token is sent without authentication.
/// </summary>
public sealed class ServiceUrlAllowList(IOptions<TeamsOptions> options)
{
    private readonly Origin[] _entries = [.. options.Value.ConfiguredServiceUrls.Select(Parse).OfType<Origin>(),
        .. options.Value.AuthenticationEnabled ? [] : TeamsOptions.DevelopmentServiceUrls.Select(Parse).OfType<Origin>().Select(o => o with { Port = null })];

    // A conversation's replies all go to one serviceUrl, asked about twice per message (inbound and before the token
    // is attached), and Teams has a few of them: the ones allowed are remembered, as written, up to a bound.
    private const int MaxRemembered = 64;
    private readonly ConcurrentDictionary<string, bool> _allowed = new(StringComparer.Ordinal);

    /// <summary>An allowed origin; a null port matches any.</summary>
    private sealed record Origin(string Scheme, string Host, int? Port);

    public bool Allows(string? serviceUrl)
    {
        if (serviceUrl is not null && _allowed.ContainsKey(serviceUrl))
        {
            return true;
        }
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return false;
        }
        var host = uri.IdnHost;
        // Uri.Port is the scheme's default when the URL names none, so https://h and https://h:443 are one origin.
        foreach (var entry in _entries)
        {
            if (entry.Scheme == uri.Scheme && (entry.Port is null || entry.Port == uri.Port) && Matches(entry.Host, host))
            {
                if (_allowed.Count < MaxRemembered)
                {
                    _allowed.TryAdd(serviceUrl!, true);
                }
                return true;
            }
        }
        return false;
    }

    public static bool IsValidEntry(string entry) => Parse(entry) is not null;

    private static bool Matches(string pattern, string host) => pattern.StartsWith("*.", StringComparison.Ordinal)
        ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
        : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);

    private static Origin? Parse(string entry)
    {
        var wildcard = entry.Contains("://*.", StringComparison.Ordinal);
        var concrete = wildcard ? entry.Replace("://*.", "://wildcard.", StringComparison.Ordinal) : entry;
        if (!Uri.TryCreate(concrete, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }
        var host = uri.IdnHost;
        return new Origin(uri.Scheme, wildcard ? "*." + host["wildcard.".Length..] : host, uri.Port);
    }
}
