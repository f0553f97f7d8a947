namespace SkillBot.Core.Conversation;

/// <summary>
/// What SkillBot remembers of one person in one channel, in canonical names, kept apart: who they said they are
/// (<see cref="Person"/>, set only by statements about oneself) and what the last answer was about
/// (<see cref="Topic"/>). Questions that leave things out are read against the topic first, then the person.
/// </summary>
public sealed record UserContext(Person? Person, Topic? Topic);

/// <summary>Who the person said they are ("I'm a middle data scientist"); a hypothetical or a comparison never changes it.</summary>
public sealed record Person(string? Role, string? Level);

/// <summary>
/// What the last answer was about: "and for lead?" changes one thing of it, "no, I meant ML engineer" re-answers it
/// with that one thing replaced.
/// </summary>
public sealed record Topic(string? Skill, string? Role, string? Level, string? CompareTo)
{
    /// <summary>The last answer was a promotion question's (the person's next step, or a level they asked to reach).</summary>
    public bool Promotion { get; init; }

    /// <summary>The last turn said who the person is, or asked them: a correction or a reply corrects the person too.</summary>
    public bool AboutSelf { get; init; }

    /// <summary>The last answer asked back (clarify): a reply that names the missing thing completes it.</summary>
    public bool AskedBack { get; init; }

    /// <summary>The role of a lateral move the last answer was about (<see cref="Role"/> is where the person is): a level typed in reply to its "which level?" completes the move.</summary>
    public string? CompareRole { get; init; }
}
