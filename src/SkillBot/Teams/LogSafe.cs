using System.Globalization;
using System.Text;

namespace SkillBot.Teams;

/// <summary>
/// Unverified input (token fields before the signature is checked, activity fields) as it may appear in a
/// log: control and format characters escaped, so a value cannot forge a log line or hide text, and capped.
/// </summary>
internal static class LogSafe
{
    private const int MaxLength = 200;

    public static string Text(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }
        var text = value.Length > MaxLength ? value.AsSpan(0, MaxLength) : value.AsSpan();
        var safe = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c)
                    is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                safe.Append(c);
            }
        }
        return value.Length > MaxLength ? safe.Append('…').ToString() : safe.ToString();
    }
}
