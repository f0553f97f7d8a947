using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Cards.Adaptive;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Limits;
using SkillBot.Rendering;
using SkillBot.SharedState;

namespace SkillBot.Teams;

/// <summary>
/// What SkillBot does with an authenticated activity: questions get a card reply through the connector,
/// a bot added to a conversation says welcome, card buttons and compose-box searches are answered in the
/// HTTP response. Anything else gets 200 and is ignored, as Teams expects.
/// </summary>
public sealed class TeamsBot(Assistant assistant, AdaptiveCardRenderer cards, RenderedAnswers rendered, ReplyQueue replies, SeenIds seen, ChatRateLimiter limiter, ILogger<TeamsBot> logger)
{
    public const string SearchCommand = "searchSkills";
    public const string SearchParameter = "searchKeywords";
    private const int MaxSearchResults = 25;

    /// <summary>
    /// Messages and welcomes are answered once per activity id (they post a message). Invokes are answered
    /// every time: Teams retries an invoke it gave up waiting for, and the answer (a card) is the same.
    /// </summary>
    public async Task<IResult> HandleAsync(Activity activity, CancellationToken cancellation) => activity.Type switch
    {
        ActivityTypes.Message => await OnMessageAsync(activity, cancellation),
        ActivityTypes.ConversationUpdate => await OnConversationUpdateAsync(activity),
        ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardAction => await OnCardActionAsync(activity, cancellation),
        ActivityTypes.Invoke when activity.Name == ActivityTypes.MessageExtensionQuery => OnSearch(activity),
        _ => Results.Ok(),
    };

    private async Task<IResult> OnMessageAsync(Activity activity, CancellationToken cancellation)
    {
        if (Unanswerable(activity) is { } problem)
        {
            return problem;
        }
        var mentioned = MentionsOfBot(activity).ToList();
        if (IsGroup(activity) && mentioned.Count == 0)
        {
            return Results.Ok(); // channels and group chats: only messages that @mention the bot are for it
        }
        return await ReplyOnceAsync(activity, async () =>
        {
            var user = UserKey(activity);
            // An old client falls back from Action.Execute to Action.Submit: the button's data arrives as the value.
            return !Allowed(user)
                ? Limited()
                : ButtonPressed(activity.Value) is { } action
                    ? await assistant.ActAsync(action, user, cancellation)
                    : await assistant.AskAsync(StripMentions(activity.Text ?? "", mentioned), user, cancellation);
        });
    }

    private async Task<IResult> OnConversationUpdateAsync(Activity activity)
    {
        var botAdded = activity.Recipient?.Id is { } bot && activity.MembersAdded?.Any(m => m?.Id == bot) == true;
        if (!botAdded)
        {
            return Results.Ok(); // someone else joined: no welcome spam in big teams
        }
        if (Unanswerable(activity) is { } problem)
        {
            return problem;
        }
        return await ReplyOnceAsync(activity, () => Task.FromResult(assistant.Composer.Help(new Query(""),
            "Hi, I'm SkillBot. Ask me what your next level asks of you in a skill, for example:")));
    }

    /// <summary>
    /// Answers an activity id once: the reply is queued and the request gets 200 at once. An id counts as
    /// answered only once its reply is queued: when the queue is full (the connector is not keeping up) or
    /// the answer fails, the id is forgotten again and the request gets 503 at once, never held. 503 rather
    /// than 200-and-drop: the Bot Framework takes a 5xx as a failed delivery it may redeliver, and the
    /// redelivery is answered; a 200 would tell it the message was taken and lose it silently.
    /// </summary>
    private async Task<IResult> ReplyOnceAsync(Activity activity, Func<Task<Answer>> answer)
    {
        var key = SeenKey(activity);
        if (!await seen.FirstTimeAsync(key))
        {
            return Results.Ok();
        }
        var queued = false;
        try
        {
            queued = replies.TryEnqueue(Reply(activity, await answer()));
        }
        finally
        {
            if (!queued)
            {
                await seen.ForgetAsync(key);
            }
        }
        return queued
            ? Results.Ok()
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "SkillBot is busy sending replies and did not take this activity; deliver it again shortly.");
    }

    /// <summary>Action.Execute: the new card goes back in the HTTP response, so Teams replaces the card in place.</summary>
    private async Task<IResult> OnCardActionAsync(Activity activity, CancellationToken cancellation)
    {
        var action = activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.Object
            ? a
            : (JsonElement?)null;
        if (action is not { } execute || Text(execute, "type") != "Action.Execute" || Text(execute, "verb") is not { Length: > 0 } verb)
        {
            return Json(new AdaptiveCardInvokeResponse(400, ContentTypes.Error,
                RawJson.Of(new InvokeError("BadRequest", "Expected an Action.Execute with a verb."), TeamsJsonContext.Default.InvokeError)));
        }
        var data = execute.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var user = UserKey(activity);
        var answer = Allowed(user) ? await assistant.ActAsync(ActionOf(verb, data), user, cancellation) : Limited();
        return Json(new AdaptiveCardInvokeResponse(200, ContentTypes.AdaptiveCard, Card(answer)));
    }

    /// <summary>The search message extension: matching expectations as preview items; picking one inserts its card.</summary>
    private IResult OnSearch(Activity activity)
    {
        MessageExtensionQuery? query;
        try
        {
            query = activity.Value?.Deserialize(TeamsJsonContext.Default.MessageExtensionQuery);
        }
        catch (JsonException)
        {
            query = null;
        }
        if (query?.CommandId != SearchCommand)
        {
            return Json(new MessageExtensionResponse(new MessageExtensionResult("message") { Text = $"Unknown command; SkillBot offers '{SearchCommand}'." }));
        }
        var keywords = query.Parameters?.FirstOrDefault(p => p?.Name == SearchParameter)?.Value is { ValueKind: JsonValueKind.String } v
            ? v.GetString() ?? ""
            : "";
        var skip = Math.Max(0, query.QueryOptions?.Skip ?? 0);
        var count = Math.Clamp(query.QueryOptions?.Count ?? MaxSearchResults, 1, MaxSearchResults);
        var asked = assistant.Ask(keywords);
        if (asked.Intent == Intent.NotFound)
        {
            return Json(new MessageExtensionResponse(new MessageExtensionResult("message") { Text = asked.Message }));
        }
        var items = Matches(keywords, asked).Skip(skip).Take(count).Select(SearchItem).ToList();
        return Json(new MessageExtensionResponse(new MessageExtensionResult("result") { AttachmentLayout = "list", Attachments = items }));
    }

    /// <summary>The answers a search lists: one expectation, or each entry of a profile, ladder, clarification or help.</summary>
    private IEnumerable<Answer> Matches(string keywords, Answer asked) => asked.Intent switch
    {
        Intent.RoleProfile => asked.Items.OfType<ProfileItem>().Select(i => assistant.Act(CardAction.Answer(i.Skill, asked.Role, asked.Level))),
        Intent.SkillOverview => asked.Items.OfType<LadderItem>().Select(i => assistant.Act(CardAction.Answer(asked.Skill, i.Role, i.Level))),
        Intent.Clarify => (asked.Clarify?.Options ?? []).Select(option => assistant.Ask(keywords + " " + option)),
        Intent.Help => asked.Suggestions.Select(s => assistant.Ask(s)),
        _ => [asked],
    };

    private MessageExtensionAttachment SearchItem(Answer answer)
    {
        var title = string.Join(" · ", new[] { answer.Skill, answer.Role, answer.Level }.OfType<string>());
        var text = answer.Current?.Description ?? answer.Message;
        var preview = new ThumbnailCard(
            title.Length > 0 ? title : answer.Message,
            answer.Next is { } next ? $"{answer.Current?.Level} → {next.Level}" : answer.Domain,
            text.Length > 200 ? text[..199] + "…" : text);
        return new MessageExtensionAttachment(ContentTypes.AdaptiveCard, Card(answer),
            new Attachment(ContentTypes.ThumbnailCard, RawJson.Of(preview, TeamsJsonContext.Default.ThumbnailCard)));
    }

    private PendingReply Reply(Activity activity, Answer answer) => new(
        activity.ServiceUrl!,
        activity.Conversation!.Id!,
        activity.Id!,
        new ReplyActivity(ActivityTypes.Message, activity.Recipient, activity.From, new ConversationAccount(activity.Conversation.Id),
            activity.Id, answer.Message, [new Attachment(ContentTypes.AdaptiveCard, Card(answer))]));

    private RawJson Card(Answer answer) => new(rendered.Get("teams", answer, cards.Render));

    /// <summary>A message or welcome needs somewhere to reply to.</summary>
    private IResult? Unanswerable(Activity activity)
    {
        if (activity.Conversation?.Id is { Length: > 0 } && activity.Id is { Length: > 0 })
        {
            return null;
        }
        logger.LogInformation("Teams {Type} activity without conversation.id or id refused", LogSafe.Text(activity.Type));
        return TypedResults.Problem(detail: "The activity needs an id and a conversation.id to be answered.", statusCode: StatusCodes.Status400BadRequest);
    }

    private static bool IsGroup(Activity activity) =>
        activity.Conversation?.ConversationType is "channel" or "groupChat" || activity.Conversation?.IsGroup == true;

    /// <summary>Mention entities naming the bot (the recipient). Entities of any other shape are skipped, never fatal.</summary>
    private static IEnumerable<(string? Text, string? Name)> MentionsOfBot(Activity activity) =>
        (activity.Entities ?? [])
            .Where(e => e.ValueKind == JsonValueKind.Object && Text(e, "type") == "mention")
            .Where(e => e.TryGetProperty("mentioned", out var m) && m.ValueKind == JsonValueKind.Object
                && Text(m, "id") is { } id && id == activity.Recipient?.Id)
            .Select(e => (Text(e, "text"), Text(e.GetProperty("mentioned"), "name")));

    /// <summary>
    /// Removes the bot's <c>&lt;at&gt;Name&lt;/at&gt;</c> as its mention entity writes it (the Bot Framework's way),
    /// so the question the core reads and echoes is the user's own. Other at-tags are left to the core's ChatText.
    /// </summary>
    private static string StripMentions(string text, IEnumerable<(string? Text, string? Name)> mentions)
    {
        foreach (var (mention, name) in mentions)
        {
            var written = mention ?? (name is null ? null : $"<at>{name}</at>");
            if (!string.IsNullOrEmpty(written))
            {
                text = text.Replace(written, " ", StringComparison.OrdinalIgnoreCase);
            }
        }
        return text.Trim();
    }

    private static CardAction? ButtonPressed(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } data && Text(data, "verb") is { } verb && verb.StartsWith("skillbot.", StringComparison.Ordinal)
            ? ActionOf(verb, data)
            : null;

    /// <summary>The button's action, read the one way every channel reads an Action.Execute.</summary>
    private static CardAction ActionOf(string verb, JsonElement data) =>
        ExecuteAction.Parse(verb, data.ValueKind == JsonValueKind.Object ? JsonObject.Create(data) : null) ?? new CardAction(verb);

    /// <summary>Teams redelivers an activity it is unsure about: one reply per conversation and activity id, across replicas.</summary>
    private static string SeenKey(Activity activity) => $"teams:{activity.Conversation?.Id}:{activity.Id}";

    private bool Allowed(string? user) =>
        user is null || limiter.TryAcquire(user, "teams:" + user.Split(':')[1]);

    private Answer Limited() => assistant.Composer.Help(new Query(""), ChatRateLimiter.FriendlyMessage) with { Suggestions = [] };

    /// <summary>The per-user context key: tenant + Entra object id (or the Teams user id); null (no context) for an unknown sender.</summary>
    public static string? UserKey(Activity activity)
    {
        var user = activity.From?.AadObjectId ?? activity.From?.Id;
        if (string.IsNullOrEmpty(user))
        {
            return null;
        }
        var tenant = (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
                && data.TryGetProperty("tenant", out var t) && t.ValueKind == JsonValueKind.Object ? Text(t, "id") : null)
            ?? activity.Conversation?.TenantId
            ?? "-";
        return $"teams:{tenant}:{user}";
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IResult Json(AdaptiveCardInvokeResponse body) => TypedResults.Json(body, TeamsJsonContext.Default.AdaptiveCardInvokeResponse);

    private static IResult Json(MessageExtensionResponse body) => TypedResults.Json(body, TeamsJsonContext.Default.MessageExtensionResponse);
}
