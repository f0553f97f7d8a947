namespace SkillBot.Cards.Templating;

/// <summary>What names mean while expanding one part of a template. Immutable: a nested <c>$data</c>
/// or a lambda gets a new scope, so nothing needs restoring afterwards.</summary>
internal sealed record Scope(object? Root, object? Data, object? Host, double? Index, Local? Locals = null)
{
    public Scope WithData(object? data) => this with { Data = data };

    public Scope WithItem(object? data, int index) => this with { Data = data, Index = index };

    public Scope WithLocal(string name, object? value) => this with { Locals = new Local(name, value, Locals) };
}

/// <summary>A lambda variable (the <c>x</c> of <c>where(items, x, x.done)</c>), innermost first.</summary>
internal sealed record Local(string Name, object? Value, Local? Outer);
