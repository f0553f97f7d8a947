using SkillBot.Slack;
using SkillBot.Testing;
using YamlDotNet.RepresentationModel;

namespace SkillBot.Tests.Slack;

/// <summary>The shipped app manifests ask for exactly what SkillBot handles, at the paths it serves.</summary>
public sealed class ManifestTests
{
    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Catalogues.RepoRoot, "infra", "slack", file));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static string? Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value;

    private static List<string?> Items(YamlNode node, params string[] path) =>
        [.. ((YamlSequenceNode)At(node, path)).Children.Select(c => ((YamlScalarNode)c).Value)];

    [Theory]
    [InlineData("manifest.yaml")]
    [InlineData("manifest.socket-mode.yaml")]
    public void Both_manifests_declare_the_command_events_scopes_interactivity_and_home(string file)
    {
        var manifest = Load(file);
        var command = (YamlMappingNode)((YamlSequenceNode)At(manifest, "features", "slash_commands")).Children.Single();
        Assert.Equal("/skill", Scalar(command, "command"));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(command, "usage_hint")));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(command, "description")));
        Assert.Equal(["commands", "chat:write", "app_mentions:read", "im:history", "im:write", "links:read", "links:write"], Items(manifest, "oauth_config", "scopes", "bot"));
        Assert.Equal(["app_mention", "message.im", "app_home_opened", "app_uninstalled", "tokens_revoked", "link_shared"], Items(manifest, "settings", "event_subscriptions", "bot_events"));
        Assert.Equal("true", Scalar(manifest, "settings", "interactivity", "is_enabled"));
        Assert.Equal("true", Scalar(manifest, "features", "app_home", "home_tab_enabled"));
        Assert.Equal("SkillBot", Scalar(manifest, "features", "bot_user", "display_name"));
        Assert.Equal(["skillbot.example.com"], Items(manifest, "features", "unfurl_domains"));
    }

    [Fact]
    public void The_http_manifest_points_at_the_default_endpoint_paths()
    {
        var manifest = Load("manifest.yaml");
        var defaults = new SlackOptions();
        Assert.Equal("false", Scalar(manifest, "settings", "socket_mode_enabled"));
        var command = ((YamlSequenceNode)At(manifest, "features", "slash_commands")).Children.Single();
        Assert.Equal(defaults.CommandsPath, new Uri(Scalar(command, "url")!).AbsolutePath);
        Assert.Equal(defaults.EventsPath, new Uri(Scalar(manifest, "settings", "event_subscriptions", "request_url")!).AbsolutePath);
        Assert.Equal(defaults.InteractionsPath, new Uri(Scalar(manifest, "settings", "interactivity", "request_url")!).AbsolutePath);
    }

    [Fact]
    public void The_socket_mode_manifest_has_no_request_urls()
    {
        var manifest = Load("manifest.socket-mode.yaml");
        Assert.Equal("true", Scalar(manifest, "settings", "socket_mode_enabled"));
        var text = File.ReadAllText(Path.Combine(Catalogues.RepoRoot, "infra", "slack", "manifest.socket-mode.yaml"));
        Assert.DoesNotContain("url:", text, StringComparison.Ordinal);
    }
}
