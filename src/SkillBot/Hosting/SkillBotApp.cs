using Microsoft.Extensions.Options;
using SkillBot.Api;
using SkillBot.Cards.Adaptive;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Teams;

namespace SkillBot.Hosting;

/// <summary>Builds the web host: settings, services, endpoints. Returns null when the catalogue cannot be served.</summary>
public static class SkillBotApp
{
    /// <summary>Command-line switches that are settings: <c>--catalogue DIR</c> is <c>Catalogue:Path</c>.</summary>
    public static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--catalogue"] = "Catalogue:Path",
    };

    public static WebApplication? Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, AnswerJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, ApiJsonContext.Default);
        });
        builder.Services.AddProblemDetails();
        builder.Services.Configure<CatalogueOptions>(builder.Configuration.GetSection(CatalogueOptions.Section));
        builder.Services.AddSingleton(new ConversationMemory());
        builder.Services.AddSingleton<AdaptiveCardRenderer>();
        builder.Services.AddTeams(builder.Configuration);

        var catalogueOptions = builder.Configuration.GetSection(CatalogueOptions.Section).Get<CatalogueOptions>() ?? new();
        var loaded = CatalogueLoader.LoadFolder(catalogueOptions.ResolvedPath);
        if (loaded.Catalogue is null)
        {
            // A catalogue with problems is never served: say every problem, and stop.
            Console.Error.WriteLine($"SkillBot cannot start: the catalogue at {catalogueOptions.ResolvedPath} has {loaded.Problems.Length} problem(s):");
            foreach (var problem in loaded.Problems)
            {
                Console.Error.WriteLine(problem);
            }
            return null;
        }
        builder.Services.AddSingleton(sp => new Assistant(loaded.Catalogue, sp.GetRequiredService<ConversationMemory>()));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapAnswerApi();
        app.MapTeams();
        app.Logger.LogInformation(
            "Catalogue {Path}: {Skills} skills, {Roles} roles, {Levels} levels, version {Version}",
            catalogueOptions.ResolvedPath, loaded.Catalogue.Skills.Length, loaded.Catalogue.Roles.Length,
            loaded.Catalogue.Levels.Length, loaded.Catalogue.Version);
        return app;
    }
}
