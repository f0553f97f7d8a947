using System.Text;
using System.Text.RegularExpressions;
using SkillBot.Core.Catalogue;

namespace SkillBot.Testing;

/// <summary>
/// A catalogue made to confuse a question reader: five domains, fourteen skills whose names overlap
/// with each other and with role names ("Machine Learning" / "ML Engineer", "Data Engineering" /
/// "Data Engineer", "Deep" / "Reinforcement" / "Machine Learning", "Python" / "PyTorch"), two-letter
/// aliases (DL, ML, RL, CV, PM, DS, DE), five roles of which some lack some skills, skills with a
/// single role, and gaps in the ladder. It has no levels.yaml, so the default ladder is used.
/// </summary>
public static class ConfusableCatalogue
{
    public const string MachineLearningAi = "Machine Learning & AI";
    public const string DataPlatform = "Data Platform";
    public const string SoftwareEngineering = "Software Engineering";
    public const string Analytics = "Analytics";
    public const string Product = "Product";

    public const string DataScientist = "Data Scientist";
    public const string MlEngineer = "ML Engineer";
    public const string DataEngineer = "Data Engineer";
    public const string LlmEngineer = "LLM Engineer";
    public const string ProductManager = "Product Manager";

    /// <summary>A skill: its file, domain, aliases, and for each role the levels it lists (null = all five).</summary>
    public sealed record SkillSpec(string Name, string Domain, string[] Aliases, (string Role, string[]? Levels)[] Roles);

    private static readonly string[] Ladder = ["Junior", "Middle", "Senior", "Lead", "Principal"];

    public static readonly IReadOnlyList<(string Name, string[] Aliases)> RoleSpecs =
    [
        (DataScientist, ["DS", "data science", "数据科学家"]),
        (MlEngineer, ["MLE", "machine learning engineer", "ML工程师"]),
        (DataEngineer, ["DE", "data eng"]),
        (LlmEngineer, ["LLM eng", "large language model engineer", "LLM工程师"]),
        (ProductManager, ["PM", "product owner"]),
    ];

    public static readonly IReadOnlyList<SkillSpec> SkillSpecs =
    [
        new("Machine Learning", MachineLearningAi, ["ML", "机器学习"],
            [(DataScientist, null), (MlEngineer, null), (LlmEngineer, null)]),
        new("Deep Learning", MachineLearningAi, ["DL", "deep-learning", "深度学习"],
            [(DataScientist, null), (MlEngineer, null), (LlmEngineer, null)]),
        // Gap: ML Engineers have no Lead expectation in reinforcement learning.
        new("Reinforcement Learning", MachineLearningAi, ["RL"],
            [(DataScientist, null), (MlEngineer, ["Junior", "Middle", "Senior", "Principal"])]),
        new("Computer Vision", MachineLearningAi, ["CV", "image recognition"],
            [(MlEngineer, null), (DataScientist, null)]),
        new("Natural Language Processing", MachineLearningAi, ["NLP"],
            [(LlmEngineer, null), (DataScientist, null)]),
        new("PyTorch", MachineLearningAi, ["torch"],
            [(MlEngineer, null), (LlmEngineer, null)]),
        // Gap: no Junior prompt engineering.
        new("Prompt Engineering", MachineLearningAi, ["prompting"],
            [(LlmEngineer, ["Middle", "Senior", "Lead", "Principal"])]),
        new("Python", SoftwareEngineering, ["py"],
            [(DataScientist, null), (DataEngineer, null), (MlEngineer, null), (LlmEngineer, null)]),
        new("Data Engineering", DataPlatform, ["data pipelines", "ETL"],
            [(DataEngineer, null)]),
        new("SQL", DataPlatform, ["structured query language"],
            [(DataEngineer, null), (DataScientist, null), (ProductManager, null)]),
        new("MLOps", DataPlatform, ["ML ops", "model operations"],
            [(MlEngineer, null), (DataEngineer, null)]),
        new("Data Visualization", Analytics, ["dataviz", "data visualisation", "charts"],
            [(DataScientist, null), (ProductManager, null)]),
        new("Statistics", Analytics, ["stats", "statistical analysis"],
            [(DataScientist, null)]),
        new("Product Management", Product, ["product mgmt", "roadmapping"],
            [(ProductManager, null)]),
    ];

    public static SkillCatalogue Load() => Catalogues.Load(Files());

    public static CatalogueFile[] Files()
    {
        var files = new List<CatalogueFile> { new("roles.yaml", RolesYaml()) };
        files.AddRange(SkillSpecs.Select(s => new CatalogueFile($"skills/{Slug(s.Domain)}/{Slug(s.Name)}.yaml", SkillYaml(s))));
        return [.. files];
    }

    /// <summary>The generated description, so tests can check an answer quotes the right one.</summary>
    public static string Description(string skill, string role, string level) => level switch
    {
        "Junior" => $"{role} in {skill} at Junior: applies the basics of {skill} under guidance from the team.",
        "Middle" => $"{role} in {skill} at Middle: works independently with {skill} on production tasks.",
        "Senior" => $"{role} in {skill} at Senior: designs {skill} solutions end to end and reviews the work of others.",
        "Lead" => $"{role} in {skill} at Lead: sets {skill} standards for the team and grows its people.",
        _ => $"{role} in {skill} at Principal: shapes the organisation's {skill} strategy across teams.",
    };

    private static string RolesYaml()
    {
        var yaml = new StringBuilder("roles:\n");
        foreach (var (name, aliases) in RoleSpecs)
        {
            yaml.Append($"  - name: {Quote(name)}\n    aliases: [{string.Join(", ", aliases.Select(Quote))}]\n");
        }
        return yaml.ToString();
    }

    private static string SkillYaml(SkillSpec skill)
    {
        var yaml = new StringBuilder()
            .Append($"skill: {Quote(skill.Name)}\n")
            .Append($"domain: {Quote(skill.Domain)}\n")
            .Append($"aliases: [{string.Join(", ", skill.Aliases.Select(Quote))}]\n")
            .Append("updated: 2026-03-01\n")
            .Append("roles:\n");
        foreach (var (role, levels) in skill.Roles)
        {
            yaml.Append($"  {Quote(role)}:\n");
            foreach (var level in levels ?? Ladder)
            {
                var necessity = level is "Senior" or "Lead" ? "required" : "optional";
                yaml.Append($"    {level}:\n      necessity: {necessity}\n      description: {Quote(Description(skill.Name, role, level))}\n");
            }
        }
        return yaml.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Slug(string name) =>
        Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
}
