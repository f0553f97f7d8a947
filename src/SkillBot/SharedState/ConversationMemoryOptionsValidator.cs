using Microsoft.Extensions.Options;
using SkillBot.Hosting;

namespace SkillBot.SharedState;

/// <summary>The <c>Conversation</c> settings: how many people's context this process remembers, and for how long.</summary>
public sealed class ConversationMemoryOptionsValidator : IValidateOptions<ConversationMemoryOptions>
{
    public const string Section = "Conversation";

    public ValidateOptionsResult Validate(string? name, ConversationMemoryOptions options)
    {
        var problems = new List<string>();
        if (options.MaxUsers <= 0)
        {
            problems.Add($"{Section}:MaxUsers must be a positive number");
        }
        if (options.SlidingExpiration <= TimeSpan.Zero)
        {
            problems.Add($"{Section}:SlidingExpiration must be a time above zero, e.g. 12:00:00");
        }
        return Settings.Result(problems);
    }
}
