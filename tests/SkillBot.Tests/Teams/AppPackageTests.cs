using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using SkillBot.Testing;

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

    [Fact]
    public async Task A_public_url_adds_the_catalogue_tab_and_link_unfurling_for_its_host_and_none_without()
    {
        var zip = Path.Combine(_folder, "app.zip");
        var (exit, output) = await RunAsync(AppId, zip, new() { ["PUBLIC_URL"] = "https://skills.example.com/" });
        Assert.True(exit == 0, output);
        var manifest = ManifestOf(zip);
        var tab = Assert.Single(manifest["staticTabs"]!.AsArray())!;
        Assert.Equal("https://skills.example.com/catalogue?view=tab", tab["contentUrl"]!.GetValue<string>()); // the tab's view: framed by Teams, with TeamsJS
        Assert.Equal("https://skills.example.com/catalogue", tab["websiteUrl"]!.GetValue<string>());
        Assert.Equal(["personal"], tab["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var handler = Assert.Single(manifest["composeExtensions"]![0]!["messageHandlers"]!.AsArray())!;
        Assert.Equal("link", handler["type"]!.GetValue<string>());
        Assert.Equal(["skills.example.com"], handler["value"]!["domains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(["skills.example.com"], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));

        File.Delete(zip);
        Assert.Equal(0, (await RunAsync(AppId, zip)).Item1);
        var plain = ManifestOf(zip);
        Assert.Null(plain["staticTabs"]);
        Assert.Null(plain["composeExtensions"]![0]!["messageHandlers"]);
        Assert.Empty(plain["validDomains"]!.AsArray());

        var (refused, message) = await RunAsync(AppId, Path.Combine(_folder, "other.zip"), new() { ["PUBLIC_URL"] = "http://skills.example.com" });
        Assert.Equal(2, refused);
        Assert.Contains("PUBLIC_URL", message);
    }

    private static JsonNode ManifestOf(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var stream = archive.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(stream)!;
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

    [Fact]
    public async Task Values_with_characters_special_to_sed_go_into_the_manifest_as_they_are()
    {
        var zip = Path.Combine(_folder, "app.zip");
        const string Website = "https://example.com/skills?team=ml&lang=en";
        var (exit, output) = await RunAsync(AppId, zip, new() { ["WEBSITE_URL"] = Website + "/", ["APP_VERSION"] = "10.0.3" });
        Assert.True(exit == 0, output);

        using var archive = ZipFile.OpenRead(zip);
        using var stream = archive.GetEntry("manifest.json")!.Open();
        var manifest = JsonNode.Parse(stream)!;
        Assert.Equal(Website, manifest["developer"]!["websiteUrl"]!.GetValue<string>());
        Assert.Equal(Website + "/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.Equal(Website + "/terms", manifest["developer"]!["termsOfUseUrl"]!.GetValue<string>());
        Assert.Equal("10.0.3", manifest["version"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("01.0.0")]
    [InlineData("1.00.0")]
    [InlineData("1.0.01")]
    [InlineData("1.0")]
    [InlineData("1.0.0-beta")]
    [InlineData("v1.0.0")]
    public async Task A_version_that_is_not_strict_semver_is_refused(string version)
    {
        var zip = Path.Combine(_folder, "app.zip");
        var (exit, output) = await RunAsync(AppId, zip, new() { ["APP_VERSION"] = version });
        Assert.Equal(2, exit);
        Assert.Contains($"APP_VERSION must be MAJOR.MINOR.PATCH without leading zeros, e.g. 1.0.1 (it is '{version}')", output);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public async Task Without_an_output_path_the_zip_goes_to_the_ignored_out_folder()
    {
        var appId = Guid.NewGuid().ToString(); // its own file name, whatever else runs the script
        var expected = Path.Combine(Catalogues.RepoRoot, "infra", "teams", "out", $"skillbot-teams-{appId}.zip");
        try
        {
            var (exit, output) = await RunAsync(appId, zip: null);
            Assert.True(exit == 0, output);
            Assert.Equal(expected, output.Trim());
            using var archive = ZipFile.OpenRead(expected);
            Assert.NotNull(archive.GetEntry("manifest.json"));
            Assert.Contains("infra/teams/out/", File.ReadAllLines(Path.Combine(Catalogues.RepoRoot, ".gitignore")));
        }
        finally
        {
            File.Delete(expected);
        }
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

    private static async Task<(int Exit, string Output)> RunAsync(string appId, string? zip, Dictionary<string, string>? environment = null)
    {
        var script = Path.Combine(Catalogues.RepoRoot, "infra", "teams", "package.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(appId);
        if (zip is not null)
        {
            start.ArgumentList.Add(zip);
        }
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
