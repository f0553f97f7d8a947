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
        Intent.Changes => "changes",
        Intent.CompareRoles => "compare-roles",
        Intent.Catalogue => "catalogue",
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
                    ? view.TopOfLadder
                    : data["message"]!.GetValue<string>();
                data["levelPicker"] = LevelPickerData(view.Picker);
                data["owners"] = Owners(view);
                AddRoles(data, view, budget);
                data["navigation"] = Moves(WithinActionLimit(view));
                break;
            case Intent.Compare:
                data["current"] = Level(answer.Current, answer.Level, labels["from"], labels, budget);
                data["next"] = Level(answer.Next, answer.CompareTo, labels["goal"], labels, budget);
                data["owners"] = Owners(view);
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
                    ["currentExamples"] = Examples(item.Current?.Examples ?? [], labels, budget),
                    ["nextExamples"] = Examples(item.Next?.Examples ?? [], labels, budget),
                    ["detailsTitle"] = labels["details"],
                    ["verb"] = CardAction.AnswerVerb,
                    ["data"] = ActionData(view.ForItem(item)),
                })]);
                AddMore(data, profile.Count - budget.Items, labels);
                AddRoles(data, view, budget);
                data["navigation"] = Moves(view.Steps);
                break;
            case Intent.CompareRoles:
                data["hasSkill"] = answer.Skill is not null;
                data["current"] = Level(answer.Current, answer.Level, answer.Role ?? "", labels, budget);
                data["next"] = Level(answer.Next, answer.CompareTo, answer.CompareRole ?? "", labels, budget, labels.Format("alsoAsks", answer.CompareRole ?? ""));
                var sides = answer.Items.OfType<ProfileItem>().ToList();
                data["items"] = new JsonArray([.. sides.Take(budget.Items).Select(item => (JsonNode)new JsonObject
                {
                    ["skill"] = Name(item.Skill),
                    ["domain"] = Name(item.Domain),
                    ["currentHeading"] = Heading(answer.Role ?? "", answer.Level, item.Current, labels),
                    ["current"] = TextFit.Fit(item.Current?.Description ?? labels["noExpectation"], budget.TextLength),
                    ["hasNext"] = true,
                    ["nextHeading"] = Heading(answer.CompareRole ?? "", answer.CompareTo, item.Next, labels),
                    ["next"] = TextFit.Fit(item.Next?.Description ?? labels["noExpectation"], budget.TextLength),
                    ["detailsTitle"] = labels["details"],
                    ["verb"] = CardAction.AnswerVerb,
                    ["data"] = ActionData(view.ForItem(item)),
                })]);
                AddMore(data, sides.Count - budget.Items, labels);
                data["navigation"] = Moves(view.Steps);
                break;
            case Intent.Catalogue:
                AddGroups(data, view, budget);
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
                data["roles"] = new JsonArray([.. roles.Take(shown).Select((role, index) => (JsonNode)new JsonObject
                {
                    // Grouped by track: the track's name above its first role.
                    ["hasTrack"] = role.First().Track is not null && (index == 0 || roles[index - 1].First().Track != role.First().Track),
                    ["track"] = role.First().Track is { } track ? Name(labels.Format("track", track)) : "",
                    ["role"] = Name(role.Key),
                    ["levels"] = new JsonArray([.. role.Select(rung => (JsonNode)new JsonObject
                    {
                        ["heading"] = $"{Name(labels.Level(rung.Level))} · {labels.Necessity(rung.Necessity)}",
                        ["description"] = TextFit.Fit(rung.Description, budget.TextLength),
                        ["examples"] = Examples(rung.Examples, labels, budget),
                        ["verb"] = CardAction.AnswerVerb,
                        ["data"] = ActionData(view.ForItem(rung)),
                    })]),
                })]);
                AddMore(data, roles.Count - shown, labels);
                data["owners"] = Owners(view);
                break;
            case Intent.Changes:
                var changes = answer.Items.OfType<ChangeItem>().ToList();
                data["items"] = new JsonArray([.. changes.Take(budget.Items).Select(change => (JsonNode)new JsonObject
                {
                    ["heading"] = Name(view.ChangeHeading(change), 2 * NameLength),
                    ["hasBefore"] = change.Before is not null,
                    ["before"] = TextFit.Fit(view.ChangeBefore(change) ?? "", budget.TextLength),
                    ["hasAfter"] = change.After is not null,
                    ["after"] = TextFit.Fit(view.ChangeAfter(change) ?? "", budget.TextLength),
                })]);
                AddMore(data, changes.Count - budget.Items, labels);
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

    /// <summary>
    /// A catalogue answer's groups: all of them whole when their entries fit the budget; else (a large catalogue)
    /// one group's first entries, or each group with its count, the first names and a button listing it alone, as
    /// many groups as the budget allows and the rest in a picker (input id "domain").
    /// </summary>
    private static void AddGroups(JsonObject data, AnswerView view, CardBudget budget)
    {
        var labels = view.Labels;
        var groups = view.Groups;
        var entries = groups.Sum(g => g.Entries.Count);
        var whole = entries <= budget.Items;
        var single = !whole && groups.Count == 1;
        var shown = whole || single ? groups.Count : Math.Min(groups.Count, budget.Items);
        var detail = Math.Min(budget.TextLength, Listing.MaxDetail);
        data["groups"] = new JsonArray([.. groups.Take(shown).Select(group => (JsonNode)new JsonObject
        {
            ["hasHeading"] = group.Heading is not null,
            ["heading"] = Name(group.Heading is null ? "" : $"{group.Heading} · {Listing.Count(labels, group.Entries.Count)}", 2 * NameLength),
            ["entries"] = new JsonArray([.. group.Entries.Take(whole ? group.Entries.Count : single ? budget.Items : 0).Select(entry => (JsonNode)new JsonObject
            {
                ["name"] = Name(entry.Name),
                ["hasDetail"] = entry.Detail is not null,
                ["detail"] = TextFit.Fit(entry.Detail ?? "", detail),
                ["title"] = labels["details"],
                ["verb"] = entry.Action.Verb,
                ["data"] = ActionData(entry.Action),
            })]),
            ["hasPreview"] = !whole && !single,
            ["preview"] = whole || single ? "" : TextFit.Fit(string.Join(", ", group.Entries.Select(e => e.Name)), detail),
            ["hasShow"] = group.Narrow is not null && groups.Count > 1,
            ["show"] = group.Narrow is null ? new JsonObject() : Move(new Move(labels["showAll"], group.Narrow)),
        })]);
        AddMore(data, single ? entries - budget.Items : groups.Count - shown, labels);
        var rest = groups.Skip(shown).Where(g => g.Narrow is not null && g.Heading is not null).Take(MaxPickerChoices).ToList();
        var answer = view.Answer;
        data["groupPicker"] = Picker(
            rest.Count > 0,
            labels["pickDomain"],
            rest.Count > 0 ? rest[0].Heading! : "",
            rest.Select(g => (Name(g.Heading!), g.Heading!)),
            labels["showAll"],
            CardAction.Listing("skills", answer.Role));
    }

    /// <summary>A picker of groups beyond what the card shows stays a picker, not a catalogue of its own.</summary>
    private const int MaxPickerChoices = 100;

    /// <summary>One level's box: heading, necessity and the text as runs (the added runs emphasised by the template).</summary>
    private static JsonObject Level(LevelExpectation? expectation, string? level, string label, Labels labels, CardBudget budget, string? addedLabel = null)
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
            ["addedNote"] = level is null ? "" : TextFit.Fit((addedLabel ?? labels.Format("newAtNext", labels.Level(level))) + ": " + string.Join(" … ", added), budget.TextLength),
            ["examples"] = Examples(expectation?.Examples ?? [], labels, budget),
        };
    }

    /// <summary>
    /// An expectation's examples: as many as the budget allows (all ten under the generous one, one under the
    /// tightest), each cut to its share of the text budget, the rest counted.
    /// </summary>
    private static JsonObject Examples(IReadOnlyList<string> examples, Labels labels, CardBudget budget)
    {
        var shown = Math.Min(examples.Count, Math.Max(1, budget.Items / 6));
        var length = Math.Min(Core.Catalogue.ExampleLimits.MaxLength, Math.Max(40, budget.TextLength / 2));
        return new JsonObject
        {
            ["present"] = examples.Count > 0,
            ["label"] = labels["inPractice"],
            ["list"] = new JsonArray([.. examples.Take(shown).Select(e => (JsonNode)new JsonObject { ["text"] = "• " + TextFit.Fit(e, length) })]),
            ["hasMore"] = examples.Count > shown,
            ["more"] = labels.Format("moreExamples", (examples.Count - shown).ToString(CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>Who owns the skill and the "Ask an owner" button, on answers about a skill that has owners.</summary>
    private static JsonObject Owners(AnswerView view) => new()
    {
        ["present"] = view.AskOwner is not null,
        ["label"] = Name(view.Owners ?? "", 2 * NameLength),
        ["button"] = view.AskOwner is { } move ? Move(move) : new JsonObject(),
    };

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
        data["tracksLabel"] = labels["switchTrack"];
        data["hasTrackButtons"] = view.TrackSwitches.Count > 0;
        data["trackButtons"] = Moves(view.TrackSwitches.Take(MaxButtons));
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
