using Microsoft.Extensions.Options;
using SkillBot.Cli;
using SkillBot.Hosting;

// One executable: a verb (ask, catalogue, ...) runs the command line; no arguments or options start the server.
if (CommandLine.IsCommand(args))
{
    return CommandLine.Run(args, Console.Out, Console.Error);
}

WebApplication? app;
try
{
    app = SkillBotApp.Build(args);
    // Checked before the host starts, so a bad or half setting is one line naming it, not a stack trace.
    app?.Services.GetRequiredService<IStartupValidator>().Validate();
}
catch (Exception e) when (StartupProblems.From(e) is { } problems)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"SkillBot cannot start: {problem}");
    }
    return 1;
}
if (app is null)
{
    return 1;
}
var hostedServices = app.Services.GetServices<IHostedService>().ToArray(); // taken now: RunAsync disposes the services
try
{
    await app.RunAsync();
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // Kestrel names the address; the host has already logged the details.
    Console.Error.WriteLine($"SkillBot cannot start: {e.Message} Stop what listens there, or choose another address with --urls.");
    return 1;
}
return HostExit.Code(hostedServices);
