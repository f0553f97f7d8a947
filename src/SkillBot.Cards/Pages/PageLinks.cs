using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;

namespace SkillBot.Cards.Pages;

/// <summary>
/// "Open in browser": the absolute URL of the catalogue page that shows an answer, under the public base URL the
/// operator set (none when it is unset: <see cref="None"/>), against the catalogue being served.
/// </summary>
public sealed class PageLinks(Uri? publicUrl, Func<SkillCatalogue> catalogue)
{
    public static readonly PageLinks None = new(null, () => throw new InvalidOperationException("no public URL"));

    public Uri? PublicUrl { get; } = publicUrl;

    public string? For(Answer answer) =>
        PublicUrl is { } root && CataloguePaths.For(answer, catalogue()) is { } path
            ? root.AbsoluteUri.TrimEnd('/') + path
            : null;
}
