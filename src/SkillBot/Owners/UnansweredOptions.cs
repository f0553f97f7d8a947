using Microsoft.Extensions.Options;
using SkillBot.Hosting;

namespace SkillBot.Owners;

/// <summary>
/// Settings of the <c>Unanswered</c> section: questions SkillBot could not answer (not_found, and clarify the person
/// abandoned) routed to a channel per domain, batched. Off by default.
/// </summary>
public sealed class UnansweredOptions
{
    public const string Section = "Unanswered";

    public bool Enabled { get; set; }

    /// <summary>At most one message per destination every this many minutes, listing the questions of that time.</summary>
    public int BatchMinutes { get; set; } = 60;

    /// <summary>Where questions of a domain not in <see cref="Domains"/> (or of no domain) go: a Slack channel id (C…).</summary>
    public string? SlackChannel { get; set; }

    /// <summary>The same, a Teams channel id (19:…@thread.tacv2) that SkillBot has been added to.</summary>
    public string? TeamsChannel { get; set; }

    /// <summary>The language the batch is written in (a code of the language files: en, zh); the questions stay as asked.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Per domain (its name as the catalogue writes it): where its questions go instead of the default.</summary>
    public Dictionary<string, UnansweredRoute> Domains { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class UnansweredRoute
{
    public string? SlackChannel { get; set; }

    public string? TeamsChannel { get; set; }
}

public sealed class UnansweredOptionsValidator : IValidateOptions<UnansweredOptions>
{
    public ValidateOptionsResult Validate(string? name, UnansweredOptions options)
    {
        var problems = new List<string>();
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        if (!Core.Languages.LanguageSet.BuiltIn.All.Any(l => l.Code == options.Language))
        {
            problems.Add($"Unanswered:Language must be one of {string.Join(", ", Core.Languages.LanguageSet.BuiltIn.All.Select(l => l.Code))} (it is '{options.Language}').");
        }
        if (options.BatchMinutes is < 1 or > 1440)
        {
            problems.Add($"Unanswered:BatchMinutes must be a whole number of minutes from 1 to 1440 (it is {options.BatchMinutes}).");
        }
        var routes = options.Domains.Select(d => ($"Unanswered:Domains:{d.Key}:", d.Value.SlackChannel, d.Value.TeamsChannel))
            .Prepend(("Unanswered:", options.SlackChannel, options.TeamsChannel)).ToList();
        foreach (var (prefix, slack, teams) in routes)
        {
            if (slack is not null && !TeamsChannelIds.IsSlackChannelId(slack))
            {
                problems.Add($"{prefix}SlackChannel must be a Slack channel id such as C0123ABCD (it is '{slack}').");
            }
            if (teams is not null && !TeamsChannelIds.IsChannelId(teams))
            {
                problems.Add($"{prefix}TeamsChannel must be a Teams channel id such as 19:abc123@thread.tacv2 (it is '{teams}').");
            }
        }
        if (routes.All(r => r.Item2 is null && r.Item3 is null))
        {
            problems.Add("Unanswered:Enabled is true but no channel is set: set Unanswered:SlackChannel or Unanswered:TeamsChannel (or per domain, Unanswered:Domains:NAME:SlackChannel).");
        }
        return Settings.Result(problems);
    }
}
