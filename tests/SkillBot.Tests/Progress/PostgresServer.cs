using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SkillBot.Tests.Progress;

/// <summary>
/// A real PostgreSQL (Debian's postgresql package) the tests start themselves: <c>initdb</c> into a temp folder,
/// <c>pg_ctl</c> on a free loopback port, trust authentication for loopback only. It can be stopped and started again
/// on the same port and data. The binaries are found in SKILLBOT_PG_BIN, Debian's /usr/lib/postgresql/N/bin (newest
/// first), or the PATH. PostgreSQL refuses to run as root: then it runs as the package's <c>postgres</c> user.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _bin;
    private readonly string _data;
    private readonly bool _asPostgresUser;

    public PostgresServer()
    {
        _bin = FindBin();
        _asPostgresUser = Environment.UserName == "root";
        Folder = Directory.CreateTempSubdirectory("skillbot-pg-").FullName;
        _data = Path.Combine(Folder, "data");
        Port = FreePort();
        if (_asPostgresUser)
        {
            Run("/bin/chown", "-R", "postgres", Folder);
        }
        Run(Tool("initdb"), "-D", _data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync");
        Start();
    }

    public string Folder { get; }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true";

    public void Start() => Run(Tool("pg_ctl"), "-D", _data, "-l", Path.Combine(Folder, "log.txt"), "-w", "-t", "30",
        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -c listen_addresses=127.0.0.1 -k {Folder} -c fsync=off", "start");

    /// <summary>Stops at once, as a crash or a failover would (connections are cut).</summary>
    public void Stop() => Run(Tool("pg_ctl"), "-D", _data, "-w", "-t", "30", "-m", "immediate", "stop");

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        Directory.Delete(Folder, recursive: true);
    }

    private string Tool(string name) => Path.Combine(_bin, name);

    private void Run(string program, params string[] arguments)
    {
        var start = _asPostgresUser && !program.StartsWith("/bin/", StringComparison.Ordinal)
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", program } }
            : new ProcessStartInfo(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException($"{program} did not finish");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }

    private static string FindBin()
    {
        if (Environment.GetEnvironmentVariable("SKILLBOT_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.EnumerateDirectories(debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (File.Exists(Path.Combine(folder, "pg_ctl")) && File.Exists(Path.Combine(folder, "initdb")))
            {
                return folder;
            }
        }
        throw new InvalidOperationException("PostgreSQL's initdb and pg_ctl were not found: apt-get install postgresql (or set SKILLBOT_PG_BIN)");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
