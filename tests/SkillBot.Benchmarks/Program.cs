using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SkillBot.Testing;

// "generate DIR [SKILLS] [uniform|tracks]" writes the benchmarks' generated catalogue to a folder (to look at it, or
// to point SkillBot at it; "uniform": five roles × five levels a skill, the scale figures' shape; "tracks": three
// career tracks of eight levels, 60 roles); anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["generate", var folder, ..])
{
    var skills = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : GeneratedCatalogue.DefaultSkillCount;
    var shape = args.Length > 3 ? args[3] switch
    {
        "uniform" => GeneratedShape.Uniform,
        "tracks" => GeneratedShape.Tracks,
        var other => throw new ArgumentException($"unknown shape '{other}': uniform or tracks (or none)"),
    } : GeneratedShape.Varied;
    var generated = GeneratedCatalogue.Generate(skills, shape: shape);
    generated.WriteTo(folder);
    // Questions this catalogue answers, one a line, for load runs (tests/load/scale.sh); SkillBot ignores the file.
    File.WriteAllLines(Path.Combine(folder, "questions.txt"), SkillBot.Benchmarks.LoadQuestions.For(generated.Load()));
    Console.WriteLine($"{folder}: {generated.Counts}");
    return;
}

// "questions DIR|builtin FILE": the questions the generate verb writes for its catalogue (LoadQuestions), for that
// catalogue folder or the built-in one, so a scale run asks both catalogues the same kinds of question.
if (args is ["questions", var questionsCatalogue, var questionsFile])
{
    var catalogue = questionsCatalogue == "builtin" ? Catalogues.BuiltIn() : Catalogues.Load(questionsCatalogue);
    File.WriteAllLines(questionsFile, SkillBot.Benchmarks.LoadQuestions.For(catalogue));
    return;
}

// "startup DIR [--allocations]": where a start's time goes with that catalogue folder (load, Assistant), wall-clock and
// CPU; with --allocations, also what each phase allocates by type (sampled).
if (args is ["startup", var catalogueFolder, ..])
{
    SkillBot.Benchmarks.StartupPhases.Run(catalogueFolder, Console.Out, byType: args is [_, _, "--allocations"]);
    return;
}

// "reload DIR": a start and a live reload of that folder in-process under questions: resident memory and the slowest answer.
if (args is ["reload", var reloadFolder])
{
    SkillBot.Benchmarks.ReloadMemory.Run(reloadFolder, Console.Out);
    return;
}

// "latency [CALLS]": every question kind timed call by call on 2,000 and 20,000 skills (median and p99).
if (args is ["latency", ..])
{
    var calls = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
    SkillBot.Benchmarks.QuestionLatency.Run([2000, 20000], calls, Console.Out);
    return;
}

// "answers DIR|builtin QUESTIONS [ROUNDS]": where an answer API request's time goes with that catalogue and question
// set (scale.sh's): the core, the JSON and the in-memory request, by intent (AnswerPath).
if (args is ["answers", var answersCatalogue, var answersQuestions, ..])
{
    var rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20;
    SkillBot.Benchmarks.AnswerPath.Run(answersCatalogue, answersQuestions, rounds, Console.Out);
    return;
}

// "dump SKILLS": every answer to a broad question set on the generated catalogue, one JSON line each (AnswerDump), to
// compare before and after a change to the question path.
if (args is ["dump", var dumpSkills])
{
    SkillBot.Benchmarks.AnswerDump.Run(int.Parse(dumpSkills, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
    return;
}

// "teams [COUNT] [--allocations] [--without-server]": CPU time and allocations per Teams activity through the whole
// in-process pipeline (TeamsActivity); with --allocations, also what the activities allocate by type (sampled); with
// --without-server, from the parsed activity on (no HTTP request in).
if (args is ["teams", ..])
{
    var count = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
    SkillBot.Benchmarks.TeamsActivity.Measure(count, Console.Out, byType: args.Contains("--allocations"), withoutServer: args.Contains("--without-server"));
    return;
}

// Each benchmark process builds the server too (the catalogue pages live there): more than the default 2 minutes on a busy machine.
var config = ManualConfig.Create(DefaultConfig.Instance);
config.BuildTimeout = TimeSpan.FromMinutes(10);
BenchmarkSwitcher.FromAssembly(typeof(SkillBot.Benchmarks.Rendering).Assembly).Run(args, config);
