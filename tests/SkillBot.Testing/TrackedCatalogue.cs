using SkillBot.Core.Catalogue;

namespace SkillBot.Testing;

/// <summary>
/// A catalogue with two tracks of different lengths (catalogue format 1.1) whose level names contain role words:
/// Individual Contributor (Engineer 1, Engineer 2, Senior Engineer 1, Senior Engineer 2, Staff Engineer; IC1…IC5)
/// and Management (Engineering Manager 1, Engineering Manager 2, Director; M4…M6). Software Engineer is on the
/// first track (by default: roles.yaml does not say), Engineering Manager on Management. Code Review is on both
/// tracks, System Design only on IC, People Management on both but from Senior Engineer 2 for engineers.
/// </summary>
public static class TrackedCatalogue
{
    public const string Ic = "Individual Contributor";
    public const string Management = "Management";
    public const string Swe = "Software Engineer";
    public const string Em = "Engineering Manager";
    public const string CodeReview = "Code Review";
    public const string SystemDesign = "System Design";
    public const string PeopleManagement = "People Management";

    public static readonly string[] IcLevels = ["Engineer 1", "Engineer 2", "Senior Engineer 1", "Senior Engineer 2", "Staff Engineer"];
    public static readonly string[] ManagementLevels = ["Engineering Manager 1", "Engineering Manager 2", "Director"];

    public const string Levels = """
        tracks:
          - name: Individual Contributor
            aliases: [IC, individual contributor track]
            levels:
              - name: Engineer 1
                aliases: [IC1]
              - name: Engineer 2
                aliases: [IC2]
              - name: Senior Engineer 1
                aliases: [IC3]
              - name: Senior Engineer 2
                aliases: [IC4]
              - name: Staff Engineer
                aliases: [IC5]
          - name: Management
            aliases: [management track, manager track]
            levels:
              - name: Engineering Manager 1
                aliases: [M4, EM1]
              - name: Engineering Manager 2
                aliases: [M5, EM2]
              - name: Director
                aliases: [M6, director of engineering]
        """;

    public const string Roles = """
        roles:
          - name: Software Engineer
            aliases: [SWE, software developer]
            description: Builds and runs the product's software.
          - name: Engineering Manager
            aliases: [EM, eng manager]
            track: Management
            description: Leads a team of engineers.
        """;

    public static CatalogueFile[] Files() =>
    [
        new("levels.yaml", Levels),
        new("roles.yaml", Roles),
        new("skills/code-review.yaml", Skill(CodeReview, "Engineering", [(Swe, IcLevels), (Em, ManagementLevels)])),
        new("skills/system-design.yaml", Skill(SystemDesign, "Engineering", [(Swe, IcLevels[1..])])),
        new("skills/people-management.yaml", Skill(PeopleManagement, "Leadership", [(Em, ManagementLevels), (Swe, IcLevels[3..])])),
    ];

    public static SkillCatalogue Load() => Catalogues.Load(Files());

    /// <summary>Writes the catalogue as a folder (for the host and the command line).</summary>
    public static string WriteTo(string folder)
    {
        foreach (var file in Files())
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
        return folder;
    }

    /// <summary>Each expectation's text names its skill, role and level, and grows with the level, so diffs have words to add.</summary>
    public static string Description(string skill, string role, string level) =>
        $"{skill} as {role} at {level}: " + (Array.IndexOf(IcLevels, level) is var ic and >= 0
            ? string.Join(" ", IcLevels.Take(ic + 1).Select(l => $"meets the {l} bar."))
            : string.Join(" ", ManagementLevels.Take(Array.IndexOf(ManagementLevels, level) + 1).Select(l => $"leads at the {l} bar.")));

    private static string Skill(string name, string domain, (string Role, string[] Levels)[] roles)
    {
        var text = new System.Text.StringBuilder($"skill: {name}\ndomain: {domain}\nroles:\n");
        foreach (var (role, levels) in roles)
        {
            text.Append($"  {role}:\n");
            foreach (var level in levels)
            {
                text.Append($"    {level}:\n      necessity: required\n      description: \"{Description(name, role, level)}\"\n");
            }
        }
        return text.ToString();
    }
}
