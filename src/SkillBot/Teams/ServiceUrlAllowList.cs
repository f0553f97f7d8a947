using Microsoft.Extensions.Options;

namespace SkillBot.Teams;

/// <summary>
/// The serviceUrls the bot may call (and so send its app token to). A forged or replayed activity naming
/// another host is refused, so the token cannot be exfiltrated. Entries are origins: scheme and host,
/// where the host may start with <c>*.</c> for any subdomain; any port matches.
/// </summary>
public sealed class ServiceUrlAllowList(IOptions<TeamsOptions> options)
{
    private readonly (string Scheme, string Host)[] _entries =
        options.Value.EffectiveAllowedServiceUrls.Select(Parse).OfType<(string, string)>().ToArray();

    public bool Allows(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return false;
        }
        var host = uri.IdnHost;
        return _entries.Any(e => e.Scheme == uri.Scheme && Matches(e.Host, host));
    }

    public static bool IsValidEntry(string entry) => Parse(entry) is not null;

    private static bool Matches(string pattern, string host) => pattern.StartsWith("*.", StringComparison.Ordinal)
        ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
        : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);

    private static (string Scheme, string Host)? Parse(string entry)
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
        return (uri.Scheme, wildcard ? "*." + host["wildcard.".Length..] : host);
    }
}
