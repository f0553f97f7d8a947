namespace SkillBot.Core.Conversation;

/// <summary>What a user last talked about, by canonical names, so "what about deep learning?" can be completed.</summary>
public sealed record UserContext(string? Skill, string? Role, string? Level);
