using Microsoft.Extensions.Options;

namespace SkillBot.Hosting;

/// <summary>
/// The one way SkillBot reads a settings section: bound by the configuration binder, checked by the section's
/// validator when the host starts (a bad value is one line naming it, see <see cref="StartupProblems"/>).
/// </summary>
public static class Settings
{
    public static OptionsBuilder<TOptions> AddSettings<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddSettings<TOptions>(configuration, section);
    }

    /// <summary>A section whose values need no check beyond their type.</summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();

    /// <summary>
    /// A list setting given as an array or as one comma-separated string (handy in environment variables), which the
    /// binder cannot split: options with lists read them with this after binding.
    /// </summary>
    public static string[] List(IConfigurationSection section) =>
        [.. (section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)];

    /// <summary>Validation failures as the validators report them: every problem at once, or success.</summary>
    public static ValidateOptionsResult Result(List<string> problems) =>
        problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
}
