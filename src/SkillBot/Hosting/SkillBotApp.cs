using SkillBot.Admin;
using SkillBot.Api;
using SkillBot.Cards.Adaptive;
using SkillBot.Catalogue;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Core.Insights;
using SkillBot.Limits;
using SkillBot.Rendering;
using SkillBot.SharedState;
using SkillBot.Slack;
using SkillBot.Teams;
using SkillBot.Telemetry;
using SkillBot.WebChat;

namespace SkillBot.Hosting;

/// <summary>Builds the web host: settings, services, endpoints. Returns null when the catalogue cannot be served.</summary>
public static class SkillBotApp
{
    /// <summary>Command-line switches that are settings: <c>--catalogue DIR</c> is <c>Catalogue:Path</c>.</summary>
    public static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--catalogue"] = "Catalogue:Path",
    };

    /// <param name="overrides">Last word on services before the app is built (tests: a fixed clock, a log capture).</param>
    public static WebApplication? Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        // Content root next to the binary: settings, the web chat and the built-in catalogue are found from any working directory.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        if (StartupProblems.CheckBeforeBuild(builder.Configuration) is { Count: > 0 } unreadable)
        {
            throw new SettingsException(unreadable);
        }
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddSkillBotTelemetry();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, AnswerJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, ApiJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(2, WebChatJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(3, AdminJsonContext.Default);
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddSkillBotOpenApi();
        builder.Services.Configure<CatalogueOptions>(builder.Configuration.GetSection(CatalogueOptions.Section));
        builder.Services.AddOptions<AdminOptions>().Bind(builder.Configuration.GetSection(AdminOptions.Section))
            .Validate(o => o.ApiKey is null || o.ApiKey.Length >= 16, "Admin:ApiKey must be at least 16 characters (or unset to turn the admin API off)")
            .ValidateOnStart();
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.PerUserPerMinute > 0, "RateLimits:PerUserPerMinute must be a positive number")
            .Validate(o => o.PerWorkspacePerMinute > 0, "RateLimits:PerWorkspacePerMinute must be a positive number")
            .Validate(o => o.PerClientAddressPerMinute > 0, "RateLimits:PerClientAddressPerMinute must be a positive number")
            .ValidateOnStart();
        builder.Services.AddSingleton<ChatRateLimiter>();
        builder.Services.Configure<RedisOptions>(builder.Configuration.GetSection(RedisOptions.Section));
        builder.Services.AddSingleton<SharedStore>();
        builder.Services.AddSingleton<SeenIds>();
        builder.Services.AddSingleton(new ConversationMemoryOptions());
        builder.Services.AddSingleton(sp => new ConversationMemory(sp.GetRequiredService<ConversationMemoryOptions>()));
        builder.Services.AddSingleton<SharedUserContext>();
        builder.Services.AddSingleton<IUserContextStore>(sp => sp.GetRequiredService<SharedUserContext>());
        builder.Services.AddSingleton<AdaptiveCardRenderer>();
        builder.Services.AddSingleton<RenderedAnswers>();
        builder.Services.AddTeams(builder.Configuration);

        var catalogueOptions = builder.Configuration.GetSection(CatalogueOptions.Section).Get<CatalogueOptions>() ?? new();
        // LoadFolder never throws: whatever is wrong with the folder (a file it cannot read, too large, too deep) is a problem.
        var loaded = CatalogueLoader.LoadFolder(catalogueOptions.ResolvedPath);
        if (loaded.Catalogue is null)
        {
            // A catalogue with problems is never served: say every problem, and stop.
            Console.Error.WriteLine($"SkillBot cannot start: the catalogue at {catalogueOptions.ResolvedPath} has {loaded.Problems.Length} problem(s):");
            foreach (var problem in loaded.Problems.Concat(loaded.Warnings))
            {
                Console.Error.WriteLine(problem);
            }
            return null;
        }
        builder.Services.AddSingleton<QuestionInsights>();
        builder.Services.AddSingleton(sp => new Assistant(loaded.Catalogue, sp.GetRequiredService<IUserContextStore>(), sp.GetRequiredService<QuestionInsights>()));
        builder.Services.AddSingleton(sp => new CatalogueReloader(
            sp.GetRequiredService<Assistant>(), catalogueOptions.ResolvedPath, sp.GetRequiredService<ILogger<CatalogueReloader>>(), TimeProvider.System,
            loaded.Warnings.Select(w => w.ToString())));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CatalogueReloader>());
        builder.Services.AddHealthChecks()
            .AddCheck<CatalogueHealthCheck>("catalogue", tags: ["ready"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        builder.Services.AddSlack(builder.Configuration);

        overrides?.Invoke(builder.Services);
        var app = builder.Build();
        // A request the server refuses as HTTP (too large, unreadable) keeps its 4xx; anything else is a bare 500 without details.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.MapOpenApi(OpenApiSetup.DocumentPath);
        app.MapAnswerApi();
        app.MapAdminApi();
        if (WebChatApi.IsEnabled(app.Configuration, app.Environment))
        {
            app.MapWebChat();
        }
        app.MapSlack();
        app.MapTeams();
        app.Logger.LogInformation(
            "Catalogue {Path}: {Skills} skills, {Roles} roles, {Levels} levels, version {Version}",
            catalogueOptions.ResolvedPath, loaded.Catalogue.Skills.Length, loaded.Catalogue.Roles.Length,
            loaded.Catalogue.Levels.Length, loaded.Catalogue.Version);
        foreach (var warning in loaded.Warnings)
        {
            app.Logger.LogWarning("Catalogue warning: {Warning}", warning.ToString());
        }
        return app;
    }
}
