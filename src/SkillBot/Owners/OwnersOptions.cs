using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SkillBot.Hosting;

namespace SkillBot.Owners;

/// <summary>Settings of the <c>Owners</c> section: where "Ask an owner" questions go besides the owners' Slack DMs.</summary>
public sealed class OwnersOptions
{
    public const string Section = "Owners";

    /// <summary>
    /// The Teams channel (its id, 19:…@thread.tacv2) that questions for owners are posted into. SkillBot records how to
    /// post there when it is added to the team (or is mentioned in the channel). Unset: no Teams channel.
    /// </summary>
    public string? TeamsChannel { get; set; }
}

public sealed partial class OwnersOptionsValidator : IValidateOptions<OwnersOptions>
{
    public ValidateOptionsResult Validate(string? name, OwnersOptions options)
    {
        var problems = new List<string>();
        if (options.TeamsChannel is { } channel && !TeamsChannelIds.IsChannelId(channel))
        {
            problems.Add($"Owners:TeamsChannel must be a Teams channel id such as 19:abc123@thread.tacv2 (it is '{channel}'): copy it from the channel's link.");
        }
        return Settings.Result(problems);
    }
}

/// <summary>The shapes of the channel ids routing settings name.</summary>
public static partial class TeamsChannelIds
{
    public static bool IsChannelId(string id) => TeamsChannel().IsMatch(id);

    public static bool IsSlackChannelId(string id) => SlackChannel().IsMatch(id);

    [GeneratedRegex("^19:[A-Za-z0-9_\\-\\.]{1,200}@thread\\.(tacv2|skype|v2)$", RegexOptions.CultureInvariant)]
    private static partial Regex TeamsChannel();

    [GeneratedRegex("^[CG][A-Z0-9]{6,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackChannel();
}
