namespace SkillBot.LiveCatalogue;

public sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    /// <summary>The catalogue folder; empty means the built-in catalogue next to the binary.</summary>
    public string? Path { get; set; }

    public static string BuiltInPath => System.IO.Path.Combine(AppContext.BaseDirectory, "catalogue");

    public string ResolvedPath => string.IsNullOrWhiteSpace(Path) ? BuiltInPath : System.IO.Path.GetFullPath(Path);
}
