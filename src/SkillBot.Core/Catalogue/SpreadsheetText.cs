namespace SkillBot.Core.Catalogue;

/// <summary>
/// Text in a spreadsheet cell that a spreadsheet must not run: a cell starting with '=', '+', '-', '@', a tab or a
/// carriage return is taken as a formula (CSV injection), so an export writes it after an apostrophe, which
/// spreadsheets read as "this is text". Import takes that apostrophe off again, so export → import is the same text.
/// </summary>
public static class SpreadsheetText
{
    public static bool IsRisky(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Text that already starts with an apostrophe gets one more, so that taking one off gives it back.</summary>
    public static string Guard(string text) => IsRisky(text) || text.StartsWith('\'') ? "'" + text : text;

    public static string Unguard(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && (IsRisky(cell[1..]) || cell[1] == '\'') ? cell[1..] : cell;
}
