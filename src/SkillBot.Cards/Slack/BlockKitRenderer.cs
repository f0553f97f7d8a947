using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SkillBot.Cards.Pages;
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

    /// <summary>
    /// How Slack messages are written: non-ASCII text as UTF-8 rather than \u escapes (half the bytes for
    /// Chinese). Nothing is embedded in HTML, and mrkdwn's own &amp; &lt; &gt; are escaped by <see cref="SlackText"/>.
    /// </summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The message as UTF-8 JSON, placed by <paramref name="placement"/>: the bytes Slack is sent, written
    /// once, straight to JSON rather than built as a tree first (this is the hot path).
    /// </summary>
    /// <param name="links">Where the catalogue pages are published: the footer then links the answer's page.</param>
    public static byte[] ToUtf8(Answer answer, SlackPlacement placement, PageLinks? links = null)
    {
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        using (var json = Open(buffer, placement))
        {
            json.WriteString("text", SlackText.Mrkdwn(answer.Message, MaxFallbackText));
            WriteBlocks(json, AnswerView.Of(answer, links));
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A message of text alone (written by us, so not escaped), placed by <paramref name="placement"/>.</summary>
    public static byte[] Notice(string text, SlackPlacement placement)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = Open(buffer, placement))
        {
            json.WriteString("text", text);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A message's writer with the object opened and the placement written first; the caller closes it.</summary>
    private static Utf8JsonWriter Open(ArrayBufferWriter<byte> buffer, SlackPlacement placement)
    {
        var json = new Utf8JsonWriter(buffer, WriterOptions);
        json.WriteStartObject();
        placement.Write(json);
        return json;
    }

    private static void WriteBlocks(Utf8JsonWriter json, AnswerView view)
    {
        var (answer, labels) = (view.Answer, view.Labels);
        json.WritePropertyName("blocks");
        json.WriteStartArray();
        var blocks = new Blocks(json);
        if (view.Title is { Length: > 0 } title && blocks.Start("header"))
        {
            PlainText(json, "text", title, MaxHeaderText);
            json.WriteEndObject();
        }
        if (view.Subtitle.Length > 0 && answer.Intent is Intent.Expectation or Intent.Compare or Intent.SkillOverview)
        {
            blocks.Context(SlackText.Mrkdwn(view.Subtitle, MaxSectionText));
        }
        blocks.Section(SlackText.Mrkdwn(answer.Message, MaxSectionText));

        switch (answer.Intent)
        {
            case Intent.Expectation:
                blocks.Section(Level(labels["current"], answer.Level, answer.Current, labels));
                if (answer.Next is not null || answer.Current is null)
                {
                    var nextLevel = answer.Next?.Level ?? view.NextLevel;
                    if (nextLevel is not null)
                    {
                        blocks.Section(Level(labels["next"], nextLevel, answer.Next, labels));
                    }
                }
                else if (answer.Level is not null)
                {
                    blocks.Context(SlackText.Mrkdwn(labels.Format("topOfLadder", labels.Level(answer.Level)), MaxSectionText));
                }
                break;
            case Intent.Compare:
                blocks.Section(Level(labels["from"], answer.Level, answer.Current, labels));
                blocks.Section(Level(labels["goal"], answer.CompareTo, answer.Next, labels));
                break;
            case Intent.RoleProfile:
                var profile = answer.Items.OfType<ProfileItem>().ToList();
                for (var index = 0; index < profile.Count; index++)
                {
                    var item = profile[index];
                    if (!blocks.HasRoom(reserve: 6))
                    {
                        blocks.Context(SlackText.Mrkdwn(labels.Format("more", (profile.Count - index).ToString(CultureInfo.InvariantCulture)), MaxSectionText));
                        break;
                    }
                    var text = $"*{SlackText.Escape(item.Skill)}* ({SlackText.Escape(item.Domain)})\n"
                        + Level(labels["current"], answer.Level, item.Current, labels, 1200) + "\n"
                        + (item.Next is null ? "" : Level(labels["next"], item.Next.Level, item.Next, labels, 1200));
                    var details = new Button(labels["details"], view.ForItem(item), MoveActionPrefix + "item." + index.ToString(CultureInfo.InvariantCulture));
                    blocks.Section(Cut(text), details);
                }
                break;
            case Intent.SkillOverview:
                var roles = answer.Items.OfType<LadderItem>().GroupBy(i => i.Role).ToList();
                for (var index = 0; index < roles.Count; index++)
                {
                    var role = roles[index];
                    if (!blocks.HasRoom(reserve: 6))
                    {
                        blocks.Context(SlackText.Mrkdwn(labels.Format("more", (roles.Count - index).ToString(CultureInfo.InvariantCulture)), MaxSectionText));
                        break;
                    }
                    var perRung = (MaxSectionText - 100) / Math.Max(1, role.Count());
                    var text = new StringBuilder($"*{SlackText.Escape(role.Key)}*");
                    foreach (var rung in role)
                    {
                        text.Append('\n').Append(CultureInfo.InvariantCulture, $"*{SlackText.Escape(labels.Level(rung.Level))}* · {labels.Necessity(rung.Necessity)}: ")
                            .Append(SlackText.Mrkdwn(rung.Description, Math.Max(40, perRung - rung.Level.Length - 20)));
                    }
                    blocks.Section(Cut(text.ToString()));
                }
                break;
        }

        var moves = answer.Intent is Intent.Clarify or Intent.NotFound or Intent.Help
            ? view.Choices
            : [.. view.Steps, .. view.RoleSwitches];
        var buttons = moves.Select((m, i) => new Button(m.Title, m.Action, MoveActionPrefix + i.ToString(CultureInfo.InvariantCulture))).ToList();
        if (answer.Intent is Intent.Expectation or Intent.Compare or Intent.RoleProfile or Intent.SkillOverview)
        {
            buttons.Add(new Button(labels["share"], ShareAction(answer), ShareActionId));
        }
        var picker = Picker(view.Picker);
        var room = MaxBlocks - blocks.Count - 3 - (picker is null ? 0 : 1);
        foreach (var chunk in buttons.Chunk(MaxActionsPerBlock).Take(Math.Max(0, room)))
        {
            blocks.Actions(chunk);
        }
        if (picker is not null && blocks.Start("actions"))
        {
            json.WriteStartArray("elements");
            WritePicker(json, picker);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        if (blocks.HasRoom(reserve: 1))
        {
            var (up, down) = view.Feedback;
            blocks.Context(SlackText.Mrkdwn(labels["useful"], MaxSectionText));
            blocks.Actions([new Button(up.Title, up.Action, FeedbackActionPrefix + "up"), new Button(down.Title, down.Action, FeedbackActionPrefix + "down")]);
        }
        // Help answers about no skill in particular: the catalogue's version alone is not worth a block.
        // The page's URL is made of escaped slugs under a checked base URL: nothing in it needs mrkdwn escaping.
        var footer = string.Join(" · ", new[]
        {
            view.PageUrl is { } url ? $"<{url}|{labels["openInBrowser"]}>" : null,
            answer.Updated is null && answer.Intent is Intent.Help ? null : view.Footer,
        }.OfType<string>());
        if (footer.Length > 0 && blocks.HasRoom(reserve: 0))
        {
            blocks.Context(footer);
        }
        json.WriteEndArray();
    }

    /// <summary>What the Share button re-answers: the same answer, in canonical terms where there are any.</summary>
    public static CardAction ShareAction(Answer answer) => Navigation.InLanguage(answer,
        answer.Skill is not null || answer.Role is not null
            ? CardAction.Answer(answer.Skill, answer.Role, answer.Level, answer.CompareTo)
            : CardAction.Ask(answer.Question));

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

    /// <summary>The level picker's options with their values, or null when a value would pass Slack's limit.</summary>
    private static SlackPicker? Picker(LevelPicker? picker)
    {
        if (picker is null)
        {
            return null;
        }
        var options = new List<(string Title, string Value)>();
        var initial = -1;
        foreach (var (title, level) in picker.Choices.Take(MaxOptions))
        {
            var value = Serialize(picker.Action with { Level = level });
            if (value.Length > MaxOptionValue)
            {
                return null; // names too long to carry: the buttons still move along the ladder
            }
            if (level == picker.Value)
            {
                initial = options.Count;
            }
            options.Add((title, value));
        }
        return new SlackPicker(picker.Label, options, initial);
    }

    private sealed record SlackPicker(string Placeholder, List<(string Title, string Value)> Options, int Initial);

    private static void WritePicker(Utf8JsonWriter json, SlackPicker picker)
    {
        json.WriteStartObject();
        json.WriteString("type", "static_select");
        json.WriteString("action_id", LevelActionId);
        PlainText(json, "placeholder", picker.Placeholder, MaxHeaderText);
        json.WriteStartArray("options");
        foreach (var option in picker.Options)
        {
            WriteOption(json, option);
        }
        json.WriteEndArray();
        if (picker.Initial >= 0)
        {
            json.WritePropertyName("initial_option");
            WriteOption(json, picker.Options[picker.Initial]);
        }
        json.WriteEndObject();
    }

    private static void WriteOption(Utf8JsonWriter json, (string Title, string Value) option)
    {
        json.WriteStartObject();
        PlainText(json, "text", option.Title, MaxButtonText);
        json.WriteString("value", option.Value);
        json.WriteEndObject();
    }

    private static string Serialize(CardAction action) => JsonSerializer.Serialize(action, CardActionJsonContext.Default.CardAction);

    private static void PlainText(Utf8JsonWriter json, string property, string text, int limit)
    {
        json.WriteStartObject(property);
        json.WriteString("type", "plain_text");
        json.WriteString("text", SlackText.Plain(text.Length == 0 ? " " : text, limit));
        json.WriteBoolean("emoji", true);
        json.WriteEndObject();
    }

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

    private readonly record struct Button(string Title, CardAction Action, string ActionId)
    {
        public void Write(Utf8JsonWriter json)
        {
            json.WriteStartObject();
            json.WriteString("type", "button");
            PlainText(json, "text", Title, MaxButtonText);
            json.WriteString("action_id", ActionId);
            json.WriteString("value", Serialize(Action) is { Length: <= MaxButtonValue } value ? value : Serialize(CardAction.Ask(TextFit.CutAtWord(Action.Question ?? Title, 500))));
            json.WriteEndObject();
        }
    }

    /// <summary>The message's blocks as they are written, refusing to grow past Slack's 50.</summary>
    private sealed class Blocks(Utf8JsonWriter json)
    {
        public int Count { get; private set; }

        public bool HasRoom(int reserve) => Count + 1 + reserve <= MaxBlocks;

        /// <summary>Opens a block of <paramref name="type"/> if there is room; the caller writes the rest and closes it.</summary>
        public bool Start(string type)
        {
            if (Count >= MaxBlocks)
            {
                return false;
            }
            Count++;
            json.WriteStartObject();
            json.WriteString("type", type);
            return true;
        }

        public void Section(string mrkdwn, Button? accessory = null)
        {
            if (!Start("section"))
            {
                return;
            }
            json.WriteStartObject("text");
            json.WriteString("type", "mrkdwn");
            json.WriteString("text", mrkdwn.Length == 0 ? " " : mrkdwn);
            json.WriteEndObject();
            if (accessory is { } button)
            {
                json.WritePropertyName("accessory");
                button.Write(json);
            }
            json.WriteEndObject();
        }

        public void Context(string mrkdwn)
        {
            if (!Start("context"))
            {
                return;
            }
            json.WriteStartArray("elements");
            json.WriteStartObject();
            json.WriteString("type", "mrkdwn");
            json.WriteString("text", mrkdwn);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        public void Actions(IEnumerable<Button> buttons)
        {
            if (!Start("actions"))
            {
                return;
            }
            json.WriteStartArray("elements");
            foreach (var button in buttons)
            {
                button.Write(json);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
    }
}

/// <summary>
/// Where a Slack message goes and how it lands, written before the message itself: the channel and thread
/// of chat.postMessage, a slash command's or response_url's response_type, and whether a response_url
/// message replaces the one whose button was clicked. A null field is not written.
/// </summary>
public sealed record SlackPlacement(string? Channel = null, string? ThreadTs = null, string? ResponseType = null, bool? ReplaceOriginal = null)
{
    /// <summary>The message alone, as the API's format=blockkit serves it.</summary>
    public static readonly SlackPlacement None = new();

    /// <summary>A slash command's answer: shown only to the person who asked.</summary>
    public static readonly SlackPlacement Ephemeral = new(ResponseType: "ephemeral");

    /// <summary>A button's answer: it takes the place of the message clicked.</summary>
    public static readonly SlackPlacement ReplaceClicked = new(ReplaceOriginal: true);

    /// <summary>Share: a new message for everyone in the channel, the clicked one left as it was.</summary>
    public static readonly SlackPlacement ShareInChannel = new(ResponseType: "in_channel", ReplaceOriginal: false);

    /// <summary>A new message in <paramref name="channel"/>, in the thread of <paramref name="threadTs"/> if any (chat.postMessage).</summary>
    public static SlackPlacement Post(string channel, string? threadTs) => new(channel, threadTs);

    internal void Write(Utf8JsonWriter json)
    {
        if (Channel is not null)
        {
            json.WriteString("channel", Channel);
        }
        if (ThreadTs is not null)
        {
            json.WriteString("thread_ts", ThreadTs);
        }
        if (ResponseType is not null)
        {
            json.WriteString("response_type", ResponseType);
        }
        if (ReplaceOriginal is { } replace)
        {
            json.WriteBoolean("replace_original", replace);
        }
    }
}
