using SkillBot.Core;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Core.Progress;
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
    /// <summary>The progress question a typed turn asks; null when it asks the framework.</summary>
    public ProgressQuestion? Read(string? text) => assistant.ReadProgress(text);

    /// <summary>A typed progress question: the checklist, or the question whether to forget.</summary>
    public async Task<ProgressReply> AnswerAsync(ChatUser? user, ProgressQuestion question, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return Anonymous;
        }
        if (question.Ask == ProgressAsk.Forget)
        {
            return new ProgressReply(
                "Shall I delete everything I keep about you: your progress marks, your evidence notes and what you told me about yourself? This cannot be undone.",
                AsksToForget: true);
        }
        var context = await contexts.RecallAsync(user.Key, cancellationToken);
        var catalogue = assistant.Catalogue;
        var role = question.Role ?? catalogue.FindRole((context?.Person?.Role ?? context?.Topic?.Role));
        var current = catalogue.FindLevel((context?.Person?.Level ?? context?.Topic?.Level));
        return await ChecklistAsync(user, catalogue, role, question.Target ?? Next(catalogue, current), current, question.Skill, cancellationToken);
    }

    /// <summary>A progress button (or the Slack modal's submission).</summary>
    public async Task<ProgressReply> ActAsync(ChatUser? user, ProgressAction action, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return Anonymous;
        }
        if (new[] { action.Verb, action.Skill, action.Role, action.Level, action.Status }.Any(v => v?.Length > Assistant.MaxNameLength))
        {
            return new ProgressReply($"That button carries a name longer than {Assistant.MaxNameLength} characters, which no skill, role or level has.");
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
                    var reply = await ChecklistAsync(user, catalogue, role ?? catalogue.FindRole((context?.Person?.Role ?? context?.Topic?.Role)),
                        level ?? Next(catalogue, catalogue.FindLevel((context?.Person?.Level ?? context?.Topic?.Level))), catalogue.FindLevel((context?.Person?.Level ?? context?.Topic?.Level)), skill, cancellationToken);
                    return action.Verb == ProgressAction.ShareVerb && reply.Checklist is not null ? reply with { Shared = true } : reply;
                case ProgressAction.ForgetVerb:
                    var rows = await forgetting.PersonAsync(user, cancellationToken);
                    return new ProgressReply(
                        $"Done: I deleted everything I kept about you ({rows} progress mark{(rows == 1 ? "" : "s")} with their evidence, and what you told me about yourself).");
            }
            if (skill is null || role is null || level is null || skill.For(role)?.At(level) is not { } expectation)
            {
                return new ProgressReply("That expectation is no longer in the framework, so I cannot mark it. Ask for your progress to see the current checklist.");
            }
            switch (action.Verb)
            {
                case ProgressAction.OpenVerb:
                    var marks = await store.MarksAsync(user, cancellationToken);
                    var mark = marks.FirstOrDefault(m => Same(m, skill, role, level));
                    return new ProgressReply($"Mark your progress on {skill.Name} for {role.Name} at {level.Name}.",
                        Form: new MarkForm(skill.Name, role.Name, level.Name, expectation.Description, mark));
                case ProgressAction.MarkVerb:
                    if (ProgressAction.StatusOf(action.Status) is not { } status)
                    {
                        return new ProgressReply("Choose 'met' or 'working on it' to mark this expectation.");
                    }
                    var evidence = (action.Evidence ?? "").Trim();
                    if (evidence.Length > ProgressMark.MaxEvidenceLength)
                    {
                        return new ProgressReply($"Your evidence note is {evidence.Length} characters long; please keep it under {ProgressMark.MaxEvidenceLength} (a sentence and a link).");
                    }
                    await store.SaveAsync(user, new ProgressMark(skill.Name, role.Name, level.Name, status, evidence, expectation.Description, time.GetUtcNow()), cancellationToken);
                    var saved = await ChecklistAsync(user, catalogue, role, level, null, null, cancellationToken);
                    return saved with { Message = $"Saved: {skill.Name} is {(status == ProgressStatus.Met ? "met" : "in progress")}. " + saved.Message };
                case ProgressAction.UnmarkVerb:
                    await store.RemoveAsync(user, skill.Name, role.Name, level.Name, cancellationToken);
                    var after = await ChecklistAsync(user, catalogue, role, level, null, null, cancellationToken);
                    return after with { Message = $"Removed your mark on {skill.Name}. " + after.Message };
                default:
                    return new ProgressReply($"I don't know the progress action '{action.Verb}'.");
            }
        }
        catch (ProgressUnavailableException)
        {
            return new ProgressReply(ProgressReply.Unavailable);
        }
    }

    /// <summary>The mark form from the catalogue alone (no database: Slack's modal must open within its trigger's 3 s); null when the expectation is gone.</summary>
    public MarkForm? FormFromCatalogue(ProgressAction action)
    {
        var catalogue = assistant.Catalogue;
        return catalogue.FindSkill(action.Skill) is { } skill && catalogue.FindRole(action.Role) is { } role
            && catalogue.FindLevel(action.Level) is { } level && skill.For(role)?.At(level) is { } expectation
            ? new MarkForm(skill.Name, role.Name, level.Name, expectation.Description, null)
            : null;
    }

    private async Task<ProgressReply> ChecklistAsync(ChatUser user, SkillCatalogue catalogue, Role? role, Level? target, Level? current, Skill? onlySkill, CancellationToken cancellationToken)
    {
        if (role is null || target is null)
        {
            return new ProgressReply(
                "Tell me your role and level first, for example \"I'm a senior data scientist\", then ask \"my progress\" or \"how far am I from lead?\".");
        }
        try
        {
            var marks = await store.MarksAsync(user, cancellationToken);
            var checklist = Checklist.Build(catalogue, role, target, current, onlySkill, marks);
            logger.LogDebug("Progress checklist served: {Items} items", checklist.Items.Length);
            return new ProgressReply($"Your checklist toward {target.Name} {role.Name}: {checklist.Summary}.", checklist);
        }
        catch (ProgressUnavailableException)
        {
            return new ProgressReply(ProgressReply.Unavailable);
        }
    }

    /// <summary>The level above the one they are at; the top level stays the top level; none known: none.</summary>
    private static Level? Next(SkillCatalogue catalogue, Level? current) => current is null ? null : catalogue.Above(current) ?? current;

    private static bool Same(ProgressMark mark, Skill skill, Role role, Level level) =>
        string.Equals(mark.Skill, skill.Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(mark.Role, role.Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(mark.Level, level.Name, StringComparison.OrdinalIgnoreCase);

    private static readonly ProgressReply Anonymous =
        new("Your progress is kept for you by name: sign in through Slack or Teams, or give the web chat a user, to keep a checklist.");
}
