namespace SkillBot.Cards.Templating;

/// <summary>A template that cannot be used: bad expression syntax or an unknown function. Raised by
/// <see cref="CardTemplate.Parse(string)"/>, so a broken template fails at load time, never while answering.</summary>
public sealed class TemplateException(string message) : Exception(message);

/// <summary>An expression that failed on the data it was given (e.g. <c>'a' * 2</c>). Caught by the
/// expander, which leaves the expression text in place as the official engine does inside strings.</summary>
internal sealed class EvaluationException(string message) : Exception(message);
