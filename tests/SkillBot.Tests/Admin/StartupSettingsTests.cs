using System.Diagnostics;
using SkillBot.Testing;

namespace SkillBot.Tests.Admin;

public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("--Admin:ApiKey=short", "Admin:ApiKey")]
    [InlineData("--RateLimits:PerUserPerMinute=0", "RateLimits:PerUserPerMinute")]
    public async Task A_bad_setting_stops_startup_with_one_line_naming_it(string setting, string named)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SkillBot.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in new[] { dll, "--urls", "http://127.0.0.1:0", setting })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var problems = (await stderr).Split('\n').Where(l => l.StartsWith("SkillBot cannot start:", StringComparison.Ordinal)).ToList();
        Assert.Contains(named, Assert.Single(problems), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await stderr + await stdout, StringComparison.Ordinal);
    }
}
