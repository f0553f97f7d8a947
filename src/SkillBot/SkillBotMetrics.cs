using System.Diagnostics;
using System.Diagnostics.Metrics;
using SkillBot.Core.Answers;

namespace SkillBot;

/// <summary>
/// SkillBot's own telemetry, through the runtime's metrics and activity APIs (no exporter here: the host wires
/// OpenTelemetry to the meter and source named <see cref="MeterName"/>). The host's alone: the core answers and
/// never counts; the gate counts every answer.
/// </summary>
public static class SkillBotMetrics
{
    public const string MeterName = "SkillBot";

    public static readonly ActivitySource ActivitySource = new(MeterName);

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Questions = Meter.CreateCounter<long>(
        "skillbot.questions", description: "Questions and card actions answered, by channel and intent.");

    private static readonly Counter<long> Unanswered = Meter.CreateCounter<long>(
        "skillbot.questions.unanswered", description: "Answers that found nothing (not_found), by channel.");

    private static readonly Counter<long> Clarifications = Meter.CreateCounter<long>(
        "skillbot.questions.clarify", description: "Answers that had to ask back (clarify), by channel.");

    private static readonly Histogram<double> AnswerDuration = Meter.CreateHistogram<double>(
        "skillbot.answer.duration", unit: "ms", description: "Time to understand a question and compose its answer.");

    private static readonly Counter<long> OutboundCalls = Meter.CreateCounter<long>(
        "skillbot.outbound.calls", description: "Calls to Slack, the Bot Framework connector and token endpoints, by service and outcome.");

    private static readonly Counter<long> CatalogueReloads = Meter.CreateCounter<long>(
        "skillbot.catalogue.reloads", description: "Catalogue reloads, by result (loaded or refused).");

    private static readonly Counter<long> Degradations = Meter.CreateCounter<long>(
        "skillbot.state.degraded", description: "Times shared state (Redis) was unavailable and memory was used instead.");

    private static readonly Counter<long> Shed = Meter.CreateCounter<long>(
        "skillbot.queue.shed", description: "Work refused because its queue was full (Slack work, Teams replies), by queue.");

    public static void RecordAnswer(string channel, Intent intent, TimeSpan elapsed)
    {
        var tags = new TagList { { "channel", channel }, { "intent", IntentName(intent) } };
        Questions.Add(1, tags);
        AnswerDuration.Record(elapsed.TotalMilliseconds, tags);
        if (intent == Intent.NotFound)
        {
            Unanswered.Add(1, new KeyValuePair<string, object?>("channel", channel));
        }
        else if (intent == Intent.Clarify)
        {
            Clarifications.Add(1, new KeyValuePair<string, object?>("channel", channel));
        }
    }

    /// <summary>One outbound call's outcome: "ok", "retry", "rate_limited", "error", "refused".</summary>
    public static void RecordOutbound(string service, string outcome) =>
        OutboundCalls.Add(1, new KeyValuePair<string, object?>("service", service), new KeyValuePair<string, object?>("outcome", outcome));

    public static void RecordReload(bool loaded) =>
        CatalogueReloads.Add(1, new KeyValuePair<string, object?>("result", loaded ? "loaded" : "refused"));

    public static void RecordShed(string queue) =>
        Shed.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public static void RecordDegraded(string what) =>
        Degradations.Add(1, new KeyValuePair<string, object?>("state", what));

    private static string IntentName(Intent intent) => intent switch
    {
        Intent.Expectation => "expectation",
        Intent.Compare => "compare",
        Intent.RoleProfile => "role_profile",
        Intent.SkillOverview => "skill_overview",
        Intent.Clarify => "clarify",
        Intent.NotFound => "not_found",
        Intent.CompareRoles => "compare_roles",
        Intent.Changes => "changes",
        Intent.Catalogue => "catalogue",
        _ => "help",
    };
}
