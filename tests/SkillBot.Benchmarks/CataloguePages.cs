using BenchmarkDotNet.Attributes;
using SkillBot.CataloguePages;
using SkillBot.Testing;

namespace SkillBot.Benchmarks;

/// <summary>
/// A catalogue page rendered from a catalogue snapshot (slugs already computed, as after the first request): the skill
/// page, a role at a level, and the index, on the built-in catalogue and on the generated 2,000-skill one.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CataloguePagesRendering
{
    private CataloguePage _page = null!;
    private string _skill = "";
    private string _role = "";

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
    }

    [Benchmark(Baseline = true)]
    public PageResult SkillPage() => _page.Skill(_skill);

    [Benchmark]
    public PageResult RolePage() => _page.Role(_role, "senior");

    [Benchmark]
    public PageResult Index() => _page.Index();
}
