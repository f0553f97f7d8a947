using Microsoft.Extensions.Time.Testing;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.SharedState;
using SkillBot.Testing;

namespace SkillBot.Tests.SharedState;

/// <summary>This process's memory of each person's context: bounded, and forgotten after a quiet while.</summary>
public sealed class ConversationMemoryTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ConversationMemory _memory;
    private readonly Assistant _assistant = new(Catalogues.BuiltIn());

    public ConversationMemoryTests() =>
        _memory = new ConversationMemory(new ConversationMemoryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) }, _clock);

    public void Dispose() => _memory.Dispose();

    [Fact]
    public async Task Context_expires_after_the_sliding_window_without_questions()
    {
        await Ask("I'm a senior data scientist", "u");
        _clock.Advance(TimeSpan.FromMinutes(20));
        // Asking keeps the context alive: the window slides from the last question.
        Assert.Equal(Intent.Expectation, (await Ask("what about deep learning?", "u")).Intent);
        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(Intent.Expectation, (await Ask("and lead?", "u")).Intent);

        _clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Null(_memory.Recall("u"));
        var answer = await Ask("what about deep learning?", "u");
        Assert.Equal((Intent.SkillOverview, "Deep Learning", (string?)null, (string?)null), (answer.Intent, answer.Skill, answer.Role, answer.Level));
    }

    [Fact]
    public async Task At_most_the_configured_number_of_users_is_remembered()
    {
        using var memory = new ConversationMemory(new ConversationMemoryOptions { MaxUsers = 2 }, _clock);

        foreach (var user in new[] { "a", "b", "c", "d" })
        {
            await Ask(memory, "I'm a senior data scientist", user);
        }

        var remembered = new[] { "a", "b", "c", "d" }.Count(u => memory.Recall(u) is not null);
        Assert.InRange(remembered, 1, 2);
    }

    private Task<Answer> Ask(string text, string user) => Ask(_memory, text, user);

    /// <summary>What the gate does around the pure core: the context read before the turn, written after when it changed.</summary>
    private async Task<Answer> Ask(ConversationMemory memory, string text, string user)
    {
        var result = _assistant.Respond(Turn.Question("test", new ChatUser("test", null, user), text), await memory.RecallAsync(user, default));
        if (result.Remember is { } next)
        {
            await memory.RememberAsync(user, next, default);
        }
        return result.Answer;
    }
}
