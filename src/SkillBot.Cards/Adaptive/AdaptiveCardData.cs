using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Core.Answers;

namespace SkillBot.Cards.Adaptive;

/// <summary>
/// The data a card template binds to, for one answer: display strings already labelled in the
/// question's language, and buttons as <c>{ title, verb, data }</c>. Which template it fills is the intent's.
/// </summary>
public static class AdaptiveCardData
{
    public static string TemplateFor(Intent intent) => intent switch
    {
        Intent.Expectation => "expectation",
        Intent.Compare => "compare",
        Intent.RoleProfile => "role-profile",
        Intent.SkillOverview => "skill-overview",
        Intent.Clarify => "clarify",
        Intent.NotFound => "not-found",
        _ => "help",
    };

    public static JsonObject Build(Answer answer)
    {
        var labels = Labels.For(answer.Language);
        var data = new JsonObject
        {
            ["title"] = Title(answer, labels),
            ["subtitle"] = string.Join(" · ", new[] { answer.Role, answer.Domain }.OfType<string>()),
            ["message"] = answer.Message,
            ["footer"] = Footer(answer, labels),
        };
        switch (answer.Intent)
        {
            case Intent.Expectation:
                data["current"] = Level(answer.Current, answer.Level, labels["current"], labels);
                data["next"] = Level(answer.Next, answer.Ladder.Levels.SkipWhile(l => l != answer.Level).Skip(1).FirstOrDefault(), labels["next"], labels);
                data["hasNote"] = answer.Next is null;
                data["note"] = answer.Next is null && answer.Level is not null && answer.Current is not null
                    ? labels.Format("topOfLadder", labels.Level(answer.Level))
                    : answer.Message;
                data["levelPicker"] = Picker(answer, labels);
                AddRoles(data, answer);
                data["navigation"] = Moves(Navigation.Steps(answer, labels));
                break;
            case Intent.Compare:
                data["current"] = Level(answer.Current, answer.Level, labels["from"], labels);
                data["next"] = Level(answer.Next, answer.CompareTo, labels["goal"], labels);
                AddRoles(data, answer);
                data["navigation"] = Moves(Navigation.Steps(answer, labels));
                break;
            case Intent.RoleProfile:
                data["items"] = new JsonArray([.. answer.Items.OfType<ProfileItem>().Select(item => (JsonNode)new JsonObject
                {
                    ["skill"] = item.Skill,
                    ["domain"] = item.Domain,
                    ["currentHeading"] = Heading(labels["current"], answer.Level, item.Current, labels),
                    ["current"] = item.Current?.Description ?? labels["noExpectation"],
                    ["hasNext"] = item.Next is not null,
                    ["nextHeading"] = item.Next is null ? "" : Heading(labels["next"], item.Next.Level, item.Next, labels),
                    ["next"] = item.Next?.Description ?? "",
                    ["detailsTitle"] = labels["details"],
                    ["verb"] = CardAction.AnswerVerb,
                    ["data"] = ActionData(Navigation.ForItem(answer, item)),
                })]);
                AddRoles(data, answer);
                data["navigation"] = Moves(Navigation.Steps(answer, labels));
                break;
            case Intent.SkillOverview:
                data["roles"] = new JsonArray([.. answer.Items.OfType<LadderItem>().GroupBy(i => i.Role).Select(role => (JsonNode)new JsonObject
                {
                    ["role"] = role.Key,
                    ["levels"] = new JsonArray([.. role.Select(rung => (JsonNode)new JsonObject
                    {
                        ["heading"] = $"{labels.Level(rung.Level)} · {labels.Necessity(rung.Necessity)}",
                        ["description"] = rung.Description,
                        ["verb"] = CardAction.AnswerVerb,
                        ["data"] = ActionData(Navigation.ForItem(answer, rung)),
                    })]),
                })]);
                break;
            default:
                var choices = Navigation.Choices(answer);
                data["hasChoices"] = choices.Count > 0;
                data["choicesLabel"] = labels[answer.Intent switch
                {
                    Intent.Clarify => "options",
                    Intent.NotFound => "suggestions",
                    _ => "examples",
                }];
                data["choices"] = Moves(choices);
                break;
        }
        return data;
    }

    private static string Title(Answer answer, Labels labels) => answer.Intent switch
    {
        Intent.RoleProfile => $"{labels.Level(answer.Level ?? "")} {answer.Role}",
        Intent.Expectation or Intent.Compare or Intent.SkillOverview => answer.Skill ?? "",
        _ => "SkillBot",
    };

    private static string Footer(Answer answer, Labels labels)
    {
        var catalogue = labels.Format("catalogue", answer.CatalogueVersion);
        return answer.Updated is { } updated
            ? $"{labels.Format("updated", updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))} · {catalogue}"
            : catalogue;
    }

    /// <summary>One level's box: heading, necessity and the text as runs (the added runs emphasised by the template).</summary>
    private static JsonObject Level(LevelExpectation? expectation, string? level, string label, Labels labels)
    {
        var segments = expectation?.Segments ?? (expectation is null ? [new Segment(labels["noExpectation"], false)] : [new Segment(expectation.Description, false)]);
        var added = segments.Where(s => s.Added).Select(s => s.Text.Trim()).Where(s => s.Length > 0).ToList();
        return new JsonObject
        {
            ["present"] = level is not null,
            ["heading"] = level is null ? label : $"{label}: {labels.Level(level)}",
            ["necessity"] = expectation is null ? "" : labels.Necessity(expectation.Necessity),
            ["segments"] = new JsonArray([.. segments.Select(s => (JsonNode)new JsonObject { ["text"] = s.Text, ["added"] = s.Added })]),
            // The note lists what is new only when something is not: a wholly new text is emphasised as a whole.
            ["hasAdded"] = added.Count > 0 && segments.Any(s => !s.Added),
            ["addedNote"] = level is null ? "" : labels.Format("newAtNext", labels.Level(level)) + ": " + string.Join(" … ", added),
        };
    }

    private static string Heading(string label, string? level, LevelExpectation? expectation, Labels labels) =>
        expectation is null
            ? $"{label}: {labels.Level(level ?? "")}"
            : $"{label}: {labels.Level(level ?? "")} · {labels.Necessity(expectation.Necessity)}";

    private static JsonObject Picker(Answer answer, Labels labels)
    {
        var picker = Navigation.Picker(answer, labels);
        return picker is null
            ? new JsonObject { ["label"] = "", ["value"] = "", ["choices"] = new JsonArray(), ["button"] = "", ["verb"] = "", ["data"] = new JsonObject() }
            : new JsonObject
            {
                ["label"] = picker.Label,
                ["value"] = picker.Value,
                ["choices"] = new JsonArray([.. picker.Choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Level })]),
                ["button"] = picker.Button,
                ["verb"] = picker.Action.Verb,
                ["data"] = ActionData(picker.Action),
            };
    }

    private static void AddRoles(JsonObject data, Answer answer)
    {
        var roles = Navigation.RoleSwitches(answer);
        data["hasRoles"] = roles.Count > 0;
        data["rolesLabel"] = Labels.For(answer.Language)["switchRole"];
        data["roles"] = Moves(roles);
    }

    private static JsonArray Moves(IEnumerable<Move> moves) =>
        new([.. moves.Select(m => (JsonNode)new JsonObject
        {
            ["title"] = m.Title,
            ["verb"] = m.Action.Verb,
            ["data"] = ActionData(m.Action),
        })]);

    /// <summary>The Action.Execute data: the CardAction without its verb (the verb travels beside it).</summary>
    public static JsonObject ActionData(CardAction action)
    {
        var node = JsonSerializer.SerializeToNode(action, CardActionJsonContext.Default.CardAction)!.AsObject();
        node.Remove("verb");
        return node;
    }
}
