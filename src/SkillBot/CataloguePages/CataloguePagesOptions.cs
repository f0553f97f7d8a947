using Microsoft.Extensions.Options;
using SkillBot.Cards.Pages;
using SkillBot.Core;
using SkillBot.Hosting;

namespace SkillBot.CataloguePages;

public sealed class CataloguePagesOptions
{
    public const string Section = "CataloguePages";

    /// <summary>Serve the read-only catalogue pages at /catalogue. Unset: on in Development, off elsewhere.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The address people reach this host at (https://skillbot.example.com, or with a path a proxy strips). Set: every card in
    /// every channel links its page ("Open in browser"), and SkillBot unfurls links to it in Slack and Teams.
    /// </summary>
    public string? PublicUrl { get; set; }

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetSection(Section).Get<CataloguePagesOptions>()?.Enabled ?? environment.IsDevelopment();

    /// <summary>The public URL as a URI, or null when unset (the validator has refused anything else at startup).</summary>
    public Uri? PublicUri => CataloguePagesOptionsValidator.Parse(PublicUrl, out var uri) is null ? uri : null;
}

public sealed class CataloguePagesOptionsValidator(IHostEnvironment environment) : IValidateOptions<CataloguePagesOptions>
{
    /// <summary>A public URL must be a plain address, and one whose pages are served here: every card would link them.</summary>
    public ValidateOptionsResult Validate(string? name, CataloguePagesOptions options) =>
        Settings.Result(Parse(options.PublicUrl, out var uri) is { } problem ? [problem]
            : uri is not null && !(options.Enabled ?? environment.IsDevelopment())
                ? [$"{CataloguePagesOptions.Section}:PublicUrl is set but the catalogue pages are off, so every Open in browser link would lead nowhere: set {CataloguePagesOptions.Section}:Enabled=true, or unset {CataloguePagesOptions.Section}:PublicUrl."]
                : []);

    /// <summary>The problem with a public URL (null when it is fine or unset): it goes into links in every channel, so only a plain http(s) base is taken.</summary>
    public static string? Parse(string? value, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http")
            || parsed.UserInfo.Length > 0 || parsed.Query.Length > 0 || parsed.Fragment.Length > 0
            || value.IndexOfAny(['<', '>', '|', '"', ' ', '\'']) >= 0)
        {
            return $"{CataloguePagesOptions.Section}:PublicUrl must be an http(s) address without user, query or fragment, e.g. https://skillbot.example.com (it is '{value}').";
        }
        uri = parsed;
        return null;
    }
}

public static class CataloguePagesSetup
{
    /// <summary>The settings, and the links every renderer adds when a public URL is set.</summary>
    public static IServiceCollection AddCataloguePages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<CataloguePagesOptions, CataloguePagesOptionsValidator>(configuration, CataloguePagesOptions.Section);
        services.AddSingleton<RenderedPages>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CataloguePagesOptions>>().Value.PublicUri is { } url
            ? new PageLinks(url, () => sp.GetRequiredService<Assistant>().Catalogue)
            : PageLinks.None);
        return services;
    }
}
