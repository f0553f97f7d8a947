using BenchmarkDotNet.Attributes;
using SkillBot.CataloguePages;
using SkillBot.Testing;

namespace SkillBot.Benchmarks;

/// <summary>
/// A catalogue page rendered from a catalogue snapshot (slugs already computed, as after the first request): the skill
/// page, a role at a level, and the index, on the built-in catalogue and on the generated 2,000-skill one; and the role
/// page as the server serves it again, from <see cref="RenderedPages"/>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CataloguePagesRendering
{
    private CataloguePage _page = null!;
    private string _skill = "";
    private string _role = "";
    private Core.Catalogue.SkillCatalogue _catalogue = null!;
    private RenderedPages _rendered = null!;
    private string _rolePath = "";

    [Params("built-in", "2000 skills")]
    public string Catalogue { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var catalogue = Catalogue == "built-in" ? Catalogues.BuiltIn() : GeneratedCatalogue.Generate().Load();
        _page = new CataloguePage(catalogue, new Uri("https://skillbot.example.com"));
        _skill = Cards.Pages.CatalogueSlugs.Of(catalogue).Skills.Of(catalogue.Skills[0]);
        _role = Cards.Pages.CatalogueSlugs.Of(catalogue).Roles.Of(catalogue.Roles[0]);
        _ = _page.Index();
        _catalogue = catalogue;
        _rolePath = Cards.Pages.CataloguePaths.Role(_role, "senior");
        _rendered = new RenderedPages();
        _rendered.Keep(catalogue, "en", _rolePath, System.Text.Encoding.UTF8.GetBytes(((PageResult.Page)_page.Role(_role, "senior")).Html));
    }

    [GlobalCleanup]
    public void Cleanup() => _rendered.Dispose();

    [Benchmark(Baseline = true)]
    public PageResult SkillPage() => _page.Skill(_skill);

    [Benchmark]
    public PageResult RolePage() => _page.Role(_role, "senior");

    [Benchmark]
    public byte[]? RolePageCached() => _rendered.Find(_catalogue, "en", _rolePath);

    [Benchmark]
    public PageResult Index() => _page.Index();
}
