using SkillBot.Core;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Core.Progress;
using SkillBot.Limits;
using SkillBot.SharedState;

namespace SkillBot.Progress;

/// <summary>
/// The person's own progress, for every channel: the checklist toward a level, marks with evidence, sharing and
/// forgetting. Channels ask it first (<see cref="Read"/>, <see cref="ProgressAction.IsProgressVerb"/>) and pass
/// anything else to the gate as before. Answers are protocol-neutral <see cref="ProgressReply"/> values; the database
/// being down is a reply too ("progress is unavailable right now"), never an exception.
/// </summary>
public sealed class ProgressDesk(Assistant assistant, ProgressStore store, IUserContextStore contexts, Forgetting forgetting, TimeProvider time, ILogger<ProgressDesk> logger)
{
    /// <summary>How long the Slack modal waits for the existing mark before it opens empty: its trigger expires 3 s after the click.</summary>
    public static readonly TimeSpan ModalMarkBudget = TimeSpan.FromMilliseconds(750);

    /// <summary>The progress question a typed turn asks; null when it asks the framework.</summary>
    public ProgressQuestion? Read(string? text) => assistant.ReadProgress(text);

    /// <summary>The rate limit's friendly message, in the language of the question or button.</summary>
    public ProgressReply RateLimited(string? language) => Say(language, ChatRateLimiter.FriendlyMessageKey);

    /// <summary>The Slack modal's evidence field over the cap (shown beside the field).</summary>
    public ProgressReply EvidenceTooLong(string? language) => Say(language, "progress.evidenceTooLong.short", ("max", Number(ProgressMark.MaxEvidenceLength)));

    /// <summary>In a Teams channel or group chat: nothing personal there, the person is asked to use the 1:1 chat.</summary>
    public ProgressReply PrivateOnly(string? language) => Say(language, "progress.privateOnly");

    /// <summary>A typed progress question: the checklist, or the question whether to forget.</summary>
    public async Task<ProgressReply> AnswerAsync(ChatUser? user, ProgressQuestion question, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return Say(question.Language, "progress.anonymous");
        }
        if (question.Ask == ProgressAsk.Forget)
        {
            return Say(question.Language, "progress.forget.ask") with { AsksToForget = true };
        }
        var context = await contexts.RecallAsync(user.Key, cancellationToken);
        var catalogue = assistant.Catalogue;
        var role = question.Role ?? catalogue.FindRole(context?.Person?.Role ?? context?.Topic?.Role);
        var current = catalogue.FindLevel(context?.Person?.Level ?? context?.Topic?.Level);
        return await ChecklistAsync(user, catalogue, role, question.Target ?? Next(catalogue, current), current, question.Skill, question.Language, cancellationToken);
    }

    /// <summary>A progress button (or the Slack modal's submission).</summary>
    public async Task<ProgressReply> ActAsync(ChatUser? user, ProgressAction action, CancellationToken cancellationToken)
    {
        var code = assistant.Languages.For(action.Language).Code;
        if (user is null)
        {
            return Say(code, "progress.anonymous");
        }
        if (new[] { action.Verb, action.Skill, action.Role, action.Level, action.Status, action.Language }.Any(v => v?.Length > Assistant.MaxNameLength))
        {
            return Say(code, "progress.longButton", ("max", Number(Assistant.MaxNameLength)));
        }
        var catalogue = assistant.Catalogue;
        var role = catalogue.FindRole(action.Role);
        var level = catalogue.FindLevel(action.Level);
        var skill = catalogue.FindSkill(action.Skill);
        try
        {
            switch (action.Verb)
            {
                case ProgressAction.ShowVerb:
                case ProgressAction.ShareVerb:
                    var context = await contexts.RecallAsync(user.Key, cancellationToken);
                    var current = catalogue.FindLevel(context?.Person?.Level ?? context?.Topic?.Level);
                    var reply = await ChecklistAsync(user, catalogue, role ?? catalogue.FindRole(context?.Person?.Role ?? context?.Topic?.Role),
                        level ?? Next(catalogue, current), current, skill, code, cancellationToken);
                    return action.Verb == ProgressAction.ShareVerb && reply.Checklist is not null ? reply with { Shared = true } : reply;
                case ProgressAction.ForgetVerb:
                    var rows = await forgetting.PersonAsync(user, cancellationToken);
                    var language = assistant.Languages.For(code);
                    var marks = rows == 1 ? language.Text("progress.count.mark") : language.Text("progress.count.marks", ("count", Number(rows)));
                    return Say(code, "progress.forget.done", ("marks", marks));
            }
            if (skill is null || role is null || level is null || skill.For(role)?.At(level) is not { } expectation)
            {
                return Say(code, "progress.gone");
            }
            switch (action.Verb)
            {
                case ProgressAction.OpenVerb:
                    var mark = await store.MarkAsync(user, [skill.Name, .. skill.Aliases], role.Name, level.Name, cancellationToken);
                    return Say(code, "progress.form", ("skill", skill.Name), ("role", role.Name), ("level", level.Name))
                        with { Form = new MarkForm(skill.Name, role.Name, level.Name, expectation.Description, mark) };
                case ProgressAction.MarkVerb:
                    if (ProgressAction.StatusOf(action.Status) is not { } status)
                    {
                        return Say(code, "progress.chooseStatus");
                    }
                    var evidence = (action.Evidence ?? "").Trim();
                    if (evidence.Length > ProgressMark.MaxEvidenceLength)
                    {
                        return Say(code, "progress.evidenceTooLong", ("length", Number(evidence.Length)), ("max", Number(ProgressMark.MaxEvidenceLength)));
                    }
                    await store.SaveAsync(user, new ProgressMark(skill.Name, role.Name, level.Name, status, evidence, expectation.Description, time.GetUtcNow()), skill.Aliases, cancellationToken);
                    var saved = await ChecklistAsync(user, catalogue, role, level, null, null, code, cancellationToken);
                    var savedText = Say(code, status == ProgressStatus.Met ? "progress.saved.met" : "progress.saved.working", ("skill", skill.Name)).Message;
                    return saved with { Message = savedText + " " + saved.Message };
                case ProgressAction.UnmarkVerb:
                    await store.RemoveAsync(user, [skill.Name, .. skill.Aliases], role.Name, level.Name, cancellationToken);
                    var after = await ChecklistAsync(user, catalogue, role, level, null, null, code, cancellationToken);
                    return after with { Message = Say(code, "progress.removed", ("skill", skill.Name)).Message + " " + after.Message };
                default:
                    return Say(code, "progress.unknownAction", ("verb", action.Verb));
            }
        }
        catch (ProgressUnavailableException)
        {
            return Say(code, "progress.unavailable");
        }
    }

    /// <summary>
    /// The mark form for Slack's modal, which must open within its trigger's 3 s: the existing mark when the database
    /// gives it within <see cref="ModalMarkBudget"/>, else the form opens empty (the database slow or down). Null when
    /// the expectation is gone.
    /// </summary>
    public async Task<MarkForm?> FormForModalAsync(ChatUser user, ProgressAction action, CancellationToken cancellationToken)
    {
        var catalogue = assistant.Catalogue;
        if (catalogue.FindSkill(action.Skill) is not { } skill || catalogue.FindRole(action.Role) is not { } role
            || catalogue.FindLevel(action.Level) is not { } level || skill.For(role)?.At(level) is not { } expectation)
        {
            return null;
        }
        var form = new MarkForm(skill.Name, role.Name, level.Name, expectation.Description, null);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(ModalMarkBudget);
        try
        {
            // On a thread of its own: SQLite's reads block their caller, and the budget must hold whatever the database does.
            var mark = Task.Run(() => store.MarkAsync(user, [skill.Name, .. skill.Aliases], role.Name, level.Name, budget.Token), budget.Token);
            return form with { Mark = await mark.WaitAsync(budget.Token) };
        }
        catch (Exception e) when (e is ProgressUnavailableException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Progress modal opened without the existing mark: the database did not answer within {Budget} ms", ModalMarkBudget.TotalMilliseconds);
            return form;
        }
    }

    private async Task<ProgressReply> ChecklistAsync(ChatUser user, SkillCatalogue catalogue, Role? role, Level? target, Level? current, Skill? onlySkill, string code, CancellationToken cancellationToken)
    {
        if (role is null || target is null)
        {
            return Say(code, "progress.whoAreYou");
        }
        try
        {
            var marks = await store.MarksAsync(user, cancellationToken);
            var checklist = Checklist.Build(catalogue, role, target, current, onlySkill, marks);
            logger.LogDebug("Progress checklist served: {Items} items", checklist.Items.Length);
            var language = assistant.Languages.For(code);
            return Say(code, "progress.checklist", ("level", target.Name), ("role", role.Name), ("summary", checklist.Summary(language))) with { Checklist = checklist };
        }
        catch (ProgressUnavailableException)
        {
            return Say(code, "progress.unavailable");
        }
    }

    /// <summary>One message of the language files, as a reply in that language.</summary>
    private ProgressReply Say(string? code, string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var language = assistant.Languages.For(code);
        return new ProgressReply(language.Text(key, values), Language: language.Code);
    }

    private static string Number(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The level above the one they are at; the top level stays the top level; none known: none.</summary>
    private static Level? Next(SkillCatalogue catalogue, Level? current) => current is null ? null : catalogue.Above(current) ?? current;
}
