namespace SkillBot.Tests.Teams;

/// <summary>The checkout the tests run from, for files that are not copied next to the test binary (infra/, npm tools).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SkillBot.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("SkillBot.sln not found above " + AppContext.BaseDirectory);
    }
}
