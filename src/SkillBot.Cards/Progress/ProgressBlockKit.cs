using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Cards.Slack;
using SkillBot.Core.Progress;

namespace SkillBot.Cards.Progress;

/// <summary>
/// Progress in Slack: the checklist message (its buttons open the mark modal, share, pick another level) and the
/// modal. Every text a person or the catalogue wrote is escaped (<see cref="SlackText"/>) and fitted to Slack's limits.
/// </summary>
public static class ProgressBlockKit
{
    public const string ActionPrefix = "skillbot.progress";
    public const string ModalCallbackId = "skillbot.progress.mark";
    public const string StatusBlock = "status";
    public const string EvidenceBlock = "evidence";
    public const string RemoveStatus = "none";

    /// <summary>Items shown at most: with the header, summary, note and actions, within Slack's 50 blocks.</summary>
    public const int MaxItems = 44;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = JsonNodeContext.Default };

    /// <summary>The reply as a Slack message; <paramref name="placement"/> fields (response_type, channel…) are merged in.</summary>
    public static byte[] Message(ProgressReply reply, JsonObject placement)
    {
        var labels = Labels.For(reply.Language);
        var language = reply.ActionLanguage;
        var blocks = new JsonArray();
        var message = new JsonObject { ["text"] = SlackText.Mrkdwn(reply.Message, BlockKitRenderer.MaxFallbackText) };
        foreach (var (key, value) in placement)
        {
            message[key] = value?.DeepClone();
        }
        if (reply.Checklist is { } checklist)
        {
            blocks.Add(new JsonObject { ["type"] = "header", ["text"] = Plain(SlackText.Plain(ProgressLabels.Title(labels, checklist), BlockKitRenderer.MaxHeaderText)) });
        }
        blocks.Add(Section(SlackText.Mrkdwn(reply.Message, BlockKitRenderer.MaxSectionText)));
        if (reply.Checklist is { } list)
        {
            var index = 0;
            foreach (var item in list.Items.Take(MaxItems))
            {
                var section = Section(ItemText(labels, item));
                if (!reply.Shared)
                {
                    section["accessory"] = Button(labels["progress.mark"], $"{ActionPrefix}.open.{index}",
                        new ProgressAction(ProgressAction.OpenVerb, item.Skill, list.Role, list.Level, Language: language));
                }
                blocks.Add(section);
                index++;
            }
            if (list.Items.Length > MaxItems)
            {
                blocks.Add(Context(labels.Format("progress.more", (list.Items.Length - MaxItems).ToString(System.Globalization.CultureInfo.InvariantCulture), SlackText.Escape(list.Items[MaxItems].Skill))));
            }
            if (!reply.Shared)
            {
                var actions = new JsonArray { Button(labels["progress.share"], $"{ActionPrefix}.share", new ProgressAction(ProgressAction.ShareVerb, list.OnlySkill, list.Role, list.Level, Language: language)) };
                var options = new JsonArray();
                foreach (var level in list.OtherLevels)
                {
                    var value = ProgressLabels.Value(new ProgressAction(ProgressAction.ShowVerb, list.OnlySkill, list.Role, level, Language: language));
                    if (value.Length <= BlockKitRenderer.MaxOptionValue && options.Count < BlockKitRenderer.MaxOptions)
                    {
                        options.Add(new JsonObject { ["text"] = Plain(SlackText.Plain(level, BlockKitRenderer.MaxButtonText)), ["value"] = value });
                    }
                }
                if (options.Count > 0)
                {
                    actions.Add(new JsonObject
                    {
                        ["type"] = "static_select",
                        ["action_id"] = $"{ActionPrefix}.level",
                        ["placeholder"] = Plain(labels["progress.otherLevel"]),
                        ["options"] = options,
                    });
                }
                blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = actions });
            }
        }
        if (reply.AsksToForget)
        {
            var yes = Button(labels["progress.forgetYes"], "skillbot.forget.confirm", new ProgressAction(ProgressAction.ForgetVerb, Language: language));
            yes["style"] = "danger";
            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray { yes } });
        }
        message["blocks"] = blocks;
        return JsonSerializer.SerializeToUtf8Bytes(message, Relaxed);
    }

    /// <summary>
    /// The modal to mark one expectation (views.open), in <paramref name="language"/>; its metadata names the expectation,
    /// its inputs the status and evidence, prefilled with the existing mark.
    /// </summary>
    public static JsonObject Modal(MarkForm form, string? metadata = null, string? language = null)
    {
        var labels = Labels.For(language);
        var options = new JsonArray
        {
            Option(labels["progress.met"], ProgressAction.Met),
            Option(labels["progress.working"], ProgressAction.Working),
            Option(labels["progress.remove"], RemoveStatus),
        };
        var radios = new JsonObject { ["type"] = "radio_buttons", ["action_id"] = StatusBlock, ["options"] = options };
        if (form.Mark is { } mark)
        {
            radios["initial_option"] = options[mark.Status == ProgressStatus.Met ? 0 : 1]!.DeepClone();
        }
        var evidence = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = EvidenceBlock,
            ["multiline"] = true,
            ["max_length"] = ProgressMark.MaxEvidenceLength,
        };
        if (form.Mark is { Evidence.Length: > 0 } marked)
        {
            evidence["initial_value"] = marked.Evidence;
        }
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = ModalCallbackId,
            ["private_metadata"] = metadata ?? ProgressLabels.Value(new ProgressAction(ProgressAction.MarkVerb, form.Skill, form.Role, form.Level, Language: language)),
            ["title"] = Plain(SlackText.Plain(labels["progress.mark"], 24)),
            ["submit"] = Plain(SlackText.Plain(labels["progress.save"], 24)),
            ["close"] = Plain(SlackText.Plain(labels["progress.cancel"], 24)),
            ["blocks"] = new JsonArray
            {
                Section(SlackText.Mrkdwn($"*{form.Skill}* · {form.Role} · {form.Level}", 300) + "\n" + SlackText.Mrkdwn(form.Expectation, 2500)),
                new JsonObject { ["type"] = "input", ["block_id"] = StatusBlock, ["label"] = Plain(labels["progress.status"]), ["element"] = radios },
                new JsonObject { ["type"] = "input", ["block_id"] = EvidenceBlock, ["optional"] = true, ["label"] = Plain(labels["progress.evidence"]), ["element"] = evidence },
            },
        };
    }

    /// <summary>What the modal shows once saved (response_action update): the confirmation, no inputs.</summary>
    public static JsonObject Saved(ProgressReply reply)
    {
        var labels = Labels.For(reply.Language);
        return new()
        {
            ["type"] = "modal",
            ["callback_id"] = ModalCallbackId + ".done",
            ["title"] = Plain(SlackText.Plain(labels["progress.mark"], 24)),
            ["close"] = Plain(SlackText.Plain(labels["progress.close"], 24)),
            ["blocks"] = new JsonArray { Section(SlackText.Mrkdwn(reply.Message, BlockKitRenderer.MaxSectionText)) },
        };
    }

    /// <summary>The view_submission acknowledgement: <c>{"response_action":"update","view":…}</c>, or errors on the evidence field.</summary>
    public static byte[] SubmissionAck(ProgressReply reply, bool evidenceProblem)
    {
        var ack = evidenceProblem
            ? new JsonObject { ["response_action"] = "errors", ["errors"] = new JsonObject { [EvidenceBlock] = SlackText.Plain(reply.Message, 300) } }
            : new JsonObject { ["response_action"] = "update", ["view"] = Saved(reply) };
        return JsonSerializer.SerializeToUtf8Bytes(ack, Relaxed);
    }

    private static string ItemText(Labels labels, ChecklistItem item)
    {
        var text = $"{ProgressLabels.Status(labels, item.Mark)} · *{SlackText.Plain(SlackText.Escape(item.Skill), 200)}*\n{SlackText.Mrkdwn(item.Expectation, 1200)}";
        if (item.Mark is { Evidence.Length: > 0 } mark)
        {
            text += "\n>_" + SlackText.Escape(labels["progress.evidenceOf"].TrimEnd()) + "_ " + SlackText.Mrkdwn(mark.Evidence.ReplaceLineEndings(" "), 1400);
        }
        if (item.ChangedSinceMarked)
        {
            text += "\n" + SlackText.Escape(labels["progress.changed"]);
        }
        return text;
    }

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn } };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn } },
    };

    private static JsonObject Option(string text, string value) => new() { ["text"] = Plain(text), ["value"] = value };

    private static JsonObject Button(string text, string actionId, ProgressAction action) => new()
    {
        ["type"] = "button",
        ["action_id"] = actionId,
        ["text"] = Plain(SlackText.Plain(text, BlockKitRenderer.MaxButtonText)),
        ["value"] = ProgressLabels.Value(action),
    };
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class JsonNodeContext : System.Text.Json.Serialization.JsonSerializerContext;
