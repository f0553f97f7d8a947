using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace SkillBot.Tests.Teams;

/// <summary>infra/teams/package.sh builds an uploadable Teams app package for a given app id.</summary>
public sealed class AppPackageTests : IDisposable
{
    private const string AppId = "3f1c2a9e-5b7d-4e21-9c3a-8d6f0b4e7a12";
    private readonly string _folder = Directory.CreateTempSubdirectory("skillbot-package-").FullName;

    [Fact]
    public async Task The_package_has_the_manifest_and_icons_at_its_root_for_the_app_id()
    {
        var zip = Path.Combine(_folder, "app.zip");
        var (exit, output) = await RunAsync(AppId, zip);
        Assert.True(exit == 0, output);

        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        JsonNode manifest;
        using (var stream = archive.GetEntry("manifest.json")!.Open())
        {
            manifest = JsonNode.Parse(stream)!;
        }
        Assert.DoesNotContain("{{", manifest.ToJsonString());
        var version = manifest["manifestVersion"]!.GetValue<string>();
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+$", manifest["version"]!.GetValue<string>());
        Assert.True(manifest["name"]!["short"]!.GetValue<string>().Length <= 30);
        Assert.True(manifest["description"]!["short"]!.GetValue<string>().Length <= 80);

        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal(AppId, bot["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray();
        Assert.InRange(commands.Count, 1, 12);
        Assert.All(commands, c => Assert.InRange(c!["title"]!.GetValue<string>().Length, 1, 32));

        var extension = Assert.Single(manifest["composeExtensions"]!.AsArray())!;
        Assert.Equal(AppId, extension["botId"]!.GetValue<string>());
        var search = Assert.Single(extension["commands"]!.AsArray())!;
        Assert.Equal(SkillBot.Teams.TeamsBot.SearchCommand, search["id"]!.GetValue<string>());
        Assert.Equal("query", search["type"]!.GetValue<string>());
        Assert.Equal(SkillBot.Teams.TeamsBot.SearchParameter, Assert.Single(search["parameters"]!.AsArray())!["name"]!.GetValue<string>());

        Assert.Equal((192, 192), PngSize(archive, manifest["icons"]!["color"]!.GetValue<string>()));
        Assert.Equal((32, 32), PngSize(archive, manifest["icons"]!["outline"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    public async Task A_missing_or_malformed_app_id_is_refused(string appId)
    {
        var (exit, output) = await RunAsync(appId, Path.Combine(_folder, "app.zip"));
        Assert.Equal(2, exit);
        Assert.Contains("APP_ID", output);
        Assert.False(File.Exists(Path.Combine(_folder, "app.zip")));
    }

    private static (int Width, int Height) PngSize(ZipArchive archive, string name)
    {
        using var stream = archive.GetEntry(name)!.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, header[..8]);
        Assert.Equal("IHDR"u8.ToArray(), header[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }

    private static async Task<(int Exit, string Output)> RunAsync(string appId, string zip)
    {
        var script = Path.Combine(Repository.Root, "infra", "teams", "package.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(appId);
        start.ArgumentList.Add(zip);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
