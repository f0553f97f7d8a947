using System.Text;
using SkillBot.Hosting;

namespace SkillBot.Slack.Verification;

/// <summary>The request body exactly as received and verified; Slack endpoints read only this.</summary>
public sealed record SlackRawBody(byte[] Bytes)
{
    public string Text => Encoding.UTF8.GetString(Bytes);
}

/// <summary>
/// Runs before every Slack endpoint: refuses oversized bodies (413), reads the raw body once, and lets only
/// requests signed by Slack through (401, with nothing in the body that helps a forger).
/// </summary>
public sealed class SlackRequestFilter(SlackSignature signature, Microsoft.Extensions.Options.IOptions<SlackOptions> options, ILogger<SlackRequestFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (body, status) = await RequestBody.ReadAtMostAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return TypedResults.StatusCode(status);
        }
        var headers = http.Request.Headers;
        if (!signature.IsAuthentic(headers[SlackSignature.TimestampHeader], headers[SlackSignature.SignatureHeader], body))
        {
            if (IsSslCheck(body))
            {
                // Slack's certificate check posts ssl_check=1; it needs an empty 200 and gets nothing else.
                return TypedResults.Ok();
            }
            logger.LogWarning("Refused an unsigned or badly signed Slack request to {Path}", http.Request.Path);
            return TypedResults.StatusCode(StatusCodes.Status401Unauthorized);
        }
        http.Features.Set(new SlackRawBody(body));
        return await next(context);
    }

    private static bool IsSslCheck(byte[] body) =>
        body.Length < 512 && Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).TryGetValue("ssl_check", out var v) && v == "1";
}
