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
await app.RunAsync();
return 0;
