using System.Text;
using Microsoft.Extensions.Options;
using SkillBot.Core;
using SkillBot.Cards.Slack;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Core.Text;
using SkillBot.Core.Understanding;
using SkillBot.SharedState;
using SkillBot.Slack.WebApi;
using SkillBot.Teams;

namespace SkillBot.Owners;

/// <summary>
/// Routes the questions SkillBot could not answer to the people who can (Unanswered settings, off by default): every
/// not_found, and every clarify the person abandoned (their next turn got help or not_found, or they said nothing more
/// for a batch's time), go to the channel of the answer's domain. Batched: at most one message per destination every
/// <see cref="UnansweredOptions.BatchMinutes"/>, each question once (by its normalised form, with how often it was
/// asked). Nothing personal is kept or sent: no user ids, only the normalised question, its domain and the count.
/// Each replica batches what it answered.
/// </summary>
public sealed class UnansweredRouter(
    Assistant assistant,
    IOptions<UnansweredOptions> options,
    TimeProvider time,
    IServiceProvider services,
    TeamsChannels channels,
    ILogger<UnansweredRouter> logger) : BackgroundService
{
    /// <summary>A message lists at most this many questions (the most asked first) and counts the rest.</summary>
    public const int MaxQuestionsPerMessage = 20;

    /// <summary>Distinct questions held for one batch, and people with a clarify pending; past it, new ones are dropped.</summary>
    public const int MaxHeld = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Question, string? Domain), (string Intent, int Count)> _batch = [];
    private readonly Dictionary<string, (string Question, string? Domain, DateTimeOffset At)> _clarifying = new(StringComparer.Ordinal);

    /// <summary>Notes one answered turn: a not_found is held for the batch; a clarify waits to see whether the person answers it.</summary>
    public void Observe(ChatUser? user, Answer answer)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        lock (_lock)
        {
            // A clarify asked back again (the next thing missing) replaces the pending one below; help or not_found
            // next means the person moved on without choosing.
            if (user is not null && _clarifying.Remove(user.Key, out var pending) && answer.Intent is Intent.NotFound or Intent.Help)
            {
                Hold(pending.Question, pending.Domain, "clarify");
            }
            switch (answer.Intent)
            {
                case Intent.NotFound:
                    Hold(Normalised(answer.Question), answer.Domain, "not_found");
                    break;
                case Intent.Clarify when user is null:
                    Hold(Normalised(answer.Question), answer.Domain, "clarify"); // no one to follow up
                    break;
                case Intent.Clarify when _clarifying.Count < MaxHeld:
                    _clarifying[user.Key] = (Normalised(answer.Question), answer.Domain, time.GetUtcNow());
                    break;
            }
        }
    }

    /// <summary>"Forget me": the person's clarify still waiting to be judged is dropped, never sent.</summary>
    public void Forget(string userKey)
    {
        lock (_lock)
        {
            _clarifying.Remove(userKey);
        }
    }

    /// <summary>SkillBot uninstalled from a workspace (<see cref="ChatUser.WorkspaceKey"/>): the clarifies of everyone in it are dropped.</summary>
    public void ForgetWorkspace(string workspaceKey)
    {
        var prefix = workspaceKey + ":";
        lock (_lock)
        {
            foreach (var user in _clarifying.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                _clarifying.Remove(user);
            }
        }
    }

    private static string Normalised(string question)
    {
        var key = Tokenizer.Key(ChatText.Strip(question));
        return key.Length > 200 ? key[..200] : key;
    }

    private void Hold(string question, string? domain, string intent)
    {
        if (question.Length == 0 || (!_batch.ContainsKey((question, domain)) && _batch.Count >= MaxHeld))
        {
            return;
        }
        _batch[(question, domain)] = _batch.TryGetValue((question, domain), out var held) ? (held.Intent, held.Count + 1) : (intent, 1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.BatchMinutes), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends what the last batch's time gathered: one message per destination, then starts a new batch.</summary>
    public async Task FlushAsync(CancellationToken cancellation)
    {
        List<((string Question, string? Domain) Key, (string Intent, int Count) Value)> batch;
        lock (_lock)
        {
            var abandonedBefore = time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.BatchMinutes);
            foreach (var (user, pending) in _clarifying.Where(p => p.Value.At <= abandonedBefore).ToList())
            {
                _clarifying.Remove(user);
                Hold(pending.Question, pending.Domain, "clarify");
            }
            batch = [.. _batch.Select(e => (e.Key, e.Value))];
            _batch.Clear();
        }
        foreach (var destination in batch.SelectMany(e => Destinations(e.Key.Domain).Select(d => (Destination: d, Entry: e))).GroupBy(x => x.Destination))
        {
            var entries = destination.Select(x => x.Entry).OrderByDescending(e => e.Value.Count).ThenBy(e => e.Key.Question, StringComparer.Ordinal).ToList();
            try
            {
                var sent = destination.Key.Kind == "slack"
                    ? await SendToSlackAsync(destination.Key.Channel, entries, cancellation)
                    : await SendToTeamsAsync(destination.Key.Channel, entries, cancellation);
                logger.LogInformation("Unanswered questions: {Count} sent to a {Kind} channel: {Sent}", entries.Count, destination.Key.Kind, sent);
            }
            catch (Exception e) when (e is SlackApiException or HttpRequestException or TimeoutException)
            {
                logger.LogWarning("Unanswered questions: {Count} not sent to a {Kind} channel ({Reason})", entries.Count, destination.Key.Kind, e.GetType().Name);
            }
        }
    }

    /// <summary>Where a domain's questions go: its own route where it has one, else the default.</summary>
    private IEnumerable<(string Kind, string Channel)> Destinations(string? domain)
    {
        var settings = options.Value;
        var route = domain is not null && settings.Domains.TryGetValue(domain, out var own) ? own : null;
        var slack = route is null ? settings.SlackChannel : route.SlackChannel;
        var teams = route is null ? settings.TeamsChannel : route.TeamsChannel;
        if (slack is not null)
        {
            yield return ("slack", slack);
        }
        if (teams is not null)
        {
            yield return ("teams", teams);
        }
    }

    /// <summary>The batch in <see cref="UnansweredOptions.Language"/> (the language files' <c>unanswered.*</c>); the questions as asked.</summary>
    private string Text(List<((string Question, string? Domain) Key, (string Intent, int Count) Value)> entries, Func<string, string> escape, string bullet)
    {
        var language = assistant.Languages.For(options.Value.Language);
        var text = new StringBuilder(language.Text("unanswered.title", ("minutes", language.Number(options.Value.BatchMinutes))));
        foreach (var ((question, domain), (intent, count)) in entries.Take(MaxQuestionsPerMessage))
        {
            var why = language.Text(intent == "not_found" ? "unanswered.notFound" : "unanswered.abandoned");
            var times = count == 1 ? language.Text("unanswered.once") : language.Text("unanswered.times", ("count", language.Number(count)));
            // Quotes and separators are the language's own ("：" and "，" in Chinese, not ": " and ", ").
            var where = domain is null ? "" : language.Text("unanswered.domain", ("domain", escape(domain)));
            text.Append('\n').Append(bullet).Append(language.Text("unanswered.entry",
                ("question", language.Quote(escape(question))), ("domain", where), ("why", why), ("times", times)));
        }
        if (entries.Count > MaxQuestionsPerMessage)
        {
            text.Append('\n').Append(language.Text("unanswered.more", ("count", language.Number(entries.Count - MaxQuestionsPerMessage)), ("page", "/admin/insights")));
        }
        return text.ToString();
    }

    private async Task<bool> SendToSlackAsync(string channel, List<((string, string?), (string, int))> entries, CancellationToken cancellation)
    {
        if (services.GetService<SlackApiClient>() is not { } slack)
        {
            return false;
        }
        await slack.PostMessage(BlockKitRenderer.Notice(Text(entries, SlackText.Escape, "• "), SlackPlacement.Post(channel, null)), cancellation);
        return true;
    }

    private async Task<bool> SendToTeamsAsync(string channelId, List<((string, string?), (string, int))> entries, CancellationToken cancellation)
    {
        if (await channels.FindAsync(channelId) is not { } channel)
        {
            return false; // SkillBot has not been added to that channel yet
        }
        var post = new PendingReply(channel.ServiceUrl, channel.ConversationId, "",
            new ReplyActivity(ActivityTypes.Message, channel.BotId is null ? null : new ChannelAccount(channel.BotId, channel.BotName), null,
                new ConversationAccount(channel.ConversationId) { TenantId = channel.TenantId }, null, null, [])
            {
                Text = Text(entries, q => q, "- "),
            });
        return await services.GetRequiredService<ConnectorClient>().SendAsync(post, cancellation);
    }
}
