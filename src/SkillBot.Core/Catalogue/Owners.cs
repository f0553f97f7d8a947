using System.Text.RegularExpressions;

namespace SkillBot.Core.Catalogue;

/// <summary>The kind of id an owner is given as, which decides how a question can reach them.</summary>
public enum OwnerKind
{
    /// <summary>A Slack user id (U… or W…): a direct message reaches them.</summary>
    Slack,

    /// <summary>A Teams user id (29:…) or an Entra object id (a GUID): reached through the owners' Teams channel.</summary>
    Teams,

    /// <summary>An e-mail address: shown on the card, reached through the owners' Teams channel.</summary>
    Email,
}

/// <summary>The shapes an owner in <c>owners:</c> may take (catalogue format 1.1), and the limits on examples.</summary>
public static partial class Owners
{
    /// <summary>More owners than this on one skill is a list pasted in the wrong place.</summary>
    public const int MaxPerSkill = 20;

    /// <summary>The longest an e-mail address may be (RFC 5321), and so the longest any owner id.</summary>
    public const int MaxLength = 254;

    /// <summary>The kind of <paramref name="owner"/>, or null when it is none of the shapes allowed.</summary>
    public static OwnerKind? KindOf(string owner)
    {
        if (owner.Length > MaxLength)
        {
            return null;
        }
        if (SlackUserId().IsMatch(owner))
        {
            return OwnerKind.Slack;
        }
        if (TeamsUserId().IsMatch(owner) || Guid.TryParseExact(owner, "D", out _))
        {
            return OwnerKind.Teams;
        }
        return EmailAddress().IsMatch(owner) ? OwnerKind.Email : null;
    }

    public const string Shapes = "a Slack user id (U0123ABCD or W0123ABCD), a Teams user id (29:…), an Entra object id (a GUID) or an e-mail address";

    [GeneratedRegex("^[UW][A-Z0-9]{6,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackUserId();

    [GeneratedRegex("^29:[A-Za-z0-9_\\-]{8,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex TeamsUserId();

    [GeneratedRegex("^[^@\\s<>(),;:\"\\[\\]]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();
}

/// <summary>The limits on an expectation's <c>examples:</c> (catalogue format 1.1): a few short texts.</summary>
public static class ExampleLimits
{
    public const int MaxPerExpectation = 10;

    public const int MaxLength = 500;
}
