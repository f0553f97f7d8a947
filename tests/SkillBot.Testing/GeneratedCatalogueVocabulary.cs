namespace SkillBot.Testing;

/// <summary>
/// The words the generated catalogue is built from: domains with their topics and roles, skill-name
/// modifiers shared across domains (so many names share words), roles with aliases, and sentences per
/// level for descriptions. Topics double as bare skill names; modified names ("Applied Deep Learning")
/// make the longest-phrase match and typo correction work for a living.
/// </summary>
internal static class GeneratedCatalogueVocabulary
{
    public sealed record Domain(string Name, string[] Topics, string[] Roles);

    public sealed record RoleName(string Name, string[] Aliases);

    public static readonly Domain[] Domains =
    [
        new("Machine Learning & AI",
            ["Deep Learning", "Machine Learning", "Natural Language Processing", "Computer Vision", "Reinforcement Learning",
             "Model Evaluation", "Feature Engineering", "Recommender Systems", "Time Series Forecasting", "Prompt Engineering"],
            ["Data Scientist", "LLM Engineer", "ML Engineer", "Data Engineer", "Software Architect", "Engineering Manager"]),
        new("Data Engineering",
            ["Data Pipelines", "Stream Processing", "Data Warehousing", "Data Modeling", "Batch Processing",
             "Data Quality", "Data Lakes", "Change Data Capture", "Workflow Orchestration", "Data Governance"],
            ["Data Engineer", "Analytics Engineer", "Data Scientist", "Backend Engineer", "Platform Engineer", "Database Administrator"]),
        new("Backend Development",
            ["API Design", "Service Architecture", "Database Access", "Caching Strategies", "Message Queues",
             "Concurrency Control", "Authentication Flows", "Performance Tuning", "Error Handling", "Domain Modeling"],
            ["Backend Engineer", "Full-Stack Engineer", "Software Architect", "Platform Engineer", "Engineering Manager"]),
        new("Frontend Development",
            ["UI Components", "State Management", "Web Accessibility", "Browser Performance", "CSS Layout",
             "Form Validation", "Client Routing", "Design Systems", "Web Animations", "Frontend Testing"],
            ["Frontend Engineer", "Full-Stack Engineer", "Product Designer", "QA Engineer", "Engineering Manager"]),
        new("Mobile Development",
            ["iOS Development", "Android Development", "Mobile UI", "Offline Sync", "Push Notifications",
             "App Store Release", "Mobile Performance", "Cross-Platform Frameworks", "Mobile Security", "Device Integration"],
            ["Mobile Engineer", "iOS Engineer", "Android Engineer", "QA Engineer", "Product Designer"]),
        new("Cloud & Infrastructure",
            ["Cloud Networking", "Infrastructure as Code", "Container Orchestration", "Cloud Cost Management", "Identity Management",
             "Load Balancing", "Serverless Computing", "Storage Systems", "Disaster Recovery", "Capacity Planning"],
            ["Cloud Architect", "Platform Engineer", "DevOps Engineer", "Site Reliability Engineer", "Security Engineer"]),
        new("DevOps & Reliability",
            ["Continuous Integration", "Continuous Delivery", "Incident Response", "Observability", "Release Management",
             "Chaos Engineering", "Service Level Objectives", "Configuration Management", "On-Call Practices", "Postmortems"],
            ["DevOps Engineer", "Site Reliability Engineer", "Platform Engineer", "Backend Engineer", "Engineering Manager"]),
        new("Security",
            ["Threat Modeling", "Application Security", "Penetration Testing", "Cryptography", "Vulnerability Management",
             "Security Monitoring", "Access Control", "Secure Coding", "Compliance Auditing", "Supply Chain Security"],
            ["Security Engineer", "Penetration Tester", "Backend Engineer", "Cloud Architect", "DevOps Engineer"]),
        new("Quality Assurance",
            ["Test Automation", "Exploratory Testing", "Performance Testing", "Test Strategy", "Regression Testing",
             "Contract Testing", "Defect Triage", "Test Data Management", "Usability Testing", "Acceptance Testing"],
            ["QA Engineer", "Test Automation Engineer", "Frontend Engineer", "Backend Engineer", "Product Manager"]),
        new("Product Management",
            ["Product Discovery", "Roadmap Planning", "Stakeholder Management", "Product Analytics", "Pricing Strategy",
             "User Research", "Backlog Prioritization", "Go-To-Market Planning", "Product Vision", "Experiment Design"],
            ["Product Manager", "Technical Program Manager", "UX Researcher", "Engineering Manager", "Data Analyst"]),
        new("Design & UX",
            ["Interaction Design", "Visual Design", "Information Architecture", "Prototyping", "Design Research",
             "Content Design", "Service Design", "Design Critique", "Motion Design", "Inclusive Design"],
            ["Product Designer", "UX Researcher", "Frontend Engineer", "Technical Writer", "Product Manager"]),
        new("Data Analytics",
            ["Business Intelligence", "Data Visualization", "Statistical Analysis", "Dashboard Design", "SQL Analytics",
             "A/B Testing", "Cohort Analysis", "Metric Definition", "Data Storytelling", "Forecasting Models"],
            ["Data Analyst", "Analytics Engineer", "Data Scientist", "Product Manager", "Data Engineer"]),
        new("Software Architecture",
            ["System Design", "Event-Driven Architecture", "Microservices", "Architecture Decision Records", "Scalability Patterns",
             "Integration Patterns", "Technical Debt Management", "Resilience Patterns", "Legacy Modernization", "Architecture Governance"],
            ["Software Architect", "Backend Engineer", "Cloud Architect", "Engineering Manager", "Full-Stack Engineer"]),
        new("Databases",
            ["Query Optimization", "Database Replication", "Schema Migration", "Index Design", "Transaction Management",
             "NoSQL Databases", "Database Sharding", "Backup and Restore", "Database Security", "Graph Databases"],
            ["Database Administrator", "Backend Engineer", "Data Engineer", "Site Reliability Engineer", "Software Architect"]),
        new("Networking",
            ["Network Protocols", "DNS Management", "Network Security", "Content Delivery", "Software-Defined Networking",
             "Network Troubleshooting", "VPN Configuration", "Traffic Shaping", "Wireless Networking", "Network Automation"],
            ["Network Engineer", "Site Reliability Engineer", "Security Engineer", "Cloud Architect", "DevOps Engineer"]),
        new("Embedded Systems",
            ["Firmware Development", "Real-Time Operating Systems", "Hardware Interfaces", "Embedded Debugging", "Power Optimization",
             "Signal Processing", "Sensor Fusion", "Bootloaders", "Embedded Linux", "Device Drivers"],
            ["Embedded Engineer", "Software Architect", "QA Engineer", "Security Engineer", "Engineering Manager"]),
        new("Leadership & Management",
            ["People Management", "Team Building", "Performance Reviews", "Hiring and Interviewing", "Mentoring",
             "Conflict Resolution", "Strategic Planning", "Budget Management", "Change Management", "Delegation"],
            ["Engineering Manager", "Technical Program Manager", "Product Manager", "Software Architect", "Data Scientist"]),
        new("Communication & Collaboration",
            ["Technical Writing", "Public Speaking", "Cross-Team Collaboration", "Facilitation", "Negotiation",
             "Documentation Practices", "Written Communication", "Knowledge Sharing", "Remote Collaboration", "Feedback Culture"],
            ["Technical Writer", "Engineering Manager", "Product Manager", "UX Researcher", "Technical Program Manager"]),
        new("Programming Languages",
            ["Python Programming", "Java Programming", "C# Programming", "TypeScript Programming", "Go Programming",
             "Rust Programming", "Kotlin Programming", "Functional Programming", "Generic Programming", "Memory Management"],
            ["Backend Engineer", "Frontend Engineer", "Android Engineer", "Data Scientist", "Embedded Engineer", "Game Developer"]),
        new("Game Development",
            ["Game Engines", "Gameplay Programming", "Graphics Rendering", "Physics Simulation", "Game AI",
             "Level Design", "Multiplayer Networking", "Shader Programming", "Game Audio", "Game Performance"],
            ["Game Developer", "Software Architect", "QA Engineer", "Product Designer", "Technical Writer"]),
    ];

    /// <summary>Prefixes for skill names, shared by all domains: "Applied Deep Learning", "Applied Data Quality".</summary>
    public static readonly string[] Modifiers =
    [
        "Applied", "Advanced", "Distributed", "Secure", "Scalable", "Cloud-Native", "Real-Time", "Enterprise",
        "Automated", "Large-Scale", "Mobile", "Open Source", "Regulated", "Embedded", "Practical", "Modern",
        "Legacy", "High-Availability", "Cross-Platform", "Collaborative", "Data-Driven", "Experimental",
        "Production", "Multi-Tenant", "Low-Latency", "Global", "Inclusive", "Continuous", "Strategic", "Federated",
    ];

    /// <summary>Shorter spellings people use, turned into an extra alias when a name contains the long form.</summary>
    public static readonly (string Long, string Short)[] Abbreviations =
    [
        ("Development", "Dev"), ("Engineering", "Eng"), ("Management", "Mgmt"), ("Architecture", "Arch"),
        ("Infrastructure", "Infra"), ("Optimization", "Opt"), ("Operating Systems", "OS"), ("Database", "DB"),
        ("Programming", "Coding"), ("Configuration", "Config"), ("Performance", "Perf"), ("Automation", "Autom"),
    ];

    /// <summary>Chinese names for a few topics, so Chinese questions can be asked of the generated catalogue.</summary>
    public static readonly Dictionary<string, string> ChineseTopics = new(StringComparer.Ordinal)
    {
        ["Deep Learning"] = "深度学习",
        ["Machine Learning"] = "机器学习",
        ["Computer Vision"] = "计算机视觉",
        ["Natural Language Processing"] = "自然语言处理",
        ["Reinforcement Learning"] = "强化学习",
        ["Data Modeling"] = "数据建模",
        ["Data Quality"] = "数据质量",
        ["API Design"] = "接口设计",
        ["System Design"] = "系统设计",
        ["Test Automation"] = "自动化测试",
        ["Cryptography"] = "密码学",
        ["Technical Writing"] = "技术写作",
        ["Data Visualization"] = "数据可视化",
        ["Threat Modeling"] = "威胁建模",
        ["Microservices"] = "微服务",
        ["Mentoring"] = "辅导",
    };

    /// <summary>The business units of a catalogue larger than one department's (see GeneratedCatalogue.SkillsPerDepartment).</summary>
    public static readonly string[] Departments =
        ["Payments", "Retail", "Logistics", "Healthcare", "Media", "Gaming", "Travel", "Insurance", "Energy", "Telecom",
         "Banking", "Education", "Automotive", "Agriculture", "Aerospace", "Hospitality", "Manufacturing", "Pharma", "Publishing"];

    public static readonly RoleName[] Roles =
    [
        new("Data Scientist", ["DS", "data science", "数据科学家"]),
        new("LLM Engineer", ["LLM eng", "large language model engineer", "LLM工程师"]),
        new("ML Engineer", ["MLE", "machine learning engineer", "机器学习工程师"]),
        new("Data Engineer", ["DE", "data eng", "数据工程师"]),
        new("Analytics Engineer", ["AE", "analytics eng"]),
        new("Data Analyst", ["DA", "BI analyst", "数据分析师"]),
        new("Backend Engineer", ["backend dev", "BE", "server-side engineer", "后端工程师"]),
        new("Frontend Engineer", ["frontend dev", "FE", "UI engineer", "前端工程师"]),
        new("Full-Stack Engineer", ["fullstack", "full stack dev", "FS"]),
        new("Mobile Engineer", ["mobile dev", "app developer", "移动工程师"]),
        new("iOS Engineer", ["iOS dev"]),
        new("Android Engineer", ["android dev"]),
        new("DevOps Engineer", ["DevOps", "DevOps eng", "运维工程师"]),
        new("Site Reliability Engineer", ["SRE", "reliability engineer"]),
        new("Platform Engineer", ["platform eng"]),
        new("Cloud Architect", ["cloud arch"]),
        new("Security Engineer", ["SecEng", "security eng", "安全工程师"]),
        new("Penetration Tester", ["pentester", "ethical hacker"]),
        new("QA Engineer", ["QA", "tester", "quality engineer", "测试工程师"]),
        new("Test Automation Engineer", ["SDET", "automation engineer"]),
        new("Product Manager", ["PM", "product owner", "产品经理"]),
        new("Technical Program Manager", ["TPM", "program manager"]),
        new("Product Designer", ["UX designer", "UI designer", "产品设计师"]),
        new("UX Researcher", ["user researcher", "UXR"]),
        new("Software Architect", ["architect", "solution architect", "架构师"]),
        new("Database Administrator", ["DBA", "database admin"]),
        new("Network Engineer", ["NetEng", "network admin"]),
        new("Embedded Engineer", ["firmware engineer", "embedded dev", "嵌入式工程师"]),
        new("Engineering Manager", ["EM", "eng manager", "工程经理"]),
        new("Technical Writer", ["tech writer", "documentation writer"]),
        new("Game Developer", ["game dev", "gameplay programmer", "游戏开发者"]),
    ];

    /// <summary>Acronyms that are everyday words: never used as a skill alias.</summary>
    public static readonly HashSet<string> AcronymStopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "am", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it", "me", "my", "no",
        "of", "ok", "on", "or", "so", "to", "up", "us", "we", "ty", "yo", "re", "vs", "ai", "ui", "ux",
        "and", "are", "but", "can", "did", "for", "get", "has", "her", "him", "his", "how", "its", "may", "not",
        "now", "our", "see", "she", "the", "too", "was", "who", "why", "you", "all", "any", "new", "bot", "lvl",
    };

    /// <summary>Sentences per level (Junior … Principal); {skill}, {topic} and {role} are filled in.</summary>
    public static readonly string[][] Sentences =
    [
        [
            "Understands the fundamentals of {skill} and applies them to well-defined tasks under the guidance of a mentor.",
            "Follows the team's established practices for {skill} and asks for help when a task goes beyond familiar patterns.",
            "Uses the standard tools of {topic} in daily work and writes down what was learned for the rest of the team.",
            "Explains the basic concepts of {skill} in their own words and recognises common mistakes in code reviews.",
            "Completes small, clearly scoped {topic} tasks with supervision, checking results against the team's examples.",
            "Reads the team's documentation on {skill} and keeps their own work consistent with it.",
        ],
        [
            "Independently delivers {skill} work for production features, choosing suitable techniques without step-by-step guidance.",
            "Diagnoses and fixes typical {topic} problems, and adds tests or checks that keep them from coming back.",
            "Reviews colleagues' {skill} work and gives concrete suggestions grounded in the team's standards.",
            "Balances quality, effort and deadlines when applying {skill}, and explains the trade-offs to other {role}s.",
            "Automates repetitive {topic} tasks and keeps the related documentation current.",
            "Estimates {skill} tasks reliably and raises risks early, before they threaten a delivery date.",
        ],
        [
            "Designs {skill} solutions for complex, ambiguous problems that span several services or teams.",
            "Sets technical direction for {topic} within the team and mentors junior and middle colleagues.",
            "Anticipates failure modes in {skill}, measures outcomes and drives improvements based on evidence.",
            "Leads reviews of critical {skill} decisions and documents the reasoning behind them for future {role}s.",
            "Introduces new {topic} techniques after evaluating them against real workloads and constraints.",
            "Owns the quality bar for {skill} in the team and resolves disagreements with clear, well-argued proposals.",
        ],
        [
            "Defines the {skill} strategy for the team and aligns it with product goals and the wider {role} community.",
            "Establishes standards, guidelines and review practices for {topic} across several teams.",
            "Plans the growth of {skill} expertise in the team through hiring, mentoring and targeted training.",
            "Evaluates tools and vendors for {topic} and makes decisions on their adoption in production.",
            "Coordinates {skill} initiatives between teams, removing blockers and tracking measurable outcomes.",
            "Reports on the state of {skill} to management and secures the investment it needs.",
        ],
        [
            "Shapes the organisation's long-term {skill} strategy and the investments that support it.",
            "Represents the company's {topic} expertise externally through talks, publications and open source work.",
            "Identifies industry shifts in {skill} early and steers the organisation's technical roadmap accordingly.",
            "Mentors leads and senior staff on advanced {topic} practices and grows the next generation of experts.",
            "Sets organisation-wide principles for {skill} that balance innovation, risk and cost.",
            "Resolves the hardest cross-organisation {topic} problems and defines how similar problems are handled.",
        ],
    ];
}
