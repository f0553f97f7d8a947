using BenchmarkDotNet.Running;
using SkillBot.Testing;

// "generate DIR [SKILLS]" writes the benchmarks' generated catalogue to a folder (to look at it, or to
// point SkillBot at it); anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["generate", var folder, ..])
{
    var skills = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : GeneratedCatalogue.DefaultSkillCount;
    var generated = GeneratedCatalogue.Generate(skills);
    generated.WriteTo(folder);
    Console.WriteLine($"{folder}: {generated.Counts}");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SkillBot.Benchmarks.Rendering).Assembly).Run(args);
