using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using SkillBot.Cards.Templating;
using SkillBot.Core.Answers;

namespace SkillBot.Cards.Adaptive;

/// <summary>
/// The answer as an Adaptive Card (schema 1.5) for Teams and the web chat: the intent's template from
/// cards/ expanded with the answer's card data. Templates are parsed once; expanding is thread-safe.
/// </summary>
public sealed class AdaptiveCardRenderer
{
    private readonly FrozenDictionary<string, CardTemplate> _templates = Enum.GetValues<Intent>()
        .Select(AdaptiveCardData.TemplateFor)
        .Distinct()
        .ToFrozenDictionary(name => name, name => CardTemplate.Parse(Embedded($"cards/{name}.json")));

    /// <summary>Teams' strictest documented limit for a card is 28 KB; keep a little under it.</summary>
    public const int MaxBytes = 27 * 1024;

    /// <summary>The card, with long catalogue text shortened and long lists cut until it fits <see cref="MaxBytes"/>.</summary>
    public JsonObject Render(Answer answer)
    {
        var template = _templates[AdaptiveCardData.TemplateFor(answer.Intent)];
        for (var budget = CardBudget.Generous; ; budget = budget.Tighter())
        {
            var card = template.Expand(AdaptiveCardData.Build(answer, budget)) as JsonObject
                ?? throw new InvalidOperationException($"the {answer.Intent} template expanded to nothing");
            if (budget.IsTightest || Encoding.UTF8.GetByteCount(card.ToJsonString()) <= MaxBytes)
            {
                return card;
            }
        }
    }

    private static string Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"card template '{name}' is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
