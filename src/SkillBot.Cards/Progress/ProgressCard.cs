using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Core.Progress;

namespace SkillBot.Cards.Progress;

/// <summary>
/// Progress as an Adaptive Card (Teams, the web chat): the checklist, the mark form (<c>Input.Text</c> for the evidence,
/// <c>Input.ChoiceSet</c> for the status, both merged into the <c>Action.Execute</c> data), the forget question.
/// Text a person or the catalogue wrote goes in <c>TextRun</c>s, which Adaptive Cards never read as markdown, so
/// evidence cannot become a link or formatting.
/// </summary>
public static class ProgressCard
{
    public const string StatusInput = "status";
    public const string EvidenceInput = "evidence";
    public const string LevelInput = "level";

    /// <summary>Catalogue and evidence text per checklist item, so a 50-skill checklist stays well under Teams' card size.</summary>
    private const int MaxItemText = 400;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = JsonNodeContext.Default };

    public static string Render(ProgressReply reply) => JsonSerializer.Serialize(Build(reply), Relaxed);

    public static JsonObject Build(ProgressReply reply)
    {
        var labels = Labels.For(reply.Language);
        var language = reply.ActionLanguage;
        var body = new JsonArray();
        var actions = new JsonArray();
        if (reply.Checklist is { } checklist)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Plainly(ProgressLabels.Title(labels, checklist)), ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true });
        }
        body.Add(Rich(reply.Message));
        if (reply.Checklist is { } list)
        {
            foreach (var item in list.Items)
            {
                var container = new JsonArray
                {
                    new JsonObject { ["type"] = "TextBlock", ["text"] = Plainly($"{ProgressLabels.Status(labels, item.Mark)} · {item.Skill}"), ["weight"] = "Bolder", ["wrap"] = true },
                    Rich(TextFit.Fit(item.Expectation, MaxItemText)),
                };
                if (item.Mark is { Evidence.Length: > 0 } mark)
                {
                    container.Add(Rich(labels["progress.evidenceOf"] + TextFit.Fit(mark.Evidence, MaxItemText), italic: true));
                }
                if (item.ChangedSinceMarked)
                {
                    container.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Plainly(labels["progress.changed"]), ["color"] = "Warning", ["wrap"] = true });
                }
                if (!reply.Shared)
                {
                    container.Add(new JsonObject
                    {
                        ["type"] = "ActionSet",
                        ["actions"] = new JsonArray { Execute(labels["progress.mark"], new ProgressAction(ProgressAction.OpenVerb, item.Skill, list.Role, list.Level, Language: language)) },
                    });
                }
                body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = container });
            }
            if (!reply.Shared)
            {
                actions.Add(Execute(labels["progress.share"], new ProgressAction(ProgressAction.ShareVerb, list.OnlySkill, list.Role, list.Level, Language: language)));
                if (!list.OtherLevels.IsEmpty)
                {
                    body.Add(new JsonObject
                    {
                        ["type"] = "Input.ChoiceSet",
                        ["id"] = LevelInput,
                        ["label"] = labels["progress.otherLevel"],
                        ["value"] = list.OtherLevels[0],
                        ["choices"] = new JsonArray([.. list.OtherLevels.Select(l => (JsonNode)new JsonObject { ["title"] = l, ["value"] = l })]),
                    });
                    actions.Add(Execute(labels["progress.showLevel"], new ProgressAction(ProgressAction.ShowVerb, list.OnlySkill, list.Role, Language: language)));
                }
            }
        }
        if (reply.Form is { } form)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Plainly($"{form.Skill} · {form.Role} · {form.Level}"), ["weight"] = "Bolder", ["wrap"] = true });
            body.Add(Rich(form.Expectation));
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = StatusInput,
                ["label"] = labels["progress.status"],
                ["style"] = "expanded",
                ["isRequired"] = true,
                ["errorMessage"] = labels["progress.statusRequired"],
                ["value"] = form.Mark?.Status == ProgressStatus.WorkingOn ? ProgressAction.Working : ProgressAction.Met,
                ["choices"] = new JsonArray
                {
                    new JsonObject { ["title"] = labels["progress.met"], ["value"] = ProgressAction.Met },
                    new JsonObject { ["title"] = labels["progress.working"], ["value"] = ProgressAction.Working },
                },
            });
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text",
                ["id"] = EvidenceInput,
                ["label"] = labels["progress.evidence"],
                ["isMultiline"] = true,
                ["maxLength"] = ProgressMark.MaxEvidenceLength,
                ["value"] = form.Mark?.Evidence ?? "",
            });
            actions.Add(Execute(labels["progress.save"], new ProgressAction(ProgressAction.MarkVerb, form.Skill, form.Role, form.Level, Language: language)));
            if (form.Mark is not null)
            {
                actions.Add(Execute(labels["progress.removeMark"], new ProgressAction(ProgressAction.UnmarkVerb, form.Skill, form.Role, form.Level, Language: language)));
            }
            actions.Add(Execute(labels["progress.back"], new ProgressAction(ProgressAction.ShowVerb, null, form.Role, form.Level, Language: language)));
        }
        if (reply.AsksToForget)
        {
            actions.Add(Execute(labels["progress.forgetYes"], new ProgressAction(ProgressAction.ForgetVerb, Language: language)));
        }
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["fallbackText"] = ProgressText.Render(reply),
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }
        return card;
    }

    private static JsonObject Execute(string title, ProgressAction action)
    {
        var data = JsonSerializer.SerializeToNode(action, ProgressActionJsonContext.Default.ProgressAction)!.AsObject();
        data.Remove("verb");
        return new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = action.Verb, ["data"] = data };
    }

    /// <summary>A TextBlock's text is markdown: names shown there have markdown's characters escaped.</summary>
    private static string Plainly(string text)
    {
        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '`' or '~' or '>' or '-' or '+' or '!' or '|')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static JsonObject Rich(string text, bool italic = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = text };
        if (italic)
        {
            run["italic"] = true;
        }
        return new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray { run } };
    }
}
