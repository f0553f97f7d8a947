using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SkillBot.Hosting;

/// <summary>Settings found unreadable before the host is built (addresses, log levels): each a line naming the setting.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Turns what stops startup because of a setting into lines a person can act on, one per setting, for
/// "SkillBot cannot start: ...". Anything else (a bug) is left to crash loudly.
/// </summary>
public static partial class StartupProblems
{
    /// <summary>The lines for a startup failure caused by settings, or null when the exception is not about settings.</summary>
    public static IReadOnlyList<string>? From(Exception exception) => exception switch
    {
        SettingsException settings => settings.Problems,
        OptionsValidationException invalid => [.. invalid.Failures],
        // The host's startup validator gathers the failures of several options classes into one AggregateException.
        AggregateException many when many.InnerExceptions.Select(From).ToList() is var lines && lines.All(l => l is not null) =>
            [.. lines.SelectMany(l => l!)],
        InvalidOperationException binding => Describe(binding) is { } line ? [line] : null,
        _ => null,
    };

    /// <summary>
    /// The configuration binder's "Failed to convert configuration value 'abc' at 'RateLimits:PerUserPerMinute' to type
    /// 'System.Int32'", thrown for any options class or Get/GetValue call, as "KEY must be WHAT IT ACCEPTS (it is 'abc')".
    /// The key and type are only in the message; the source-generated binder leaves out the value.
    /// </summary>
    public static string? Describe(InvalidOperationException exception)
    {
        var match = BinderFailure().Match(exception.Message);
        if (!match.Success)
        {
            return null;
        }
        var key = match.Groups["key"].Value;
        var accepts = Accepts(match.Groups["type"].Value);
        return match.Groups["value"].Success
            ? $"{key} must be {accepts} (it is '{match.Groups["value"].Value}')."
            : $"{key} must be {accepts}.";
    }

    /// <summary>What a value of the binder's target type looks like, in words.</summary>
    private static string Accepts(string typeName)
    {
        var name = NullableOf().Match(typeName) is { Success: true } nullable ? nullable.Groups[1].Value : typeName;
        return name switch
        {
            "System.Boolean" => "true or false",
            "System.Int32" or "System.Int64" or "System.Int16" or "System.Byte"
                or "System.UInt32" or "System.UInt64" or "System.UInt16" or "System.SByte" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.TimeSpan" => "a duration as [d.]hh:mm:ss, e.g. 00:00:05",
            "System.Uri" => "a URL",
            "System.Guid" => "a GUID",
            _ when Type.GetType(name) is { IsEnum: true } enumType => "one of " + string.Join(", ", Enum.GetNames(enumType)),
            _ => $"a value of type {name}",
        };
    }

    /// <summary>
    /// Settings that the host reads only while starting, where a bad value ends in a stack trace: the addresses to
    /// listen on (Urls, --urls) and the log levels. Checked as soon as the configuration is complete.
    /// </summary>
    public static IReadOnlyList<string> CheckBeforeBuild(IConfiguration configuration)
    {
        var problems = new List<string>();
        var urls = configuration["urls"];
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (ListenAddress(url) is not { } address)
            {
                problems.Add($"Urls must be http:// or https:// addresses with a port from 0 to 65535, separated by ';', e.g. http://localhost:3978 (it is '{urls}').");
                break;
            }
            if (address is { Port: 0, Host: var host } && host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                // Kestrel cannot pick one free port for both of localhost's addresses.
                problems.Add($"Urls: port 0 (any free port) needs http://127.0.0.1:0 or http://[::1]:0, not localhost (it is '{urls}').");
                break;
            }
        }
        foreach (var (key, value) in configuration.GetSection("Logging").AsEnumerable())
        {
            if (value is not null && LogLevelKey().IsMatch(key) && !Enum.TryParse<LogLevel>(value, ignoreCase: true, out _))
            {
                problems.Add($"{key} must be one of {string.Join(", ", Enum.GetNames<LogLevel>())} (it is '{value}').");
            }
        }
        return problems;
    }

    private static Microsoft.AspNetCore.Http.BindingAddress? ListenAddress(string url)
    {
        try
        {
            var address = Microsoft.AspNetCore.Http.BindingAddress.Parse(url);
            return address.Scheme is "http" or "https" && (address.IsUnixPipe || address.Port is >= 0 and <= 65535) ? address : null;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^Failed to convert configuration value (?:'(?<value>.*)' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex BinderFailure();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableOf();

    /// <summary>Logging:LogLevel:CATEGORY and Logging:PROVIDER:LogLevel:CATEGORY, as the logging configuration reads them.</summary>
    [GeneratedRegex(@"^Logging(:[^:]+)?:LogLevel:.+$", RegexOptions.IgnoreCase)]
    private static partial Regex LogLevelKey();
}
