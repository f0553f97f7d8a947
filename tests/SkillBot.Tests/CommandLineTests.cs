using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SkillBot.Cli;
using SkillBot.CatalogueFiles;
using SkillBot.Core;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Tests;

/// <summary>The command-line verbs, run in-process through CommandLine.Run, and once as the real executable.</summary>
public sealed class CommandLineTests : IDisposable
{
    private const string SeedQuestion = "what does senior LLM engineer need in deep learning?";

    private readonly string _temp = Directory.CreateTempSubdirectory("skillbot-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private sealed record Outcome(int Exit, string Stdout, string Stderr);

    private static Outcome Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return new Outcome(exit, stdout.ToString(), stderr.ToString());
    }

    private string TempPath(string relative) => Path.Combine(_temp, relative);

    private string WriteFile(string relative, string text)
    {
        var path = TempPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertUsageError(Outcome outcome, string message)
    {
        Assert.Equal(2, outcome.Exit);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains(message, outcome.Stderr);
        Assert.Contains("Usage:", outcome.Stderr);
    }

    // ---- ask ----

    [Fact]
    public void Ask_prints_the_answer_for_a_person()
    {
        var outcome = Run("ask", SeedQuestion);
        Assert.Equal(0, outcome.Exit);
        Assert.Equal("", outcome.Stderr);
        Assert.Contains("Deep Learning", outcome.Stdout);
        Assert.Contains("LLM Engineer", outcome.Stdout);
        Assert.Contains("Designs custom training loops for LLM", outcome.Stdout);
        Assert.DoesNotContain("\"intent\"", outcome.Stdout);
    }

    [Fact]
    public void Ask_json_prints_the_answer_contract_and_nothing_else()
    {
        var outcome = Run("ask", SeedQuestion, "--json");
        Assert.Equal(0, outcome.Exit);
        Assert.Equal("", outcome.Stderr);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var root = json.RootElement;
        Assert.Equal(SeedQuestion, root.GetProperty("question").GetString());
        Assert.Equal("expectation", root.GetProperty("intent").GetString());
        Assert.Equal("Deep Learning", root.GetProperty("skill").GetString());
        Assert.Equal("LLM Engineer", root.GetProperty("role").GetString());
        Assert.Equal("Senior", root.GetProperty("level").GetString());
        Assert.Equal(Catalogues.BuiltIn().Version, root.GetProperty("catalogueVersion").GetString());
    }

    [Fact]
    public void Ask_reads_another_catalogue_with_the_catalogue_option()
    {
        var folder = TempPath("my-catalogue");
        WriteFile("my-catalogue/skills/maths/statistics.yaml", """
            skill: Statistics
            domain: Mathematics
            roles:
              Analyst:
                Senior:
                  necessity: required
                  description: Designs experiments and reads their results critically.
            """);
        var outcome = Run("ask", "--catalogue", folder, "statistics for a senior analyst", "--json");
        Assert.Equal(0, outcome.Exit);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal("Statistics", json.RootElement.GetProperty("skill").GetString());
        Assert.Equal("Analyst", json.RootElement.GetProperty("role").GetString());
        Assert.Equal("Designs experiments and reads their results critically.", json.RootElement.GetProperty("current").GetProperty("description").GetString());
        Assert.Equal(CatalogueFolder.Load(folder).Catalogue!.Version, json.RootElement.GetProperty("catalogueVersion").GetString());
    }

    [Fact]
    public void Ask_with_a_broken_catalogue_lists_its_problems_and_fails()
    {
        var folder = TempPath("broken");
        WriteFile("broken/skills/x.yaml", "skill: X\ndomain: D\nroles:\n  R:\n    Expert:\n      descripton: x\n");
        var outcome = Run("ask", "anything", "--catalogue", folder);
        Assert.Equal(1, outcome.Exit);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains("skills/x.yaml:5:5: unknown level 'Expert'", outcome.Stderr);
        Assert.Contains("skills/x.yaml:6:7: unknown key 'descripton'", outcome.Stderr);
    }

    [Theory]
    [InlineData(new[] { "ask" }, "ask needs a question")]
    [InlineData(new[] { "ask", "one", "two" }, "ask takes one question")]
    [InlineData(new[] { "ask", "--verbose", "question" }, "unknown or incomplete option: --verbose")]
    [InlineData(new[] { "ask", "question", "--catalogue" }, "unknown or incomplete option: --catalogue")]
    [InlineData(new[] { "frobnicate" }, "unknown command: frobnicate")]
    [InlineData(new[] { "-x" }, "unknown command: -x")]
    [InlineData(new[] { "catalogue" }, "catalogue needs what to do: validate, import, export or diff")]
    [InlineData(new[] { "catalogue", "check", "dir" }, "unknown catalogue command: check")]
    [InlineData(new[] { "catalogue", "validate" }, "catalogue validate needs the folder to check")]
    [InlineData(new[] { "catalogue", "validate", "one", "two" }, "catalogue validate takes one folder")]
    [InlineData(new[] { "card" }, "card needs a template and its data")]
    [InlineData(new[] { "card", "template.json" }, "card needs a template and its data")]
    [InlineData(new[] { "card", "a.json", "b.json", "c.json" }, "card takes two files: TEMPLATE.json DATA.json")]
    [InlineData(new[] { "catalogue", "import", "rows.csv" }, "catalogue import takes FILE.csv or FILE.xlsx --out DIR")]
    [InlineData(new[] { "catalogue", "import", "rows.csv", "--out" }, "unknown or incomplete option: --out")]
    [InlineData(new[] { "catalogue", "import", "--out", "dir" }, "catalogue import takes FILE.csv or FILE.xlsx --out DIR")]
    public void Usage_errors_print_help_on_stderr_and_exit_2(string[] args, string message)
    {
        AssertUsageError(Run(args), message);
    }

    [Theory]
    [InlineData(new[] { "catalogue", "validate" }, "SkillBot catalogue validate DIR")]
    [InlineData(new[] { "card" }, "SkillBot card TEMPLATE.json DATA.json")]
    [InlineData(new[] { "ask" }, "SkillBot ask \"QUESTION\"")]
    public void A_verb_used_wrongly_shows_that_verbs_usage_only(string[] args, string usage)
    {
        var outcome = Run(args);
        Assert.Equal(2, outcome.Exit);
        Assert.Contains(usage, outcome.Stderr);
        Assert.DoesNotContain("insights --url", outcome.Stderr);
    }

    [Theory]
    [InlineData("--urls")]
    [InlineData("--catalogue")]
    [InlineData("--Teams:Path=/x")]
    [InlineData("/urls")]
    [InlineData("urls=http://127.0.0.1:0")]
    public void Server_options_are_not_commands(string first)
    {
        Assert.False(CommandLine.IsCommand([first, "value"]));
        Assert.False(CommandLine.IsCommand([]));
        Assert.True(CommandLine.IsCommand(["frobnicate", first]));
    }

    [Fact]
    public void Help_prints_the_usage_on_stdout()
    {
        var outcome = Run("help");
        Assert.Equal(0, outcome.Exit);
        Assert.Contains("catalogue import FILE.csv|FILE.xlsx --out DIR", outcome.Stdout);
        Assert.Contains("catalogue diff OLD_DIR NEW_DIR", outcome.Stdout);
        Assert.Contains("catalogue export DIR --out", outcome.Stdout);
    }

    [Fact]
    public void An_over_long_question_is_refused_clearly()
    {
        var question = new string('a', Assistant.MaxQuestionLength + 1);
        var outcome = Run("ask", question, "--json");
        Assert.Equal(2, outcome.Exit);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal($"error: the question is {Assistant.MaxQuestionLength + 1} characters long; the limit is {Assistant.MaxQuestionLength}.", outcome.Stderr.Trim());

        Assert.Equal(0, Run("ask", new string('a', Assistant.MaxQuestionLength), "--json").Exit);
    }

    // ---- catalogue validate ----

    [Fact]
    public void Validate_accepts_the_built_in_catalogue()
    {
        var outcome = Run("catalogue", "validate", Catalogues.BuiltInFolder);
        Assert.Equal(0, outcome.Exit);
        Assert.Matches(@"^OK: 1 skills in 1 domains, 2 roles, 5 levels \(version [0-9a-f]{8}\)\r?\n$", outcome.Stdout);
    }

    [Fact]
    public void Validate_lists_every_problem_of_a_broken_folder_and_exits_1()
    {
        var folder = TempPath("broken");
        WriteFile("broken/levels.yaml", "levels:\n  - name: Junior\n    aliases: [jr]\n  - name: Senior\n    aliases: [JR]\n");
        WriteFile("broken/skills/a.yaml", "skill: A\ndomain: D\nroles:\n  R:\n    Junior:\n      necessity: maybe\n      description: ''\n");
        WriteFile("broken/skills/deeper/b.yml", "skill: a\ndomain: D\nroles:\n  R:\n    Junior:\n      description: fine\n");
        WriteFile("broken/skills/c.yaml", "skill: C\ndomain: [D\n");

        var outcome = Run("catalogue", "validate", folder);
        Assert.Equal(1, outcome.Exit);
        Assert.Equal(
            [
                "levels.yaml:4:11: 'jr' is claimed by level 'Junior' and level 'Senior'",
                "skills/a.yaml:6:18: necessity must be 'required' or 'optional', not 'maybe'",
                "skills/a.yaml:7:20: description must not be empty",
                "skills/c.yaml:3:1: YAML syntax: While parsing a flow sequence, did not find expected ',' or ']'.",
                "skills/deeper/b.yml:1:8: skill name 'a' is used twice (also in skills/a.yaml)",
                "5 problem(s)",
            ],
            outcome.Stdout.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Validate_prints_warnings_and_exits_0_when_there_are_only_warnings()
    {
        var folder = TempPath("typo");
        WriteFile("typo/roles.yaml", "roles:\n  - name: Data Engineer\n");
        WriteFile("typo/skills/sql.yaml", "skill: SQL\ndomain: Data\nroles:\n  Data Enginer:\n    Junior:\n      description: Writes queries.\n");

        var outcome = Run("catalogue", "validate", folder);
        Assert.Equal(0, outcome.Exit);
        var lines = outcome.Stdout.TrimEnd().Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.Equal("skills/sql.yaml:4:3: warning: role 'Data Enginer' is not listed in roles.yaml; did you mean 'Data Engineer'? (if it is a new role, add it to roles.yaml)", lines[0]);
        Assert.Matches(@"^OK: 1 skills in 1 domains, 2 roles, 5 levels \(version [0-9a-f]{8}\), 1 warning\(s\)$", lines[1]);

        // With a problem as well: the problems, then the warnings, and exit 1.
        WriteFile("typo/skills/bad.yaml", "skill: Bad\ndomain: Data\nroles:\n  Data Engineer:\n    Expert:\n      description: x\n");
        var failed = Run("catalogue", "validate", folder);
        Assert.Equal(1, failed.Exit);
        Assert.Equal(
            [
                "skills/bad.yaml:5:5: unknown level 'Expert' (the ladder is Junior, Middle, Senior, Lead, Principal)",
                lines[0],
                "1 problem(s), 1 warning(s)",
            ],
            failed.Stdout.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Validate_reports_a_file_it_cannot_read_as_a_problem_of_that_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // symbolic links need privileges there
        }
        var folder = TempPath("dangling");
        WriteFile("dangling/skills/sql.yaml", "skill: SQL\ndomain: Data\nroles:\n  Analyst:\n    Junior:\n      description: Writes queries.\n");
        File.CreateSymbolicLink(TempPath("dangling/skills/broken.yaml"), "/nonexistent/x.yaml");

        var outcome = Run("catalogue", "validate", folder);
        Assert.Equal(1, outcome.Exit);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(
            ["skills/broken.yaml: a link to /nonexistent/x.yaml, which does not exist", "1 problem(s)"],
            outcome.Stdout.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Validate_reports_a_missing_folder()
    {
        var outcome = Run("catalogue", "validate", TempPath("nowhere"));
        Assert.Equal(1, outcome.Exit);
        Assert.Contains("catalogue folder not found", outcome.Stdout);
    }

    // ---- catalogue import ----

    private const string GoodCsv = """
        domain,skill,role,level,necessity,description
        Machine Learning & AI,Deep Learning,Data Scientist,Junior,optional,"Understands the fundamentals of Deep Learning."
        Machine Learning & AI,Deep Learning,Data Scientist,Middle,required,"Trains models: CNN, RNN ""and"" Transformers."
        Mathematics,Statistics,Analyst,sr,,"Designs experiments.
        Reads results critically."
        """;

    [Fact]
    public void Import_writes_a_catalogue_folder_that_validates_and_answers()
    {
        var csv = WriteFile("rows.csv", GoodCsv.ReplaceLineEndings("\r\n"));
        var outDir = TempPath("imported");

        var outcome = Run("catalogue", "import", csv, "--out", outDir);

        Assert.Equal(0, outcome.Exit);
        Assert.Equal("", outcome.Stderr);
        Assert.StartsWith($"Imported 3 rows from {csv} into {outDir}: 2 skills in 2 domains, 2 roles, 5 levels", outcome.Stdout);
        Assert.Equal(
            ["levels.yaml", "roles.yaml", "schemas/levels.schema.json", "schemas/roles.schema.json", "schemas/skill.schema.json",
             "skills/machine-learning-ai/deep-learning.yaml", "skills/mathematics/statistics.yaml"],
            Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal(0, Run("catalogue", "validate", outDir).Exit);

        var answer = Run("ask", "statistics for a senior analyst", "--json", "--catalogue", outDir);
        using var json = JsonDocument.Parse(answer.Stdout);
        Assert.Equal("Designs experiments.\nReads results critically.", json.RootElement.GetProperty("current").GetProperty("description").GetString());
        var middle = CatalogueFolder.Load(outDir).Catalogue!;
        var expectation = middle.FindSkill("Deep Learning")!.For(middle.FindRole("Data Scientist")!)!.At(middle.FindLevel("Middle")!)!;
        Assert.Equal("Trains models: CNN, RNN \"and\" Transformers.", expectation.Description);
        Assert.Equal(Necessity.Required, expectation.Necessity);
    }

    [Fact]
    public void Import_into_an_existing_empty_folder_is_fine()
    {
        var csv = WriteFile("rows.csv", GoodCsv);
        var outDir = Directory.CreateDirectory(TempPath("empty")).FullName;
        var outcome = Run("catalogue", "import", "--out", outDir, csv);
        Assert.Equal(0, outcome.Exit);
        Assert.True(File.Exists(Path.Combine(outDir, "roles.yaml")));
    }

    [Fact]
    public void Import_lists_bad_rows_and_writes_nothing()
    {
        var csv = WriteFile("rows.csv", GoodCsv
            + "\nMachine Learning & AI,Deep Learning,Data Scientist,Expert,optional,x"
            + "\nMathematics,Deep Learning,Data Scientist,Senior,sometimes,y\n");
        var outDir = TempPath("imported");

        var outcome = Run("catalogue", "import", csv, "--out", outDir);

        Assert.Equal(1, outcome.Exit);
        Assert.Equal(
            [
                "line 6: unknown level 'Expert' (the ladder is Junior, Middle, Senior, Lead, Principal; aliases such as jr, mid, sr and L1-L5 work too)",
                "line 7: necessity must be required or optional (or empty for optional), not 'sometimes'",
                $"2 problem(s) in {csv}; nothing was written",
            ],
            outcome.Stdout.TrimEnd().Split(Environment.NewLine));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Import_refuses_a_folder_that_is_not_empty()
    {
        var csv = WriteFile("rows.csv", GoodCsv);
        WriteFile("taken/notes.txt", "mine");
        var outcome = Run("catalogue", "import", csv, "--out", TempPath("taken"));
        Assert.Equal(1, outcome.Exit);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains("already exists and is not an empty folder", outcome.Stderr);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(TempPath("taken")).Select(Path.GetFileName));
    }

    [Fact]
    public void Import_reports_a_missing_or_non_utf8_file()
    {
        var missing = Run("catalogue", "import", TempPath("nope.csv"), "--out", TempPath("out"));
        Assert.Equal(1, missing.Exit);
        Assert.Equal($"error: {TempPath("nope.csv")} not found", missing.Stderr.Trim());

        var latin1 = TempPath("latin1.csv");
        File.WriteAllBytes(latin1, Encoding.Latin1.GetBytes("domain,skill,role,level,necessity,description\nML,Café,DS,Junior,,x\n"));
        var notUtf8 = Run("catalogue", "import", latin1, "--out", TempPath("out"));
        Assert.Equal(1, notUtf8.Exit);
        Assert.Contains("is not UTF-8 text", notUtf8.Stderr);
        Assert.False(Directory.Exists(TempPath("out")));
    }

    // ---- the real executable ----

    [Fact]
    public async Task An_unknown_verb_is_a_usage_error_and_starts_no_server()
    {
        await using var process = SkillBotProcess.Start(["frobnicate"], new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });
        Assert.Equal(2, await process.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal("", process.Stdout);
        Assert.StartsWith("error: unknown command: frobnicate\nUsage:", process.Stderr);
        Assert.DoesNotContain("Now listening", process.Stderr);
    }

    /// <summary>No arguments, or options first, start the server as before.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("--urls http://127.0.0.1:0")]
    [InlineData("--catalogue BUILT-IN")]
    [InlineData("--RateLimits:PerUserPerMinute=5")]
    [InlineData("RateLimits:PerUserPerMinute=5")]
    public async Task No_arguments_or_options_start_the_server(string commandLine)
    {
        string[] args = [.. commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a == "BUILT-IN" ? Catalogues.BuiltInFolder : a)];
        await using var process = SkillBotProcess.Start(args, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });
        var address = await process.WaitForListeningAsync(TimeSpan.FromMinutes(1));
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    /// <summary>
    /// Runs the app's own build output (src/SkillBot/bin/&lt;configuration&gt;/net10.0), as a user would, from the
    /// test's temporary folder; killed (and the test failed) if it has not exited within two minutes.
    /// </summary>
    private async Task<Outcome> RunExecutable(params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Catalogues.RepoRoot, "src", "SkillBot", "bin", configuration, "net10.0", "SkillBot.dll");
        Assert.True(File.Exists(dll), $"{dll} not built");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _temp,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args.Prepend(dll))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Logging__LogLevel__Default"] = "Trace"; // logs, if any, must still stay off stdout
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"SkillBot {string.Join(' ', args)} did not exit within two minutes");
        }
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task The_built_executable_answers_json_on_stdout_from_any_working_directory()
    {
        var outcome = await RunExecutable("ask", "高级LLM工程师在深度学习方面需要什么？", "--json");

        Assert.True(outcome.Exit == 0, outcome.Stderr);
        var output = outcome.Stdout;
        Assert.StartsWith("{", output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("expectation", json.RootElement.GetProperty("intent").GetString());
        Assert.Equal("Deep Learning", json.RootElement.GetProperty("skill").GetString());
        Assert.Equal("LLM Engineer", json.RootElement.GetProperty("role").GetString());
        Assert.Equal("Senior", json.RootElement.GetProperty("level").GetString());
        Assert.Equal("高级LLM工程师在深度学习方面需要什么？", json.RootElement.GetProperty("question").GetString());
    }

    /// <summary>A skill file whose aliases are 50,000 nested lists: 100 KB that overflowed YamlDotNet's stack (exit 134).</summary>
    private string WriteDeepCatalogue(string name)
    {
        WriteFile($"{name}/skills/deep.yaml",
            "skill: Deep\ndomain: D\naliases: " + new string('[', 50_000) + new string(']', 50_000) + "\nroles:\n  R:\n    Junior:\n      description: x\n");
        return TempPath(name);
    }

    private const string TooDeep = "skills/deep.yaml:3:73: the YAML is nested more than 64 levels deep here; a catalogue file needs no more than a few";

    [Fact]
    public async Task Validate_refuses_deeply_nested_yaml_with_its_place_instead_of_overflowing_the_stack()
    {
        var outcome = await RunExecutable("catalogue", "validate", WriteDeepCatalogue("deep"));
        Assert.True(outcome.Exit == 1, $"exit {outcome.Exit}: {outcome.Stderr}");
        Assert.Equal([TooDeep, "1 problem(s)"], outcome.Stdout.TrimEnd().Split(Environment.NewLine));
        Assert.DoesNotContain("Stack overflow", outcome.Stderr);
    }

    [Fact]
    public async Task The_server_refuses_to_start_on_a_folder_it_cannot_read_with_one_line_per_problem()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // symbolic links need privileges there
        }
        var folder = WriteDeepCatalogue("unreadable");
        File.CreateSymbolicLink(TempPath("unreadable/skills/broken.yaml"), "/nonexistent/x.yaml");

        var outcome = await RunExecutable("--catalogue", folder, "--urls", "http://127.0.0.1:0");
        Assert.True(outcome.Exit == 1, $"exit {outcome.Exit}: {outcome.Stderr}");
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(
            [
                $"SkillBot cannot start: the catalogue at {folder} has 2 problem(s):",
                "skills/broken.yaml: a link to /nonexistent/x.yaml, which does not exist",
                TooDeep,
            ],
            outcome.Stderr.TrimEnd().Split(Environment.NewLine));
    }
}
