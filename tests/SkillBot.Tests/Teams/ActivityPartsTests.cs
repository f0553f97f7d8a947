using System.Text.Json;
using SkillBot.Teams;

namespace SkillBot.Tests.Teams;

public sealed class ActivityPartsTests
{
    private static Activity Read(string fields) =>
        JsonSerializer.Deserialize("{\"type\":\"message\"," + fields + "}", TeamsJsonContext.Default.Activity)!;

    [Fact]
    public void Only_mention_entities_are_kept_and_each_value_of_another_shape_reads_as_nothing()
    {
        var activity = Read("""
            "entities": [
              {"type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web"},
              {"type": "mention", "text": "<at>SkillBot</at>", "mentioned": {"id": "28:bot", "name": "SkillBot", "role": "bot"}},
              "a bare string", 42, null, [1, [2, {"type": "mention"}]],
              {"mentioned": {"id": "28:bot"}, "text": "<at>no type</at>"},
              {"type": "mention", "mentioned": "not an object", "text": 42, "extra": {"deep": [[[{"a": 1}]]]}},
              {"type": "mention", "mentioned": {"id": 5, "name": ["x"], "aadObjectId": "a"}},
              {"type": {"not": "a string"}, "text": "<at>odd</at>"},
              {"@context": "https://schema.org", "type": "https://schema.org/Message", "mentioned": {"id": "28:bot"}}
            ]
            """);

        Assert.Equal(
            [new Mention("<at>SkillBot</at>", new ChannelAccount("28:bot", "SkillBot")), new Mention(null, null), new Mention(null, new ChannelAccount(null, null))],
            activity.Mentions!);
    }

    [Theory]
    [InlineData("\"channelData\": \"a string\"", null, null, null)]
    [InlineData("\"channelData\": [1, 2]", null, null, null)]
    [InlineData("\"channelData\": 7", null, null, null)]
    [InlineData("\"channelData\": {}", null, null, null)]
    [InlineData("\"channelData\": {\"tenant\": \"t\", \"channel\": [\"c\"], \"eventType\": {\"x\": 1}}", null, null, null)]
    [InlineData("\"channelData\": {\"tenant\": {\"id\": 5}, \"channel\": {\"id\": null}}", null, null, null)]
    [InlineData("\"channelData\": {\"team\": {\"id\": \"19:t\"}, \"tenant\": {\"id\": \"t1\", \"x\": [1]}, \"channel\": {\"id\": \"19:c\", \"name\": \"General\"}, \"eventType\": \"channelCreated\", \"settings\": {\"selectedChannel\": {\"id\": \"19:s\"}}}", "t1", "19:c", "channelCreated")]
    public void ChannelData_gives_its_tenant_channel_and_event_or_nothing_for_another_shape(string fields, string? tenant, string? channel, string? eventType)
    {
        var data = Read(fields).ChannelData;
        Assert.Equal(tenant, data?.TenantId);
        Assert.Equal(channel, data?.ChannelId);
        Assert.Equal(eventType, data?.EventType);
    }

    [Theory]
    [InlineData("\"entities\": {\"type\": \"mention\"}")]
    [InlineData("\"entities\": \"mention\"")]
    public void Entities_that_are_not_an_array_are_not_an_activity(string fields) =>
        Assert.Throws<JsonException>(() => Read(fields));

    [Fact]
    public void What_is_read_is_written_back_the_same()
    {
        var activity = Read("""
            "entities": [{"type": "mention", "text": "<at>SkillBot</at>", "mentioned": {"id": "28:bot", "name": "SkillBot"}}],
            "channelData": {"tenant": {"id": "t1"}, "channel": {"id": "19:c"}, "eventType": "channelCreated"}
            """);

        var again = JsonSerializer.Deserialize(JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity), TeamsJsonContext.Default.Activity)!;

        Assert.Equal(activity.Mentions!, again.Mentions!);
        Assert.Equal(activity.ChannelData, again.ChannelData);
    }
}
