using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SkillBot.Admin;

namespace SkillBot.Api;

/// <summary>Marks an endpoint that needs the admin key (X-Api-Key), so its OpenAPI operation says so.</summary>
public sealed record RequiresAdminKey;

/// <summary>
/// The HTTP API as an OpenAPI document at <c>/openapi/v1.json</c>, so integrators can generate clients: the answer
/// API and the admin endpoints under /api/v1. Slack and Teams endpoints speak their platforms' protocols and the
/// web chat is the page's own; they are left out.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";
    private const string AdminKeyScheme = "adminKey";

    public static IServiceCollection AddSkillBotOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "SkillBot",
                    Version = "v1",
                    Description = "Answers career-framework questions: the channel-neutral answer JSON (docs/answer-api.md), and the operator's admin endpoints.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[AdminKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = AdminKey.Header,
                    Description = "The value of the Admin:ApiKey setting.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresAdminKey>().Any())
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdminKeyScheme, context.Document)] = [] }];
                }
                return Task.CompletedTask;
            });
        });
}
