using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Net.Http.Json;
using SkillBot.Admin;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Templating;
using SkillBot.Core;
using SkillBot.Core.Catalogue;
using SkillBot.Catalogue;
using SkillBot.Hosting;
using SkillBot.Rendering;

namespace SkillBot.Cli;

/// <summary>
/// The command-line verbs. Each writes its result to stdout and nothing else (problems with the
/// invocation go to stderr), so `ask --json` can be piped. Exit codes: 0 done, 1 the work failed, 2 usage.
/// </summary>
public static class CommandLine
{
    /// <summary>Each verb's lines of the help; a usage error shows only its verb's.</summary>
    private static readonly (string Verb, string Lines)[] VerbUsages =
    [
        ("", """
              SkillBot                                   start the server (http://localhost:3978)
                       [--catalogue DIR] [--urls URL] [--Section:Key=value ...]
            """),
        ("ask", """
              SkillBot ask "QUESTION" [--json | --format json|adaptive|blockkit|text] [--catalogue DIR]
                                                         answer one question: text for a person (default),
                                                         the answer JSON, an Adaptive Card or a Slack message
            """),
        ("catalogue", """
              SkillBot catalogue validate DIR            check a catalogue folder; list every problem
              SkillBot catalogue import FILE.csv --out DIR
                                                         turn a spreadsheet export into a catalogue folder
            """),
        ("card", """
              SkillBot card TEMPLATE.json DATA.json      expand an Adaptive Card template with data
            """),
        ("insights", """
              SkillBot insights --url URL [--api-key KEY]
                                                         what people ask that the catalogue cannot answer,
                                                         and their votes (key: --api-key or SKILLBOT_ADMIN_API_KEY)
            """),
        ("help", """
              SkillBot help                              this text
            """),
    ];

    public static readonly string Usage = "Usage:" + Environment.NewLine + string.Join(Environment.NewLine, VerbUsages.Select(v => v.Lines));

    private static readonly HashSet<string> Verbs = ["ask", "catalogue", "card", "insights", "help", "--help", "-h"];

    /// <summary>
    /// True when the arguments are a command for <see cref="Run"/>: a known verb, or a first argument that is no
    /// server option (which Run refuses as unknown). No arguments, or options first (<c>--urls URL</c>,
    /// <c>--catalogue DIR</c>, <c>--Section:Key=value</c>, <c>/key value</c>, <c>key=value</c>), start the server.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Verbs.Contains(args[0]) || !IsServerOption(args[0]));

    private static bool IsServerOption(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) || arg.StartsWith('/') || arg.Contains('=');

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return args switch
            {
                ["ask", .. var rest] => Ask(rest, stdout, stderr),
                ["catalogue", "validate", var dir] => Validate(dir, stdout),
                ["catalogue", "validate"] => UsageError(stderr, "catalogue validate needs the folder to check, e.g. catalogue validate path/to/catalogue", "catalogue"),
                ["catalogue", "validate", ..] => UsageError(stderr, "catalogue validate takes one folder", "catalogue"),
                ["catalogue", "import", .. var rest] => Import(rest, stdout, stderr),
                ["catalogue"] => UsageError(stderr, "catalogue needs what to do: validate DIR or import FILE.csv --out DIR", "catalogue"),
                ["catalogue", var other, ..] => UsageError(stderr, $"unknown catalogue command: {other} (use validate DIR or import FILE.csv --out DIR)", "catalogue"),
                ["card", var template, var data] => Card(template, data, stdout, stderr),
                ["card", _, _, ..] => UsageError(stderr, "card takes two files: TEMPLATE.json DATA.json", "card"),
                ["card", ..] => UsageError(stderr, "card needs a template and its data, e.g. card cards/expectation.json cards/expectation.data.json", "card"),
                ["insights", .. var rest] => Insights(rest, stdout, stderr),
                ["help" or "--help" or "-h", ..] => Help(stdout),
                [var verb, ..] => UsageError(stderr, $"unknown command: {verb}"),
                [] => UsageError(stderr, "no command given"),
            };
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static int Ask(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? question = null;
        string? catalogue = null;
        var format = AnswerFormat.Text;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    format = AnswerFormat.Json;
                    break;
                case "--format" when i + 1 < args.Length:
                    if (!AnswerFormats.TryParse(args[++i], out format))
                    {
                        return UsageError(stderr, $"unknown format '{args[i]}': use one of {AnswerFormats.Names}", "ask");
                    }
                    break;
                case "--catalogue" when i + 1 < args.Length:
                    catalogue = args[++i];
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return UsageError(stderr, $"unknown or incomplete option: {option}", "ask");
                case var text when question is null:
                    question = text;
                    break;
                default:
                    return UsageError(stderr, "ask takes one question: put it in quotes", "ask");
            }
        }
        if (question is null)
        {
            return UsageError(stderr, "ask needs a question, e.g. ask \"what does a senior data scientist need in deep learning?\"", "ask");
        }
        if (question.Length > Assistant.MaxQuestionLength)
        {
            stderr.WriteLine($"error: the question is {question.Length} characters long; the limit is {Assistant.MaxQuestionLength}.");
            return 2;
        }
        if (LoadOrReport(catalogue ?? CatalogueOptions.BuiltInPath, stderr) is not { } loaded)
        {
            return 1;
        }
        var answer = new Assistant(loaded).Ask(question);
        var output = AnswerFormats.Render(answer, format, new AdaptiveCardRenderer());
        stdout.Write(format == AnswerFormat.Text ? output : output + Environment.NewLine);
        return 0;
    }

    /// <summary>Every problem and warning, one a line; exit 0 when there are only warnings (the catalogue would be served).</summary>
    private static int Validate(string dir, TextWriter stdout)
    {
        var result = CatalogueLoader.LoadFolder(dir);
        foreach (var line in result.Problems.Concat(result.Warnings))
        {
            stdout.WriteLine(line);
        }
        var warnings = result.Warnings.IsEmpty ? "" : $", {result.Warnings.Length} warning(s)";
        if (result.Catalogue is { } catalogue)
        {
            stdout.WriteLine($"OK: {catalogue.Skills.Length} skills in {catalogue.Domains.Length} domains, {catalogue.Roles.Length} roles, {catalogue.Levels.Length} levels (version {catalogue.Version}){warnings}");
            return 0;
        }
        stdout.WriteLine($"{result.Problems.Length} problem(s){warnings}");
        return 1;
    }

    private static int Import(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (csv, outDir) = args switch
        {
            [var file, "--out", var dir] => (file, dir),
            ["--out", var dir, var file] => (file, dir),
            _ => ("", ""),
        };
        if (csv.Length == 0 || outDir.Length == 0
            || csv.StartsWith("--", StringComparison.Ordinal) || outDir.StartsWith("--", StringComparison.Ordinal))
        {
            return UsageError(stderr, "catalogue import takes FILE.csv --out DIR", "catalogue");
        }
        if (!File.Exists(csv))
        {
            stderr.WriteLine($"error: {csv} not found");
            return 1;
        }
        if (File.Exists(outDir) || (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any()))
        {
            stderr.WriteLine($"error: {outDir} already exists and is not an empty folder; import writes a new catalogue, so give a new or empty folder");
            return 1;
        }
        string text;
        try
        {
            text = File.ReadAllText(csv, StrictUtf8);
        }
        catch (DecoderFallbackException)
        {
            stderr.WriteLine($"error: {csv} is not UTF-8 text; export the spreadsheet as \"CSV UTF-8\"");
            return 1;
        }

        var imported = CsvImport.Import(text);
        if (!imported.Succeeded)
        {
            foreach (var problem in imported.Problems)
            {
                stdout.WriteLine(problem);
            }
            stdout.WriteLine($"{imported.Problems.Length} problem(s) in {csv}; nothing was written");
            return 1;
        }
        // The files are checked the way SkillBot will read them before anything touches the disk.
        var loaded = CatalogueLoader.Load(imported.Files);
        if (loaded.Catalogue is not { } catalogue)
        {
            stderr.WriteLine($"error: the catalogue made from {csv} does not load; nothing was written:");
            foreach (var problem in loaded.Problems)
            {
                stderr.WriteLine(problem);
            }
            return 1;
        }
        WriteCatalogue(outDir, imported.Files);
        stdout.WriteLine($"Imported {imported.Rows} rows from {csv} into {outDir}: {catalogue.Skills.Length} skills in {catalogue.Domains.Length} domains, {catalogue.Roles.Length} roles, {catalogue.Levels.Length} levels (version {catalogue.Version})");
        stdout.WriteLine($"Check it with: SkillBot catalogue validate {outDir}");
        return 0;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes the files, plus the JSON Schemas their yaml-language-server comments point at.</summary>
    private static void WriteCatalogue(string outDir, IEnumerable<CatalogueFile> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(outDir, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text, StrictUtf8);
        }
        var schemas = Path.Combine(CatalogueOptions.BuiltInPath, "schemas");
        if (Directory.Exists(schemas))
        {
            Directory.CreateDirectory(Path.Combine(outDir, "schemas"));
            foreach (var schema in Directory.EnumerateFiles(schemas, "*.schema.json"))
            {
                File.Copy(schema, Path.Combine(outDir, "schemas", Path.GetFileName(schema)));
            }
        }
    }

    private static int Card(string templatePath, string dataPath, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var template = CardTemplate.Parse(File.ReadAllText(templatePath));
            var data = JsonNode.Parse(File.ReadAllText(dataPath));
            var card = template.Expand(data);
            stdout.WriteLine(card?.ToJsonString(Indented) ?? "null");
            return 0;
        }
        catch (Exception e) when (e is JsonException or TemplateException or FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static int Insights(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? url = null;
        var key = Environment.GetEnvironmentVariable("SKILLBOT_ADMIN_API_KEY");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Length:
                    url = args[++i];
                    break;
                case "--api-key" when i + 1 < args.Length:
                    key = args[++i];
                    break;
                default:
                    return UsageError(stderr, $"insights takes --url URL [--api-key KEY], not '{args[i]}'");
            }
        }
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            return UsageError(stderr, "insights needs --url http(s)://HOST:PORT of a running SkillBot");
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, "/api/v1/insights"));
        request.Headers.Add(AdminKey.Header, key ?? "");
        try
        {
            using var response = http.Send(request);
            if (!response.IsSuccessStatusCode)
            {
                stderr.WriteLine($"error: {url} answered {(int)response.StatusCode}: "
                    + (response.StatusCode == System.Net.HttpStatusCode.Unauthorized ? "give the admin key with --api-key or SKILLBOT_ADMIN_API_KEY" : "is the admin API on (Admin:ApiKey)?"));
                return 1;
            }
            var report = response.Content.ReadFromJsonAsync(AdminJsonContext.Default.InsightsReport).GetAwaiter().GetResult()!;
            stdout.WriteLine("Questions the catalogue could not answer outright (most asked first):");
            foreach (var asked in report.Unanswered)
            {
                stdout.WriteLine($"  {asked.Count,6}  {Printable(asked.Intent),-9}  {Printable(asked.Question)}");
            }
            stdout.WriteLine(report.Unanswered.Count == 0 ? "  (none)" : "");
            stdout.WriteLine("Votes on expectations (most unhelpful first):");
            foreach (var votes in report.Votes)
            {
                stdout.WriteLine($"  👍 {votes.Up,5}  👎 {votes.Down,5}  {Printable(votes.Skill)} · {Printable(votes.Role)} · {Printable(votes.Level)}");
            }
            stdout.WriteLine(report.Votes.Count == 0 ? "  (none)" : "");
            return 0;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            stderr.WriteLine($"error: could not read insights from {url}: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// What people typed, made safe for the operator's terminal: control characters (escape sequences start with ESC)
    /// and bidirectional overrides are dropped, so stored text can neither drive the terminal nor disguise itself.
    /// </summary>
    private static string Printable(string? text) =>
        string.Concat((text ?? "").Where(c => !char.IsControl(c) && c is not (>= '\u202A' and <= '\u202E') and not (>= '\u2066' and <= '\u2069')));

    private static SkillCatalogue? LoadOrReport(string dir, TextWriter stderr)
    {
        var result = CatalogueLoader.LoadFolder(dir);
        if (result.Catalogue is null)
        {
            stderr.WriteLine($"error: the catalogue at {dir} has {result.Problems.Length} problem(s):");
            foreach (var problem in result.Problems)
            {
                stderr.WriteLine(problem);
            }
        }
        return result.Catalogue;
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return 0;
    }

    /// <param name="verb">Show only this verb's usage; null: all of it.</param>
    private static int UsageError(TextWriter stderr, string message, string? verb = null)
    {
        stderr.WriteLine($"error: {message}");
        stderr.WriteLine(verb is null
            ? Usage
            : "Usage:" + Environment.NewLine + string.Join(Environment.NewLine, VerbUsages.Where(v => v.Verb == verb).Select(v => v.Lines)));
        return 2;
    }
}
