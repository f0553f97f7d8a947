using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Text;
using SkillBot.Core;
using SkillBot.Core.Answers;

namespace SkillBot.Teams;

/// <summary>
/// What SkillBot does with an authenticated activity: questions get a card reply through the connector,
/// a bot added to a conversation says welcome, card buttons and compose-box searches are answered in the
/// HTTP response. Anything else gets 200 and is ignored, as Teams expects.
/// </summary>
public sealed class TeamsBot(Assistant assistant, AdaptiveCardRenderer cards, ReplyQueue replies, SeenActivities seen, ILogger<TeamsBot> logger)
{
    public const string SearchCommand = "searchSkills";
    public const string SearchParameter = "searchKeywords";
    private const int MaxSearchResults = 25;

    public async Task<IResult> HandleAsync(Activity activity, CancellationToken cancellation) => activity.Type switch
    {
        ActivityTypes.Message => await OnMessageAsync(activity, cancellation),
        ActivityTypes.ConversationUpdate => await OnConversationUpdateAsync(activity, cancellation),
        ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardAction => OnCardAction(activity),
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
        if (!seen.FirstTime(activity))
        {
            return Results.Ok();
        }
        var user = UserKey(activity);
        // An old client falls back from Action.Execute to Action.Submit: the button's data arrives as the value.
        var answer = ButtonPressed(activity.Value) is { } action
            ? assistant.Act(action, user)
            : assistant.Ask(StripMentions(activity.Text ?? "", mentioned), user);
        await replies.EnqueueAsync(Reply(activity, answer), cancellation);
        return Results.Ok();
    }

    private async Task<IResult> OnConversationUpdateAsync(Activity activity, CancellationToken cancellation)
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
        if (seen.FirstTime(activity))
        {
            var welcome = assistant.Composer.Help(new Query(""),
                "Hi, I'm SkillBot. Ask me what your next level asks of you in a skill, for example:");
            await replies.EnqueueAsync(Reply(activity, welcome), cancellation);
        }
        return Results.Ok();
    }

    /// <summary>Action.Execute: the new card goes back in the HTTP response, so Teams replaces the card in place.</summary>
    private IResult OnCardAction(Activity activity)
    {
        var action = activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.Object
            ? a
            : (JsonElement?)null;
        if (action is not { } execute || Text(execute, "type") != "Action.Execute" || Text(execute, "verb") is not { Length: > 0 } verb)
        {
            return Json(new AdaptiveCardInvokeResponse(400, ContentTypes.Error,
                JsonSerializer.SerializeToNode(new InvokeError("BadRequest", "Expected an Action.Execute with a verb."), TeamsJsonContext.Default.InvokeError)));
        }
        var data = execute.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var answer = assistant.Act(ActionOf(verb, data), UserKey(activity));
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
        Intent.Clarify => asked.Clarify!.Options.Select(option => assistant.Ask(keywords + " " + option)),
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
            new Attachment(ContentTypes.ThumbnailCard, JsonSerializer.SerializeToNode(preview, TeamsJsonContext.Default.ThumbnailCard)!));
    }

    private PendingReply Reply(Activity activity, Answer answer) => new(
        activity.ServiceUrl!,
        activity.Conversation!.Id!,
        activity.Id!,
        new ReplyActivity(ActivityTypes.Message, activity.Recipient, activity.From, new ConversationAccount(activity.Conversation.Id),
            activity.Id, answer.Message, [new Attachment(ContentTypes.AdaptiveCard, Card(answer))]));

    private JsonObject Card(Answer answer) => WithFallback(cards.Render(answer), answer);

    /// <summary>Clients that cannot show the card show the answer as text instead.</summary>
    private static JsonObject WithFallback(JsonObject card, Answer answer)
    {
        if (!card.ContainsKey("fallbackText"))
        {
            card["fallbackText"] = TextRenderer.Render(answer);
        }
        return card;
    }

    /// <summary>A message or welcome needs somewhere to reply to.</summary>
    private IResult? Unanswerable(Activity activity)
    {
        if (activity.Conversation?.Id is { Length: > 0 } && activity.Id is { Length: > 0 })
        {
            return null;
        }
        logger.LogInformation("Teams {Type} activity without conversation.id or id refused", activity.Type);
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

    /// <summary>Removes the bot's <c>&lt;at&gt;Name&lt;/at&gt;</c> from the text before it is read.</summary>
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

    private static CardAction ActionOf(string verb, JsonElement data) => data.ValueKind == JsonValueKind.Object
        ? new CardAction(verb, Text(data, "skill"), Text(data, "role"), Text(data, "level"), Text(data, "compareTo"), Text(data, "question"))
        : new CardAction(verb);

    /// <summary>The per-user context key: tenant + Entra object id (or the Teams user id when there is none).</summary>
    public static string UserKey(Activity activity)
    {
        var tenant = (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
                && data.TryGetProperty("tenant", out var t) && t.ValueKind == JsonValueKind.Object ? Text(t, "id") : null)
            ?? activity.Conversation?.TenantId
            ?? "-";
        var user = activity.From?.AadObjectId ?? activity.From?.Id ?? "-";
        return $"teams:{tenant}:{user}";
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IResult Json(AdaptiveCardInvokeResponse body) => TypedResults.Json(body, TeamsJsonContext.Default.AdaptiveCardInvokeResponse);

    private static IResult Json(MessageExtensionResponse body) => TypedResults.Json(body, TeamsJsonContext.Default.MessageExtensionResponse);
}

/// <summary>Activity ids already answered: Teams may deliver an activity again, and a question is answered once.</summary>
public sealed class SeenActivities : IDisposable
{
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly MemoryCacheEntryOptions _entry = new() { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) };
    private readonly Lock _lock = new();

    public bool FirstTime(Activity activity)
    {
        var key = activity.Conversation?.Id + "\n" + activity.Id;
        lock (_lock)
        {
            if (_seen.TryGetValue(key, out _))
            {
                return false;
            }
            _seen.Set(key, true, _entry);
            return true;
        }
    }

    public void Dispose() => _seen.Dispose();
}
