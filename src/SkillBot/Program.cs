using SkillBot.Cli;
using SkillBot.Hosting;

// One executable: a verb (ask, catalogue, ...) runs the command line; anything else starts the server.
if (CommandLine.IsVerb(args))
{
    return CommandLine.Run(args, Console.Out, Console.Error);
}

var app = SkillBotApp.Build(args);
if (app is null)
{
    return 1;
}
try
{
    await app.RunAsync();
}
catch (Microsoft.Extensions.Options.OptionsValidationException e)
{
    // Settings that cannot work (e.g. half a Slack configuration): say which, and stop.
    Console.Error.WriteLine("SkillBot cannot start: " + string.Join(Environment.NewLine, e.Failures));
    return 1;
}
return 0;
