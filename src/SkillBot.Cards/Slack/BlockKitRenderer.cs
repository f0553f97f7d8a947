using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Core.Answers;

namespace SkillBot.Cards.Slack;

/// <summary>
/// The answer as a Slack message: <c>{ "text": fallback, "blocks": [...] }</c>. Built in code rather than
/// from a template because Slack's limits (50 blocks, 3,000-character sections, 75-character buttons,
/// 150-character option values …) must hold for any catalogue, and counting and cutting is logic.
/// Buttons carry a <see cref="CardAction"/> as their value; <c>skillbot.share</c> re-posts the answer.
/// </summary>
public static class BlockKitRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxOptionValue = 150;
    public const int MaxActionsPerBlock = 25;
    public const int MaxOptions = 100;
    public const int MaxFallbackText = 3000;
    public const string ShareActionId = "skillbot.share";
    public const string LevelActionId = "skillbot.level";
    public const string MoveActionPrefix = "skillbot.move.";
    public const string FeedbackActionPrefix = "skillbot.feedback.";

    public static JsonObject Render(Answer answer, bool shareable = true)
    {
        var labels = Labels.For(answer.Language);
        var blocks = new Blocks();
        if (Title(answer, labels) is { Length: > 0 } title)
        {
            blocks.Add(new JsonObject { ["type"] = "header", ["text"] = PlainText(title, MaxHeaderText) });
        }
        var subtitle = string.Join(" · ", new[] { answer.Role, answer.Domain }.OfType<string>());
        if (subtitle.Length > 0 && answer.Intent is Intent.Expectation or Intent.Compare or Intent.SkillOverview)
        {
            blocks.Add(Context(SlackText.Mrkdwn(subtitle, MaxSectionText)));
        }
        blocks.Add(Section(SlackText.Mrkdwn(answer.Message, MaxSectionText)));

        switch (answer.Intent)
        {
            case Intent.Expectation:
                blocks.Add(Section(Level(labels["current"], answer.Level, answer.Current, labels)));
                if (answer.Next is not null || answer.Current is null)
                {
                    var nextLevel = answer.Next?.Level ?? answer.Ladder.Levels.SkipWhile(l => l != answer.Level).Skip(1).FirstOrDefault();
                    if (nextLevel is not null)
                    {
                        blocks.Add(Section(Level(labels["next"], nextLevel, answer.Next, labels)));
                    }
                }
                else if (answer.Level is not null)
                {
                    blocks.Add(Context(SlackText.Mrkdwn(labels.Format("topOfLadder", labels.Level(answer.Level)), MaxSectionText)));
                }
                break;
            case Intent.Compare:
                blocks.Add(Section(Level(labels["from"], answer.Level, answer.Current, labels)));
                blocks.Add(Section(Level(labels["goal"], answer.CompareTo, answer.Next, labels)));
                break;
            case Intent.RoleProfile:
                var profile = answer.Items.OfType<ProfileItem>().ToList();
                foreach (var (item, index) in profile.Select((item, i) => (item, i)))
                {
                    if (!blocks.HasRoom(reserve: 6))
                    {
                        blocks.Add(Context(SlackText.Mrkdwn($"… {profile.Count - index} more", MaxSectionText)));
                        break;
                    }
                    var text = $"*{SlackText.Escape(item.Skill)}* ({SlackText.Escape(item.Domain)})\n"
                        + Level(labels["current"], answer.Level, item.Current, labels, 1200) + "\n"
                        + (item.Next is null ? "" : Level(labels["next"], item.Next.Level, item.Next, labels, 1200));
                    var section = Section(Cut(text));
                    section["accessory"] = Button(labels["details"], Navigation.ForItem(answer, item), MoveActionPrefix + "item." + index.ToString(CultureInfo.InvariantCulture));
                    blocks.Add(section);
                }
                break;
            case Intent.SkillOverview:
                var roles = answer.Items.OfType<LadderItem>().GroupBy(i => i.Role).ToList();
                foreach (var (role, index) in roles.Select((role, i) => (role, i)))
                {
                    if (!blocks.HasRoom(reserve: 6))
                    {
                        blocks.Add(Context(SlackText.Mrkdwn($"… {roles.Count - index} more", MaxSectionText)));
                        break;
                    }
                    var perRung = (MaxSectionText - 100) / Math.Max(1, role.Count());
                    var text = new StringBuilder($"*{SlackText.Escape(role.Key)}*");
                    foreach (var rung in role)
                    {
                        text.Append('\n').Append(CultureInfo.InvariantCulture, $"*{SlackText.Escape(labels.Level(rung.Level))}* · {labels.Necessity(rung.Necessity)}: ")
                            .Append(SlackText.Mrkdwn(rung.Description, Math.Max(40, perRung - rung.Level.Length - 20)));
                    }
                    blocks.Add(Section(Cut(text.ToString())));
                }
                break;
        }

        var moves = answer.Intent is Intent.Clarify or Intent.NotFound or Intent.Help
            ? Navigation.Choices(answer)
            : [.. Navigation.Steps(answer, labels), .. Navigation.RoleSwitches(answer)];
        var buttons = moves.Select((m, i) => Button(m.Title, m.Action, MoveActionPrefix + i.ToString(CultureInfo.InvariantCulture))).ToList();
        if (shareable && answer.Intent is Intent.Expectation or Intent.Compare or Intent.RoleProfile or Intent.SkillOverview)
        {
            buttons.Add(Button(labels["share"], ShareAction(answer), ShareActionId));
        }
        var picker = Picker(answer, labels);
        var room = MaxBlocks - blocks.Count - 3 - (picker is null ? 0 : 1);
        foreach (var chunk in buttons.Chunk(MaxActionsPerBlock).Take(Math.Max(0, room)))
        {
            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk]) });
        }
        if (picker is not null)
        {
            blocks.Add(picker);
        }
        if (blocks.HasRoom(reserve: 1))
        {
            var (up, down) = Navigation.Feedback(answer);
            blocks.Add(Context(SlackText.Mrkdwn(labels["useful"], MaxSectionText)));
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray(Button(up.Title, up.Action, FeedbackActionPrefix + "up"), Button(down.Title, down.Action, FeedbackActionPrefix + "down")),
            });
        }
        if (Footer(answer, labels) is { } footer && blocks.HasRoom(reserve: 0))
        {
            blocks.Add(Context(footer));
        }
        return new JsonObject
        {
            ["text"] = SlackText.Mrkdwn(answer.Message, MaxFallbackText),
            ["blocks"] = blocks.ToArray(),
        };
    }

    /// <summary>What the Share button re-answers: the same answer, in canonical terms where there are any.</summary>
    public static CardAction ShareAction(Answer answer) =>
        answer.Skill is not null || answer.Role is not null
            ? CardAction.Answer(answer.Skill, answer.Role, answer.Level, answer.CompareTo)
            : CardAction.Ask(answer.Question);

    /// <summary>A level's text in mrkdwn, what the level adds in bold, within <paramref name="limit"/> characters.</summary>
    private static string Level(string label, string? level, LevelExpectation? expectation, Labels labels, int limit = MaxSectionText)
    {
        var heading = level is null ? $"*{label}*" : $"*{label}: {SlackText.Escape(labels.Level(level))}*";
        if (expectation is null)
        {
            return $"{heading}\n{labels["noExpectation"]}";
        }
        var text = new StringBuilder(heading).Append(" · ").Append(labels.Necessity(expectation.Necessity)).Append('\n');
        var budget = limit - text.Length;
        foreach (var segment in expectation.Segments ?? [new Segment(expectation.Description, false)])
        {
            var core = segment.Text.Trim();
            if (core.Length == 0)
            {
                continue;
            }
            var lead = segment.Text[..segment.Text.IndexOf(core[0], StringComparison.Ordinal)];
            var trail = segment.Text[(lead.Length + core.Length)..];
            var marker = segment.Added ? "*" : "";
            var piece = SlackText.Escape(core);
            if (lead.Length + piece.Length + (2 * marker.Length) + trail.Length > budget)
            {
                // Out of room: cut this run at a word and stop, keeping the bold markers paired.
                var room = budget - lead.Length - (2 * marker.Length);
                if (room > TextFit.Ellipsis.Length + 1)
                {
                    text.Append(lead).Append(marker).Append(SlackText.Mrkdwn(core, room)).Append(marker);
                }
                else
                {
                    text.Append(TextFit.Ellipsis);
                }
                break;
            }
            text.Append(lead).Append(marker).Append(piece).Append(marker).Append(trail);
            budget = limit - text.Length;
        }
        return text.ToString().TrimEnd();
    }

    private static JsonObject? Picker(Answer answer, Labels labels)
    {
        if (Navigation.Picker(answer, labels) is not { } picker)
        {
            return null;
        }
        var options = new JsonArray();
        JsonObject? initial = null;
        foreach (var (title, level) in picker.Choices.Take(MaxOptions))
        {
            var value = Serialize(picker.Action with { Level = level });
            if (value.Length > MaxOptionValue)
            {
                return null; // names too long to carry: the buttons still move along the ladder
            }
            var option = new JsonObject { ["text"] = PlainText(title, MaxButtonText), ["value"] = value };
            options.Add(option);
            if (level == picker.Value)
            {
                initial = option.DeepClone().AsObject();
            }
        }
        var select = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = LevelActionId,
            ["placeholder"] = PlainText(picker.Label, MaxHeaderText),
            ["options"] = options,
        };
        if (initial is not null)
        {
            select["initial_option"] = initial;
        }
        return new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(select) };
    }

    private static string? Footer(Answer answer, Labels labels)
    {
        var catalogue = labels.Format("catalogue", answer.CatalogueVersion);
        return answer.Updated is { } updated
            ? $"{labels.Format("updated", updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))} · {catalogue}"
            : answer.Intent is Intent.Help ? null : catalogue;
    }

    private static string Title(Answer answer, Labels labels) => answer.Intent switch
    {
        Intent.RoleProfile => $"{labels.Level(answer.Level ?? "")} {answer.Role}",
        Intent.Expectation or Intent.Compare or Intent.SkillOverview => answer.Skill ?? "",
        _ => "",
    };

    private static JsonObject Button(string title, CardAction action, string actionId) => new()
    {
        ["type"] = "button",
        ["text"] = PlainText(title, MaxButtonText),
        ["action_id"] = actionId,
        ["value"] = Serialize(action) is { Length: <= MaxButtonValue } value ? value : Serialize(CardAction.Ask(TextFit.CutAtWord(action.Question ?? title, 500))),
    };

    private static string Serialize(CardAction action) => JsonSerializer.Serialize(action, CardActionJsonContext.Default.CardAction);

    private static JsonObject PlainText(string text, int limit) =>
        new() { ["type"] = "plain_text", ["text"] = SlackText.Plain(text.Length == 0 ? " " : text, limit), ["emoji"] = true };

    private static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn.Length == 0 ? " " : mrkdwn } };

    private static JsonObject Context(string mrkdwn) =>
        new() { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn }) };

    /// <summary>Already-escaped mrkdwn cut to the section limit without splitting an escape.</summary>
    private static string Cut(string mrkdwn)
    {
        if (mrkdwn.Length <= MaxSectionText)
        {
            return mrkdwn;
        }
        var cut = MaxSectionText - TextFit.Ellipsis.Length;
        var amp = mrkdwn.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
        if (amp >= 0 && mrkdwn.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }
        return mrkdwn[..cut] + TextFit.Ellipsis;
    }

    /// <summary>The message's blocks, refusing to grow past Slack's 50.</summary>
    private sealed class Blocks
    {
        private readonly List<JsonObject> _blocks = [];

        public int Count => _blocks.Count;

        public bool HasRoom(int reserve) => _blocks.Count + 1 + reserve <= MaxBlocks;

        public void Add(JsonObject block)
        {
            if (_blocks.Count < MaxBlocks)
            {
                _blocks.Add(block);
            }
        }

        public JsonArray ToArray() => new([.. _blocks]);
    }
}
