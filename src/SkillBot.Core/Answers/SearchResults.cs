namespace SkillBot.Core.Answers;

/// <summary>
/// What a search for keywords finds (Teams' message extension): the answer to the keywords, and the answers it lists,
/// composed as they are enumerated so that a page of results costs only its own answers.
/// </summary>
public sealed record SearchResults(Answer Asked, IEnumerable<Answer> Matches);
