using Microsoft.Extensions.Options;
using SkillBot.Cli;
using SkillBot.Hosting;

// One executable: a verb (ask, catalogue, ...) runs the command line; anything else starts the server.
if (CommandLine.IsVerb(args))
{
    return CommandLine.Run(args, Console.Out, Console.Error);
}

try
{
    var app = SkillBotApp.Build(args);
    if (app is null)
    {
        return 1;
    }
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException invalid)
{
    // A half or broken configuration: name each setting to fix, without a stack trace.
    Console.Error.WriteLine("SkillBot cannot start:");
    foreach (var failure in invalid.Failures)
    {
        Console.Error.WriteLine("  " + failure);
    }
    return 1;
}
