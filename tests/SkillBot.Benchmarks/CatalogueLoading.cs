using BenchmarkDotNet.Attributes;
using SkillBot.CatalogueFiles;
using SkillBot.Core;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Benchmarks;

/// <summary>
/// Loading the generated 2,000-skill catalogue from a real folder (read, parse, validate, index), and
/// building an Assistant on it (the QuestionReader's phrase and typo indexes). Target: load under 1.5 s, for the
/// varied shape and for the tracks shape (3 tracks × 8 levels, 60 roles: 80,000 expectations).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class CatalogueLoading
{
    private string _folder = "";
    private SkillCatalogue _catalogue = null!;

    [Params(GeneratedShape.Varied, GeneratedShape.Tracks)]
    public GeneratedShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("skillbot-bench-").FullName;
        _catalogue = GeneratedCatalogue.Generate(shape: Shape).WriteAndLoad(_folder);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public SkillCatalogue LoadFolder()
    {
        var result = CatalogueFolder.Load(_folder);
        return result.Catalogue ?? throw new InvalidOperationException(string.Join('\n', result.Problems));
    }

    [Benchmark]
    public Assistant NewAssistant() => new(_catalogue);
}
