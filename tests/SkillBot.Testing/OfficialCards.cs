using System.Text.Json.Nodes;

namespace SkillBot.Testing;

/// <summary>A template, its data and optional host data, to expand with the official engine.</summary>
public sealed record TemplateCase(JsonNode? Template, JsonNode? Data, JsonNode? Host = null);

/// <summary>What the official engine made of a <see cref="TemplateCase"/>: the card, or its error.</summary>
public sealed record OfficialExpansion(JsonNode? Card, string? Error);

/// <summary>
/// The official Adaptive Cards npm libraries (node/: adaptivecards 3.0.6, adaptivecards-templating
/// 2.3.1, ajv with the official 1.5 schema), run with node, one process per batch. node_modules is
/// installed by this project's build (see the csproj).
/// </summary>
public static class OfficialCards
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string NodeDirectory => NodeScript.Directory;

    /// <summary>Expands every case with <c>new Template(t).expand({$root: data, $host: host})</c>.</summary>
    public static IReadOnlyList<OfficialExpansion> ExpandWithOfficialEngine(IReadOnlyList<TemplateCase> cases)
    {
        var input = new JsonArray(cases.Select(c =>
        {
            var entry = new JsonObject { ["template"] = c.Template?.DeepClone(), ["data"] = c.Data?.DeepClone() };
            if (c.Host is not null)
            {
                entry["host"] = c.Host.DeepClone(); // absent, not null: "$host" is then undefined, as for our engine
            }
            return (JsonNode)entry;
        }).ToArray());
        var (exitCode, output, errors) = RunNode("expand.js", input.ToJsonString());
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"expand.js failed ({exitCode}): {errors}");
        }
        return ReadArray(output, cases.Count).Select(result => new OfficialExpansion(
            result?["card"]?.DeepClone(),
            result?["error"]?.GetValue<string>())).ToList();
    }

    public static OfficialExpansion ExpandWithOfficialEngine(JsonNode? template, JsonNode? data) =>
        ExpandWithOfficialEngine([new TemplateCase(template, data)])[0];

    /// <summary>Every problem per card (same order), each a readable line: the official parser's
    /// warnings and errors (target = the card's version, at most 1.5), violations of the official 1.5
    /// JSON schema, leftover <c>${</c>, and a size over 28 KB. An empty list means the card is good.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Validate(IReadOnlyList<JsonNode?> cards)
    {
        var input = new JsonArray(cards.Select(card => card?.DeepClone()).ToArray());
        var (exitCode, output, errors) = RunNode("validate-card.js", input.ToJsonString());
        if (exitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"validate-card.js failed ({exitCode}): {errors}");
        }
        return ReadArray(output, cards.Count)
            .Select(problems => (IReadOnlyList<string>)problems!.AsArray().Select(p => p!.GetValue<string>()).ToList())
            .ToList();
    }

    public static IReadOnlyList<string> Validate(JsonNode? card) => Validate([card])[0];

    private static JsonArray ReadArray(string output, int expectedCount)
    {
        var results = JsonNode.Parse(output)?.AsArray() ?? throw new InvalidOperationException("node printed no results");
        if (results.Count != expectedCount)
        {
            throw new InvalidOperationException($"node returned {results.Count} results for {expectedCount} inputs");
        }
        return results;
    }

    private static (int ExitCode, string Output, string Errors) RunNode(string script, string input)
    {
        var result = NodeScript.Run(script, [], input, Timeout);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
