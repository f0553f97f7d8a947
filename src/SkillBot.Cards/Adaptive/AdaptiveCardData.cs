using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Core.Answers;

namespace SkillBot.Cards.Adaptive;

/// <summary>
/// How much of a long catalogue one card may carry: the length of each description and how many list
/// entries (skills, rungs, options). The renderer takes the most generous one under which the card fits Teams' size limit.
/// </summary>
public sealed record CardBudget(int TextLength, int Items)
{
    public static readonly CardBudget Generous = new(2000, 60);

    /// <summary>Each budget halves the one before, down to 80 characters and 3 entries.</summary>
    public static readonly IReadOnlyList<CardBudget> GenerousToTightest =
        [Generous, new(1000, 30), new(500, 15), new(250, 7), new(125, 3), new(80, 3)];
}

/// <summary>
/// The data a card template binds to, for one answer: display strings already labelled in the
/// question's language, and buttons as <c>{ title, verb, data }</c>. Which template it fills is the intent's.
/// </summary>
public static class AdaptiveCardData
{
    /// <summary>Above this many, role switches become a picker: a card may show at most five actions in a row.</summary>
    public const int MaxButtons = 5;

    private const int NameLength = 120;

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

    public static JsonObject Build(AnswerView view, CardBudget budget)
    {
        var (answer, labels) = (view.Answer, view.Labels);
        var data = new JsonObject
        {
            ["title"] = Name(view.Title ?? "SkillBot"),
            ["subtitle"] = Name(view.Subtitle, 2 * NameLength),
            ["message"] = TextFit.Fit(answer.Message, budget.TextLength),
            ["footer"] = view.Footer,
            ["feedback"] = Feedback(view),
        };
        switch (answer.Intent)
        {
            case Intent.Expectation:
                data["current"] = Level(answer.Current, answer.Level, labels["current"], labels, budget);
                data["next"] = Level(answer.Next, view.NextLevel, labels["next"], labels, budget);
                data["hasNote"] = answer.Next is null;
                data["note"] = answer.Next is null && answer.Level is not null && answer.Current is not null
                    ? labels.Format("topOfLadder", labels.Level(answer.Level))
                    : data["message"]!.GetValue<string>();
                data["levelPicker"] = LevelPickerData(view.Picker);
                AddRoles(data, view, budget);
                data["navigation"] = Moves(WithinActionLimit(view));
                break;
            case Intent.Compare:
                data["current"] = Level(answer.Current, answer.Level, labels["from"], labels, budget);
                data["next"] = Level(answer.Next, answer.CompareTo, labels["goal"], labels, budget);
                AddRoles(data, view, budget);
                data["navigation"] = Moves(view.Steps);
                break;
            case Intent.RoleProfile:
                var profile = answer.Items.OfType<ProfileItem>().ToList();
                data["items"] = new JsonArray([.. profile.Take(budget.Items).Select(item => (JsonNode)new JsonObject
                {
                    ["skill"] = Name(item.Skill),
                    ["domain"] = Name(item.Domain),
                    ["currentHeading"] = Heading(labels["current"], answer.Level, item.Current, labels),
                    ["current"] = TextFit.Fit(item.Current?.Description ?? labels["noExpectation"], budget.TextLength),
                    ["hasNext"] = item.Next is not null,
                    ["nextHeading"] = item.Next is null ? "" : Heading(labels["next"], item.Next.Level, item.Next, labels),
                    ["next"] = TextFit.Fit(item.Next?.Description ?? "", budget.TextLength),
                    ["detailsTitle"] = labels["details"],
                    ["verb"] = CardAction.AnswerVerb,
                    ["data"] = ActionData(view.ForItem(item)),
                })]);
                AddMore(data, profile.Count - budget.Items, labels);
                AddRoles(data, view, budget);
                data["navigation"] = Moves(view.Steps);
                break;
            case Intent.SkillOverview:
                var roles = answer.Items.OfType<LadderItem>().GroupBy(i => i.Role).ToList();
                // The budget counts rungs: whole roles are shown while they fit, the rest are counted.
                var shown = 0;
                var rungs = 0;
                while (shown < roles.Count && (shown == 0 || rungs + roles[shown].Count() <= budget.Items))
                {
                    rungs += roles[shown++].Count();
                }
                data["roles"] = new JsonArray([.. roles.Take(shown).Select(role => (JsonNode)new JsonObject
                {
                    ["role"] = Name(role.Key),
                    ["levels"] = new JsonArray([.. role.Select(rung => (JsonNode)new JsonObject
                    {
                        ["heading"] = $"{Name(labels.Level(rung.Level))} · {labels.Necessity(rung.Necessity)}",
                        ["description"] = TextFit.Fit(rung.Description, budget.TextLength),
                        ["verb"] = CardAction.AnswerVerb,
                        ["data"] = ActionData(view.ForItem(rung)),
                    })]),
                })]);
                AddMore(data, roles.Count - shown, labels);
                break;
            default:
                var choices = view.Choices;
                data["hasChoices"] = choices.Count > 0;
                data["choicesLabel"] = labels[answer.Intent switch
                {
                    Intent.Clarify => "options",
                    Intent.NotFound => "suggestions",
                    _ => "examples",
                }];
                data["choices"] = Moves(choices.Take(budget.Items));
                AddMore(data, choices.Count - budget.Items, labels);
                break;
        }
        return data;
    }

    private static string Name(string name, int limit = NameLength) => TextFit.Fit(name, limit);

    /// <summary>One level's box: heading, necessity and the text as runs (the added runs emphasised by the template).</summary>
    private static JsonObject Level(LevelExpectation? expectation, string? level, string label, Labels labels, CardBudget budget)
    {
        var segments = Fit(
            expectation?.Segments ?? [new Segment(expectation?.Description ?? labels["noExpectation"], false)],
            budget.TextLength);
        var added = segments.Where(s => s.Added).Select(s => s.Text.Trim()).Where(s => s.Length > 0).ToList();
        return new JsonObject
        {
            ["present"] = level is not null,
            ["heading"] = level is null ? label : Name($"{label}: {labels.Level(level)}"),
            ["necessity"] = expectation is null ? "" : labels.Necessity(expectation.Necessity),
            ["segments"] = new JsonArray([.. segments.Select(s => (JsonNode)new JsonObject { ["text"] = s.Text, ["added"] = s.Added })]),
            // The note lists what is new only when something is not: a wholly new text is emphasised as a whole.
            ["hasAdded"] = added.Count > 0 && segments.Any(s => !s.Added),
            ["addedNote"] = level is null ? "" : TextFit.Fit(labels.Format("newAtNext", labels.Level(level)) + ": " + string.Join(" … ", added), budget.TextLength),
        };
    }

    /// <summary>The runs, cut at a word with "…" once they reach <paramref name="length"/> characters in all.</summary>
    private static List<Segment> Fit(IReadOnlyList<Segment> segments, int length)
    {
        var fitted = new List<Segment>();
        var room = length;
        foreach (var segment in segments)
        {
            if (segment.Text.Length <= room)
            {
                fitted.Add(segment);
                room -= segment.Text.Length;
                continue;
            }
            fitted.Add(segment with { Text = TextFit.Fit(segment.Text, Math.Max(room, TextFit.Ellipsis.Length)) });
            break;
        }
        return fitted;
    }

    private static string Heading(string label, string? level, LevelExpectation? expectation, Labels labels) =>
        Name(expectation is null
            ? $"{label}: {labels.Level(level ?? "")}"
            : $"{label}: {labels.Level(level ?? "")} · {labels.Necessity(expectation.Necessity)}");

    private static JsonObject LevelPickerData(LevelPicker? picker) =>
        Picker(
            picker is not null,
            picker?.Label ?? "",
            picker?.Value ?? "",
            picker?.Choices.Select(c => (c.Title, c.Level)) ?? [],
            picker?.Button ?? "",
            picker?.Action);

    /// <summary>Role switches: a few as buttons, more as a picker (input id "role") with one button.</summary>
    private static void AddRoles(JsonObject data, AnswerView view, CardBudget budget)
    {
        var (answer, labels) = (view.Answer, view.Labels);
        var roles = view.RoleSwitches.Take(budget.Items).ToList();
        data["rolesLabel"] = labels["switchRole"];
        data["hasRoleButtons"] = roles.Count is > 0 and <= MaxButtons;
        data["roleButtons"] = Moves(roles.Count <= MaxButtons ? roles : []);
        data["rolePicker"] = Picker(
            roles.Count > MaxButtons,
            labels["switchRole"],
            answer.Role ?? "",
            roles.Select(r => (Name(r.Title), r.Title)).Prepend((Name(answer.Role ?? ""), answer.Role ?? "")),
            labels["show"],
            CardAction.Answer(answer.Skill, null, answer.Level, answer.CompareTo));
    }

    private static JsonObject Picker(bool present, string label, string value, IEnumerable<(string Title, string Value)> choices, string button, CardAction? action) => new()
    {
        ["present"] = present,
        ["label"] = label,
        ["value"] = value,
        ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        ["button"] = button,
        ["verb"] = action?.Verb ?? CardAction.AnswerVerb,
        ["data"] = action is null ? new JsonObject() : ActionData(action),
    };

    private static void AddMore(JsonObject data, int more, Labels labels)
    {
        data["hasMore"] = more > 0;
        data["more"] = labels.Format("more", more.ToString(CultureInfo.InvariantCulture));
    }

    private static JsonObject Feedback(AnswerView view)
    {
        var (up, down) = view.Feedback;
        return new JsonObject { ["label"] = view.Labels["useful"], ["up"] = Move(up), ["down"] = Move(down) };
    }

    private static JsonObject Move(Move move) => new()
    {
        ["title"] = Name(move.Title, 75),
        ["verb"] = move.Action.Verb,
        ["data"] = ActionData(move.Action),
    };

    /// <summary>
    /// Teams shows at most 6 card actions: mid-ladder, the five moves and "Open in browser" leave no room for a
    /// seventh, so there the mark button gives way (the checklist's own lines still mark every expectation).
    /// </summary>
    private static IEnumerable<Move> WithinActionLimit(AnswerView view) =>
        view.Steps.Count + (view.PageUrl is null ? 0 : 1) > 6 - 1
            ? view.Steps.Where(m => m.Action.Verb != SkillBot.Core.Progress.ProgressAction.OpenVerb)
            : view.Steps;

    private static JsonArray Moves(IEnumerable<Move> moves) => new([.. moves.Select(m => (JsonNode)Move(m))]);

    /// <summary>The Action.Execute data: the CardAction without its verb (the verb travels beside it).</summary>
    public static JsonObject ActionData(CardAction action)
    {
        var node = JsonSerializer.SerializeToNode(action, CardActionJsonContext.Default.CardAction)!.AsObject();
        node.Remove("verb");
        return node;
    }
}
