using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using SkillBot.Admin;
using SkillBot.Api;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Pages;
using SkillBot.CataloguePages;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Insights;
using SkillBot.Gate;
using SkillBot.Limits;
using SkillBot.LiveCatalogue;
using SkillBot.Owners;
using SkillBot.Progress;
using SkillBot.Rendering;
using SkillBot.SharedState;
using SkillBot.Slack;
using SkillBot.Teams;
using SkillBot.Telemetry;
using SkillBot.WebChat;

namespace SkillBot.Hosting;

/// <summary>
/// Builds the web host: settings, services, endpoints. Throws <see cref="CannotStartException"/> when the settings or
/// the catalogue cannot be served (Program says why, once).
/// </summary>
public static class SkillBotApp
{
    /// <summary>Command-line switches that are settings: <c>--catalogue DIR</c> is <c>Catalogue:Path</c>.</summary>
    public static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--catalogue"] = "Catalogue:Path",
    };

    /// <param name="overrides">Last word on services before the app is built (tests: a fixed clock, a log capture).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        // Content root next to the binary: settings, the web chat and the built-in catalogue are found from any working directory.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        if (StartupProblems.CheckBeforeBuild(builder.Configuration) is { Count: > 0 } unreadable)
        {
            throw new CannotStartException(unreadable);
        }
        // The catalogue loads, and the Assistant builds its indexes on it, while the host is put together beside them: a
        // large catalogue is most of a start, and most of the host's part is compiling code on one core. Whatever is wrong
        // with the catalogue is thrown below, before the host is returned, as if it had been loaded first.
        var folder = ServedCatalogue.FolderOf(builder.Configuration);
        var loading = Task.Run(() =>
        {
            var (served, catalogue) = ServedCatalogue.LoadAtStartup(folder);
            var assistant = new Assistant(catalogue);
            // What loading and building the indexes used goes back to the system before serving.
            LoadMemory.ReturnAfterStartup(catalogue);
            return (Served: served, Assistant: assistant);
        });
        builder.Services.AddSingleton(_ => loading.GetAwaiter().GetResult().Served);
        // Logs go to the console, set up here only: every line to stderr, so stdout stays the command line's, with its scopes.
        builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.TryAddSingleton(TimeProvider.System);
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
        builder.Services.AddSettings<AdminOptions, AdminOptionsValidator>(builder.Configuration, AdminOptions.Section);
        builder.Services.AddSettings<RateLimitOptions, RateLimitOptionsValidator>(builder.Configuration, RateLimitOptions.Section);
        builder.Services.AddSingleton<ChatRateLimiter>();
        builder.Services.AddSettings<RedisOptions>(builder.Configuration, RedisOptions.Section);
        builder.Services.AddSingleton<SharedStore>();
        builder.Services.AddSingleton<SeenIds>();
        builder.Services.AddSettings<ConversationMemoryOptions, ConversationMemoryOptionsValidator>(builder.Configuration, ConversationMemoryOptionsValidator.Section);
        builder.Services.AddSingleton(sp => new ConversationMemory(sp.GetRequiredService<IOptions<ConversationMemoryOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<SharedUserContext>();
        builder.Services.AddSingleton<IUserContextStore>(sp => sp.GetRequiredService<SharedUserContext>());
        builder.Services.AddCataloguePages(builder.Configuration);
        builder.Services.AddSingleton(sp => new AdaptiveCardRenderer(sp.GetRequiredService<PageLinks>()));
        builder.Services.AddSingleton<RenderedAnswers>();
        builder.Services.AddTeams(builder.Configuration);

        builder.Services.AddSettings<OwnersOptions, OwnersOptionsValidator>(builder.Configuration, OwnersOptions.Section);
        builder.Services.AddSingleton<TeamsChannels>();
        builder.Services.AddSingleton<OwnerMessenger>();
        builder.Services.AddSettings<UnansweredOptions, UnansweredOptionsValidator>(builder.Configuration, UnansweredOptions.Section);
        builder.Services.AddSingleton<UnansweredRouter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UnansweredRouter>());
        builder.Services.AddSingleton<QuestionInsights>();
        builder.Services.AddSingleton(_ => loading.GetAwaiter().GetResult().Assistant);
        builder.Services.AddSingleton<AnsweredTurns>();
        builder.Services.AddSingleton<TurnGate>();
        builder.Services.AddSettings<AnnouncementOptions, AnnouncementOptionsValidator>(builder.Configuration, AnnouncementOptions.Section);
        builder.Services.AddSingleton<CatalogueAnnouncer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CatalogueAnnouncer>());
        builder.Services.AddSingleton<CatalogueHistory>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CatalogueHistory>());
        builder.Services.AddSingleton<CatalogueReloader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CatalogueReloader>());
        builder.Services.AddHealthChecks()
            .AddCheck<CatalogueHealthCheck>("catalogue", tags: ["ready"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        builder.Services.AddProgress(builder.Configuration);
        builder.Services.AddSlack(builder.Configuration);

        overrides?.Invoke(builder.Services);
        var app = builder.Build();
        (ServedCatalogue Served, Assistant Assistant) loaded;
        try
        {
            loaded = loading.GetAwaiter().GetResult();
        }
        catch
        {
            // A catalogue that cannot be served stops the start: the host built beside it is let go, not left behind.
            ((IDisposable)app).Dispose();
            throw;
        }
        var (served, assistant) = loaded;
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
        if (CataloguePagesOptions.IsEnabled(app.Configuration, app.Environment))
        {
            app.MapCataloguePages();
        }
        app.MapSlack();
        app.MapTeams();
        served.LogLoaded(app.Logger, assistant.Catalogue);
        return app;
    }
}
