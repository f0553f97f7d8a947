using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Admin;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Templating;
using SkillBot.CatalogueFiles;
using SkillBot.Core;
using SkillBot.Core.Catalogue;
using SkillBot.LiveCatalogue;
using SkillBot.Rendering;
using SkillBot.Spreadsheets;

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
              SkillBot catalogue import FILE.csv|FILE.xlsx --out DIR [--sheet NAME | --all-sheets]
                                                         turn a spreadsheet into a catalogue folder
                                                         (a workbook: its first sheet, unless told)
              SkillBot catalogue export DIR --out FILE.csv|FILE.xlsx|FOLDER [--format csv|xlsx|markdown]
                                      [--sheets flat|domain]
                                                         write a catalogue as a spreadsheet, or as Markdown
                                                         (one page per role) into a folder
              SkillBot catalogue diff OLD_DIR NEW_DIR [--format text|markdown|json]
                                                         what changed between two catalogues; exit 0 equal,
                                                         1 different, 2 usage or a catalogue with problems
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
                ["catalogue", "diff", .. var rest] => Diff(rest, stdout, stderr),
                ["catalogue", "export", .. var rest] => Export(rest, stdout, stderr),
                ["catalogue"] => UsageError(stderr, "catalogue needs what to do: validate, import, export or diff", "catalogue"),
                ["catalogue", var other, ..] => UsageError(stderr, $"unknown catalogue command: {other} (use validate, import, export or diff)", "catalogue"),
                ["card", var template, var data] => Card(template, data, stdout, stderr),
                ["card", _, _, ..] => UsageError(stderr, "card takes two files: TEMPLATE.json DATA.json", "card"),
                ["card", ..] => UsageError(stderr, "card needs a template and its data, e.g. card cards/expectation.json cards/expectation.data.json", "card"),
                ["insights", .. var rest] => Insights(rest, stdout, stderr),
                ["help" or "--help" or "-h", ..] => Help(stdout),
                [var verb, ..] => UsageError(stderr, $"unknown command: {verb}"),
                [] => UsageError(stderr, "no command given"),
            };
        }
        catch (UsageException e)
        {
            return UsageError(stderr, e.Message, "catalogue");
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
        var result = CatalogueFolder.Load(dir);
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
        string? file = null, outDir = null, sheet = null;
        var allSheets = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Length && outDir is null:
                    outDir = args[++i];
                    break;
                case "--sheet" when i + 1 < args.Length && sheet is null:
                    sheet = args[++i];
                    break;
                case "--all-sheets":
                    allSheets = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return UsageError(stderr, $"unknown or incomplete option: {option}", "catalogue");
                case var name when file is null:
                    file = name;
                    break;
                default:
                    return UsageError(stderr, "catalogue import takes one file: FILE.csv or FILE.xlsx --out DIR", "catalogue");
            }
        }
        if (file is null || outDir is null || outDir.StartsWith("--", StringComparison.Ordinal))
        {
            return UsageError(stderr, "catalogue import takes FILE.csv or FILE.xlsx --out DIR", "catalogue");
        }
        var isWorkbook = file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        if ((sheet is not null || allSheets) && !isWorkbook)
        {
            return UsageError(stderr, "--sheet and --all-sheets are for a workbook (.xlsx)", "catalogue");
        }
        if (sheet is not null && allSheets)
        {
            return UsageError(stderr, "give --sheet NAME or --all-sheets, not both", "catalogue");
        }
        var csv = file;
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
        CsvImportResult imported;
        Func<int, string> where = line => $"line {line}";
        if (isWorkbook)
        {
            var read = XlsxReader.Read(csv, sheet, allSheets);
            if (read.Problems.Count > 0)
            {
                foreach (var problem in read.Problems)
                {
                    stdout.WriteLine(Printable(problem));
                }
                stdout.WriteLine($"{read.Problems.Count} problem(s) in {csv}; nothing was written");
                return 1;
            }
            imported = CsvImport.Import(read.Records);
            where = read.Where;
        }
        else
        {
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
            imported = CsvImport.Import(text);
        }
        if (!imported.Succeeded)
        {
            foreach (var problem in imported.Problems)
            {
                stdout.WriteLine(Printable($"{where(problem.Line)}: {problem.Message}"));
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
        WriteFiles(outDir, files);
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

    /// <summary>Like diff(1): 0 the same, 1 different, 2 trouble (usage, or a catalogue that does not load: its problems on stderr).</summary>
    private static int Diff(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var folders = new List<string>();
        var format = "text";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--format" when i + 1 < args.Length:
                    format = args[++i];
                    if (format is not ("text" or "markdown" or "json"))
                    {
                        return UsageError(stderr, $"unknown format '{format}': use text, markdown or json", "catalogue");
                    }
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return UsageError(stderr, $"unknown or incomplete option: {option}", "catalogue");
                default:
                    folders.Add(args[i]);
                    break;
            }
        }
        if (folders.Count != 2)
        {
            return UsageError(stderr, "catalogue diff takes two folders: OLD_DIR NEW_DIR", "catalogue");
        }
        var old = LoadOrReport(folders[0], stderr);
        var @new = LoadOrReport(folders[1], stderr);
        if (old is null || @new is null)
        {
            return 2;
        }
        var diff = CatalogueDiff.Between(old, @new);
        stdout.Write(format switch
        {
            "json" => JsonSerializer.Serialize(diff, CatalogueDiffJsonContext.Default.CatalogueDiff) + Environment.NewLine,
            "markdown" => CatalogueDiffReport.Markdown(diff),
            _ => Printable(CatalogueDiffReport.Text(diff), keepLineBreaks: true),
        });
        return diff.IsEmpty ? 0 : 1;
    }

    private static int Export(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? dir = null, output = null, format = null;
        var sheetPerDomain = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Length && output is null:
                    output = args[++i];
                    break;
                case "--format" when i + 1 < args.Length && format is null:
                    format = args[++i];
                    if (format is not ("csv" or "xlsx" or "markdown"))
                    {
                        return UsageError(stderr, $"unknown format '{format}': use csv, xlsx or markdown", "catalogue");
                    }
                    break;
                case "--sheets" when i + 1 < args.Length:
                    sheetPerDomain = args[++i] switch
                    {
                        "domain" => true,
                        "flat" => false,
                        var other => throw new UsageException($"--sheets takes flat or domain, not '{other}'"),
                    };
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return UsageError(stderr, $"unknown or incomplete option: {option}", "catalogue");
                case var name when dir is null:
                    dir = name;
                    break;
                default:
                    return UsageError(stderr, "catalogue export takes one catalogue folder: DIR --out FILE", "catalogue");
            }
        }
        if (dir is null || output is null)
        {
            return UsageError(stderr, "catalogue export takes DIR --out FILE.csv, FILE.xlsx or a FOLDER for Markdown", "catalogue");
        }
        format ??= Path.GetExtension(output).ToLowerInvariant() switch
        {
            ".csv" => "csv",
            ".xlsx" => "xlsx",
            ".md" or "" => "markdown",
            var other => null,
        };
        if (format is null)
        {
            return UsageError(stderr, $"cannot tell the format from '{output}': end it in .csv or .xlsx, give a folder for Markdown, or say --format", "catalogue");
        }
        if (sheetPerDomain && format != "xlsx")
        {
            return UsageError(stderr, "--sheets is for a workbook (xlsx)", "catalogue");
        }
        if (LoadOrReport(dir, stderr) is not { } catalogue)
        {
            return 1;
        }
        if (format == "markdown")
        {
            if (File.Exists(output) || (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any()))
            {
                stderr.WriteLine($"error: {output} already exists and is not an empty folder; Markdown goes into a new or empty folder");
                return 1;
            }
            var pages = CatalogueExport.MarkdownPages(catalogue);
            WriteFiles(output, pages);
            stdout.WriteLine($"Exported {catalogue.Roles.Length} role page(s) and index.md from {dir} into {output}");
            return 0;
        }
        if (Directory.Exists(output))
        {
            stderr.WriteLine($"error: {output} is a folder; give the {format} file to write");
            return 1;
        }
        var rows = CatalogueExport.Rows(catalogue);
        foreach (var warning in rows.Warnings)
        {
            stderr.WriteLine($"warning: {warning}");
        }
        if (format == "xlsx" && XlsxWriter.Unwritable(rows) is { } unwritable)
        {
            stderr.WriteLine($"error: {unwritable}; nothing was written");
            return 1;
        }
        // Written beside the target and moved into place, so a failed export never leaves half a file.
        var temporary = output + ".partial";
        try
        {
            using (var file = File.Create(temporary))
            {
                if (format == "xlsx")
                {
                    XlsxWriter.Write(file, rows, sheetPerDomain);
                }
                else
                {
                    // With a byte order mark: Excel reads a CSV as UTF-8 only with one.
                    using var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                    writer.Write(CatalogueExport.Csv(rows));
                }
            }
            File.Move(temporary, output, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        stdout.WriteLine($"Exported {rows.Rows.Length} rows from {dir} into {output}");
        return 0;
    }

    private static void WriteFiles(string outDir, IEnumerable<CatalogueFile> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(outDir, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text, StrictUtf8);
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
    private static string Printable(string? text, bool keepLineBreaks = false) =>
        string.Concat((text ?? "").Where(c => (!char.IsControl(c) || (keepLineBreaks && c == '\n')) && c is not (>= '\u202A' and <= '\u202E') and not (>= '\u2066' and <= '\u2069')));

    private static SkillCatalogue? LoadOrReport(string dir, TextWriter stderr)
    {
        var result = CatalogueFolder.Load(dir);
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

    /// <summary>A usage mistake found deep in an option's value.</summary>
    private sealed class UsageException(string message) : Exception(message);

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
