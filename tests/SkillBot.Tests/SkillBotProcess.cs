using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SkillBot.Tests;

/// <summary>
/// The built SkillBot executable as a child process, as a user starts it: stdout and stderr collected line by
/// line while it runs, every wait bounded, the process killed on dispose.
/// </summary>
public sealed partial class SkillBotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();

    private SkillBotProcess(Process process) => _process = process;

    public string Stdout
    {
        get { lock (_lock) { return _stdout.ToString(); } }
    }

    public string Stderr
    {
        get { lock (_lock) { return _stderr.ToString(); } }
    }

    /// <param name="environment">Extra environment variables, e.g. <c>ASPNETCORE_URLS</c>.</param>
    public static SkillBotProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SkillBot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start };
        var running = new SkillBotProcess(process);
        process.OutputDataReceived += (_, e) => running.Append(running._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(running._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    private void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lock)
        {
            output.Append(line).Append('\n');
        }
    }

    /// <summary>The exit code; a process still running after the timeout is killed and the test fails.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"SkillBot still ran after {timeout}; stderr:\n{Stderr}");
        }
        _process.WaitForExit(); // drains the output readers
        return _process.ExitCode;
    }

    /// <summary>The address from the host's "Now listening on:" line, once the server is up.</summary>
    public async Task<Uri> WaitForListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Listening().Match(Stdout + Stderr) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
            if (_process.HasExited)
            {
                Assert.Fail($"SkillBot exited with {_process.ExitCode} instead of serving; stderr:\n{Stderr}");
            }
            await Task.Delay(50);
        }
        Assert.Fail($"SkillBot did not start listening within {timeout}; stderr:\n{Stderr}");
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cancel.Token);
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
