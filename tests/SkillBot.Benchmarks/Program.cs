using BenchmarkDotNet.Running;
using SkillBot.Testing;

// "generate DIR [SKILLS] [uniform]" writes the benchmarks' generated catalogue to a folder (to look at it, or
// to point SkillBot at it; "uniform": five roles × five levels a skill, the scale figures' shape); anything
// else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["generate", var folder, ..])
{
    var skills = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : GeneratedCatalogue.DefaultSkillCount;
    var shape = args.Length > 3 && args[3] == "uniform" ? GeneratedShape.Uniform : GeneratedShape.Varied;
    var generated = GeneratedCatalogue.Generate(skills, shape: shape);
    generated.WriteTo(folder);
    Console.WriteLine($"{folder}: {generated.Counts}");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
