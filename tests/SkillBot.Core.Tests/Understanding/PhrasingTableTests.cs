using System.Text.Json;
using SkillBot.Core.Answers;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Understanding;

/// <summary>
/// What people type, row by row: each question with the intent, skill, role, level(s) it must resolve to
/// (and what a clarify asks, or what a not_found suggests first). One table runs on the built-in
/// catalogue, the other on <see cref="ConfusableCatalogue"/>, whose names overlap on purpose.
/// Extra column: "role: A | B" (clarify: missing role, these options in order), "suggests: A | B"
/// (not_found: these are the first suggestions), null otherwise.
/// </summary>
public sealed partial class PhrasingTableTests
{
    private const string E = "expectation", C = "compare", RP = "role_profile", SO = "skill_overview",
        CL = "clarify", NF = "not_found", H = "help";

    // Built-in catalogue names.
    private const string DeepLearning = "Deep Learning", Ds = "Data Scientist", Llm = "LLM Engineer";
    private const string AllLevels = "level: Junior | Middle | Senior | Lead | Principal";

    private static readonly Assistant BuiltIn = new(Catalogues.BuiltIn());
    private static readonly Assistant Confusable = new(ConfusableCatalogue.Load());

    public static TheoryData<string, string, string?, string?, string?, string?, string?> BuiltInRows => new()
    {
        // expectation: any order, case, punctuation
        { "what does senior LLM engineer need in deep learning?", E, DeepLearning, Llm, "Senior", null, null },
        { "deep learning expectations for a middle data scientist", E, DeepLearning, Ds, "Middle", null, null },
        { "DL / jr / DS", E, DeepLearning, Ds, "Junior", null, null },
        { "Deep Learning, LLM Engineer, Principal", E, DeepLearning, Llm, "Principal", null, null },
        { "DEEP LEARNING FOR A LEAD DATA SCIENTIST", E, DeepLearning, Ds, "Lead", null, null },
        { "Deep Learning — Senior — Data Scientist!!!", E, DeepLearning, Ds, "Senior", null, null },
        { "deep-learning; junior; llm eng", E, DeepLearning, Llm, "Junior", null, null },
        { "what's expected of a sr DS in DL?", E, DeepLearning, Ds, "Senior", null, null },
        { "I'm a junior DS, what do I need in deep learning", E, DeepLearning, Ds, "Junior", null, null },
        { "(deep learning) [senior] {LLM engineer}", E, DeepLearning, Llm, "Senior", null, null },
        { "senior\tdata\nscientist\r\ndeep learning", E, DeepLearning, Ds, "Senior", null, null },
        // aliases and numbered levels
        { "intermediate data scientist deep learning", E, DeepLearning, Ds, "Middle", null, null },
        { "entry level DS deep learning", E, DeepLearning, Ds, "Junior", null, null },
        { "team lead, LLM eng, DL", E, DeepLearning, Llm, "Lead", null, null },
        { "large language model engineer, sr, deep learning", E, DeepLearning, Llm, "Senior", null, null },
        { "data science senior deep learning", E, DeepLearning, Ds, "Senior", null, null },
        { "deep learning for a mid-level data scientist", E, DeepLearning, Ds, "Middle", null, null },
        { "level 3 data scientist deep learning", E, DeepLearning, Ds, "Senior", null, null },
        { "L4 LLM engineer DL", E, DeepLearning, Llm, "Lead", null, null },
        { "lvl 2 DS DL", E, DeepLearning, Ds, "Middle", null, null },
        { "DL for a level-5 DS", E, DeepLearning, Ds, "Principal", null, null },
        { "l1 llm eng dl", E, DeepLearning, Llm, "Junior", null, null },
        { "level three data scientist deep learning", E, DeepLearning, Ds, "Senior", null, null },
        { "DL for a DS at level IV", E, DeepLearning, Ds, "Lead", null, null },
        { "L 2 LLM engineer deep learning", E, DeepLearning, Llm, "Middle", null, null },
        { "4th level data scientist, DL", E, DeepLearning, Ds, "Lead", null, null },
        { "lvl5 DS DL", E, DeepLearning, Ds, "Principal", null, null },
        // plurals and possessives
        { "data scientists' deep learning at senior level", E, DeepLearning, Ds, "Senior", null, null },
        { "senior data scientists deep learning", E, DeepLearning, Ds, "Senior", null, null },
        { "LLM engineers' expectations in deep learning for seniors", E, DeepLearning, Llm, "Senior", null, null },
        { "a principal data scientist's deep learning", E, DeepLearning, Ds, "Principal", null, null },
        { "juniors in DL, data scientists", E, DeepLearning, Ds, "Junior", null, null },
        // typos in longer words
        { "deep lerning seniour data scienist", E, DeepLearning, Ds, "Senior", null, null },
        { "LLM engneer, senior, deep learning", E, DeepLearning, Llm, "Senior", null, null },
        { "deep learnig, LLM engineer, principle", E, DeepLearning, Llm, "Principal", null, null },
        { "deep lerning for a seniour data scienist", E, DeepLearning, Ds, "Senior", null, null },
        { "Deep Leanring for an intermediat data sceintist", E, DeepLearning, Ds, "Middle", null, null },
        { "deeplearning senior DS", E, DeepLearning, Ds, "Senior", null, null },
        // full-width characters and emoji
        { "ＤＬ ｓｅｎｉｏｒ ＤＳ", E, DeepLearning, Ds, "Senior", null, null },
        { "ｄｅｅｐ ｌｅａｒｎｉｎｇ， ｍｉｄｄｌｅ ＬＬＭ ｅｎｇｉｎｅｅｒ", E, DeepLearning, Llm, "Middle", null, null },
        { "🚀 deep learning for a senior DS? 🤔", E, DeepLearning, Ds, "Senior", null, null },
        { "👩‍🔬 data scientist 👉 lead 👉 deep learning 🙏", E, DeepLearning, Ds, "Lead", null, null },
        // chat noise
        { "<@U123ABC> what does a senior data scientist need in deep learning?", E, DeepLearning, Ds, "Senior", null, null },
        { "<@U123ABC|skillbot> DL lead DS", E, DeepLearning, Ds, "Lead", null, null },
        { "<at>SkillBot</at> deep learning for a junior LLM engineer", E, DeepLearning, Llm, "Junior", null, null },
        { "SkillBot: DL, lead, DS", E, DeepLearning, Ds, "Lead", null, null },
        { "@SkillBot senior DS DL", E, DeepLearning, Ds, "Senior", null, null },
        { "<at>SkillBot</at>&nbsp;senior DS&nbsp;DL", E, DeepLearning, Ds, "Senior", null, null },
        { "*DS* &amp; _deep learning_, `senior`", E, DeepLearning, Ds, "Senior", null, null },
        { "&lt;@U123ABC&gt; junior &amp; LLM eng &amp; DL", E, DeepLearning, Llm, "Junior", null, null },
        { "hi! what does a principal data scientist need in deep learning? thanks", E, DeepLearning, Ds, "Principal", null, null },
        { "hey skillbot, please tell me what a middle LLM engineer needs in DL", E, DeepLearning, Llm, "Middle", null, null },
        { "good morning! deep learning for senior data scientists please, thank you", E, DeepLearning, Ds, "Senior", null, null },
        // Chinese without spaces
        { "高级LLM工程师在深度学习方面需要什么？", E, DeepLearning, Llm, "Senior", null, null },
        { "初级数据科学家的深度学习要求", E, DeepLearning, Ds, "Junior", null, null },
        { "中级LLM工程师 深度学习", E, DeepLearning, Llm, "Middle", null, null },
        { "主管数据科学家深度学习", E, DeepLearning, Ds, "Lead", null, null },
        { "首席LLM工程师在深度学习方面需要什么", E, DeepLearning, Llm, "Principal", null, null },
        { "深度学习，高级，数据科学家", E, DeepLearning, Ds, "Senior", null, null },

        // compare
        { "from middle to senior data scientist deep learning", C, DeepLearning, Ds, "Middle", "Senior", null },
        { "senior vs lead LLM engineer deep learning", C, DeepLearning, Llm, "Senior", "Lead", null },
        { "compare junior and middle for DS in DL", C, DeepLearning, Ds, "Junior", "Middle", null },
        { "DL DS senior → lead", C, DeepLearning, Ds, "Senior", "Lead", null },
        { "how do I get from senior to lead as an LLM engineer in deep learning?", C, DeepLearning, Llm, "Senior", "Lead", null },
        { "lead vs senior DS DL", C, DeepLearning, Ds, "Senior", "Lead", null },
        { "DL: L2 -> L3 DS", C, DeepLearning, Ds, "Middle", "Senior", null },
        { "what changes between lead and principal for LLM engineers in deep learning", C, DeepLearning, Llm, "Lead", "Principal", null },
        { "从高级到主管 数据科学家 深度学习", C, DeepLearning, Ds, "Senior", "Lead", null },
        { "deep learning data scientist junior => principal", C, DeepLearning, Ds, "Junior", "Principal", null },
        { "difference between a middle and a senior LLM eng in DL", C, DeepLearning, Llm, "Middle", "Senior", null },
        { "DS DL: senior or lead, what's the difference?", C, DeepLearning, Ds, "Senior", "Lead", null },
        { "deep learning, data scientist, junior ➡ middle", C, DeepLearning, Ds, "Junior", "Middle", null },
        // a level to reach: the step up to it
        { "how do I become a lead data scientist in deep learning?", C, DeepLearning, Ds, "Senior", "Lead", null },
        { "what do I need to get promoted to senior as a DS in DL", C, DeepLearning, Ds, "Middle", "Senior", null },
        { "how do I get to L4 as an LLM engineer in DL", C, DeepLearning, Llm, "Senior", "Lead", null },
        { "what does a senior need to know in DL as a DS", E, DeepLearning, Ds, "Senior", null, null },
        { "what's needed to be a principal LLM engineer", RP, null, Llm, "Lead", "Principal", null },

        // role profile: role and level, no skill
        { "senior data scientist", RP, null, Ds, "Senior", null, null },
        { "I'm a senior data scientist", RP, null, Ds, "Senior", null, null },
        { "LLM engineer L3", RP, null, Llm, "Senior", null, null },
        { "junior DS", RP, null, Ds, "Junior", null, null },
        { "高级数据科学家", RP, null, Ds, "Senior", null, null },
        { "what does a lead LLM engineer do?", RP, null, Llm, "Lead", null, null },
        { "principal data scientist profile", RP, null, Ds, "Principal", null, null },
        { "i am an intermediate llm eng", RP, null, Llm, "Middle", null, null },
        { "Hi, I'm Anna, a senior data scientist at Acme", RP, null, Ds, "Senior", null, null },
        { "I work as a lead LLM engineer in Berlin", RP, null, Llm, "Lead", null, null },
        { "senior vs principal data scientist", RP, null, Ds, "Senior", "Principal", null },
        { "senior data scientist &gt; lead", RP, null, Ds, "Senior", "Lead", null },
        { "how is a senior data scientist different from a lead data scientist?", RP, null, Ds, "Senior", "Lead", null },

        // skill overview: a skill, no level
        { "deep learning", SO, DeepLearning, null, null, null, null },
        { "DL", SO, DeepLearning, null, null, null, null },
        { "deep learning overview", SO, DeepLearning, null, null, null, null },
        { "deep learning for data scientists", SO, DeepLearning, Ds, null, null, null },
        { "深度学习", SO, DeepLearning, null, null, null, null },
        { "deep lerning ladder", SO, DeepLearning, null, null, null, null },
        { "show me the whole deep learning ladder for LLM engineers", SO, DeepLearning, Llm, null, null, null },
        { "deep learning across all levels", SO, DeepLearning, null, null, null, null },
        { "Deep Learning levels for a DS", SO, DeepLearning, Ds, null, null, null },
        { "Machine Learning & AI", SO, DeepLearning, null, null, null, null },
        { "what is deep learning?", SO, DeepLearning, null, null, null, null },

        // clarify: enough to narrow down, not enough to answer
        { "deep learning senior", CL, DeepLearning, null, "Senior", null, "role: Data Scientist | LLM Engineer" },
        { "what does a junior need in DL?", CL, DeepLearning, null, "Junior", null, "role: Data Scientist | LLM Engineer" },
        { "data scientist", CL, null, Ds, null, null, AllLevels },
        { "LLM engineer", CL, null, Llm, null, null, AllLevels },
        { "senior", CL, null, null, "Senior", null, "role: Data Scientist | LLM Engineer" },
        { "L3", CL, null, null, "Senior", null, "role: Data Scientist | LLM Engineer" },
        { "高级", CL, null, null, "Senior", null, "role: Data Scientist | LLM Engineer" },
        { "deep learning from junior to senior", CL, DeepLearning, null, "Junior", "Senior", "role: Data Scientist | LLM Engineer" },
        { "data scientist or LLM engineer, senior deep learning", CL, DeepLearning, null, "Senior", null, "role: Data Scientist | LLM Engineer" },
        { "LLM eng vs DS in deep learning", CL, DeepLearning, null, null, null, "role: LLM Engineer | Data Scientist" },
        { "deep learning for a data scientist", SO, DeepLearning, Ds, null, null, null },

        // not_found: unknown things, with the nearest the catalogue has
        { "kubernetes", NF, null, null, null, null, "suggests: Deep Learning" },
        { "machine learning", NF, null, null, null, null, "suggests: Deep Learning" },
        { "kubernetes senior", NF, null, null, "Senior", null, "suggests: Deep Learning" },
        { "deep lurnink", NF, null, null, null, null, "suggests: Deep Learning" },
        { "senior LLM", NF, null, null, "Senior", null, "suggests: LLM Engineer" },
        { "DK", NF, null, null, null, null, "suggests: Deep Learning" },
        { "DK senior DS", NF, null, Ds, "Senior", null, "suggests: Deep Learning" },
        { "what does a senior data scientist need in kubernetes?", NF, null, Ds, "Senior", null, "suggests: Deep Learning" },
        { "scientist", NF, null, null, null, null, "suggests: Data Scientist" },
        { "quantum computing for LLM engineers", NF, null, Llm, null, null, "suggests: Deep Learning" },
        { "区块链", NF, null, null, null, null, "suggests: Deep Learning" },
        { "高级数据科学家需要区块链吗？", NF, null, Ds, "Senior", null, "suggests: Deep Learning" },
        { "深度學習", NF, null, null, null, null, "suggests: Deep Learning" },

        // help: empty or content-free
        { "", H, null, null, null, null, null },
        { "   ", H, null, null, null, null, null },
        { "hi", H, null, null, null, null, null },
        { "hello there", H, null, null, null, null, null },
        { "help", H, null, null, null, null, null },
        { "thanks!", H, null, null, null, null, null },
        { "<@U123ABC>", H, null, null, null, null, null },
        { "<at>SkillBot</at> hi", H, null, null, null, null, null },
        { "?!?", H, null, null, null, null, null },
        { "🙂👍", H, null, null, null, null, null },
        { "what can you do?", H, null, null, null, null, null },
        { "good morning skillbot", H, null, null, null, null, null },
        { "帮助", H, null, null, null, null, null },
        { "你好", H, null, null, null, null, null },
        { "谢谢！", H, null, null, null, null, null },
        { "안녕하세요", H, null, null, null, null, null },
        { "please help me", H, null, null, null, null, null },
        { "ok thanks, bye", H, null, null, null, null, null },
        { "123", H, null, null, null, null, null },
        { "hey @SkillBot, how does this work?", H, null, null, null, null, null },
        { "&nbsp;&amp;&nbsp;", H, null, null, null, null, null },
    };

    // Confusable catalogue names.
    private const string Ml = "Machine Learning", Rl = "Reinforcement Learning", Cv = "Computer Vision",
        Nlp = "Natural Language Processing", PyTorch = "PyTorch", Python = "Python", DataEngineering = "Data Engineering",
        Sql = "SQL", MlOps = "MLOps", DataViz = "Data Visualization", Stats = "Statistics", ProductManagement = "Product Management",
        Prompting = "Prompt Engineering";
    private const string Mle = ConfusableCatalogue.MlEngineer, De = ConfusableCatalogue.DataEngineer,
        Pm = ConfusableCatalogue.ProductManager;

    public static TheoryData<string, string, string?, string?, string?, string?, string?> ConfusableRows => new()
    {
        // expectation, where skill and role names overlap
        { "what does a senior ML engineer need in machine learning?", E, Ml, Mle, "Senior", null, null },
        { "machine learning engineer, lead, deep learning", E, DeepLearning, Mle, "Lead", null, null },
        { "ML engineer machine learning senior", E, Ml, Mle, "Senior", null, null },
        { "senior data engineer data engineering", E, DataEngineering, De, "Senior", null, null },
        { "data engineering for a junior data engineer", E, DataEngineering, De, "Junior", null, null },
        { "data engineers' python at middle level", E, Python, De, "Middle", null, null },
        { "pytorch for a senior LLM engineer", E, PyTorch, Llm, "Senior", null, null },
        { "pytorh senior MLE", E, PyTorch, Mle, "Senior", null, null },
        { "pyton for a junior data scientist", E, Python, Ds, "Junior", null, null },
        { "py, sr, DS", E, Python, Ds, "Senior", null, null },
        { "RL, senior, DS", E, Rl, Ds, "Senior", null, null },
        { "reinforcment learning lead data scientist", E, Rl, Ds, "Lead", null, null },
        { "CV mid MLE", E, Cv, Mle, "Middle", null, null },
        { "computer vison for principal data scientists", E, Cv, Ds, "Principal", null, null },
        { "NLP L3 LLM eng", E, Nlp, Llm, "Senior", null, null },
        { "natural language processing for a junior DS", E, Nlp, Ds, "Junior", null, null },
        { "ML / sr / DS", E, Ml, Ds, "Senior", null, null },
        { "DL / jr / MLE", E, DeepLearning, Mle, "Junior", null, null },
        { "SQL for a senior product manager", E, Sql, Pm, "Senior", null, null },
        { "PM senior SQL", E, Sql, Pm, "Senior", null, null },
        { "dataviz lead PM", E, DataViz, Pm, "Lead", null, null },
        { "data visualisation for a middle data scientist", E, DataViz, Ds, "Middle", null, null },
        { "stats junior DS", E, Stats, Ds, "Junior", null, null },
        { "MLOps for a middle data engineer", E, MlOps, De, "Middle", null, null },
        { "ML ops, lead, MLE", E, MlOps, Mle, "Lead", null, null },
        { "ETL middle DE", E, DataEngineering, De, "Middle", null, null },
        { "image recognition for a junior MLE", E, Cv, Mle, "Junior", null, null },
        { "machine learning for senior data scientists", E, Ml, Ds, "Senior", null, null },
        { "data scienist machine lerning junior", E, Ml, Ds, "Junior", null, null },
        { "machine learning engineers in deep learning at mid level", E, DeepLearning, Mle, "Middle", null, null },
        { "data enginer, sql, principal", E, Sql, De, "Principal", null, null },
        { "level 2 DE python", E, Python, De, "Middle", null, null },
        { "L5 PM SQL", E, Sql, Pm, "Principal", null, null },
        { "lvl3 DS python", E, Python, Ds, "Senior", null, null },
        { "level two data engineer, SQL", E, Sql, De, "Middle", null, null },
        { "ＭＬ ｓｅｎｉｏｒ ＤＳ", E, Ml, Ds, "Senior", null, null },
        { "<@U99ZZ> hi, what does a senior ML engineer need in computer vision? thanks", E, Cv, Mle, "Senior", null, null },
        { "<at>SkillBot</at> torch, junior, machine learning engineer", E, PyTorch, Mle, "Junior", null, null },
        { "高级ML工程师在深度学习方面需要什么？", E, DeepLearning, Mle, "Senior", null, null },
        { "初级数据科学家机器学习", E, Ml, Ds, "Junior", null, null },
        { "首席LLM工程师深度学习", E, DeepLearning, Llm, "Principal", null, null },
        // a skill with a single role needs no role
        { "statistics for a senior", E, Stats, Ds, "Senior", null, null },
        { "data engineering senior", E, DataEngineering, De, "Senior", null, null },
        { "product management principal", E, ProductManagement, Pm, "Principal", null, null },
        { "prompt engineering, senior", E, Prompting, Llm, "Senior", null, null },
        // gaps in the ladder
        { "reinforcement learning for a lead ML engineer", E, Rl, Mle, "Lead", null, null },
        { "prompting junior LLM engineer", E, Prompting, Llm, "Junior", null, null },
        { "RL senior MLE", E, Rl, Mle, "Senior", null, null },
        { "reinforcement learning, lead", E, Rl, Ds, "Lead", null, null },

        // compare
        { "python: middle vs senior data engineer", C, Python, De, "Middle", "Senior", null },
        { "from junior to middle ML engineer in pytorch", C, PyTorch, Mle, "Junior", "Middle", null },
        { "compare lead and principal DS statistics", C, Stats, Ds, "Lead", "Principal", null },
        { "how do I get from senior to lead as a PM in SQL", C, Sql, Pm, "Senior", "Lead", null },
        { "CV MLE L2 → L3", C, Cv, Mle, "Middle", "Senior", null },
        { "data engineering senior vs lead", C, DataEngineering, De, "Senior", "Lead", null },
        { "从中级到高级 数据科学家 机器学习", C, Ml, Ds, "Middle", "Senior", null },
        { "RL lead vs senior MLE", C, Rl, Mle, "Senior", "Lead", null },

        // role profile
        { "senior ML engineer", RP, null, Mle, "Senior", null, null },
        { "senior machine learning engineer", RP, null, Mle, "Senior", null, null },
        { "I'm a lead data engineer", RP, null, De, "Lead", null, null },
        { "junior PM", RP, null, Pm, "Junior", null, null },
        { "middle product managers", RP, null, Pm, "Middle", null, null },
        { "data scientist L3", RP, null, Ds, "Senior", null, null },
        { "sr data eng", RP, null, De, "Senior", null, null },
        { "senior data engineers", RP, null, De, "Senior", null, null },
        { "我是高级ML工程师", RP, null, Mle, "Senior", null, null },
        { "product owner, lead", RP, null, Pm, "Lead", null, null },

        // skill overview
        { "machine learning", SO, Ml, null, null, null, null },
        { "ML", SO, Ml, null, null, null, null },
        { "data engineering", SO, DataEngineering, null, null, null, null },
        { "pytorch overview", SO, PyTorch, null, null, null, null },
        { "python for data engineers", SO, Python, De, null, null, null },
        { "reinforcement learning ladder for ML engineers", SO, Rl, Mle, null, null, null },
        { "CV", SO, Cv, null, null, null, null },
        { "stats", SO, Stats, null, null, null, null },
        { "机器学习", SO, Ml, null, null, null, null },
        { "Product", SO, ProductManagement, null, null, null, null },

        // clarify
        { "deep learning senior", CL, DeepLearning, null, "Senior", null, "role: Data Scientist | ML Engineer | LLM Engineer" },
        { "senior machine learning", CL, Ml, null, "Senior", null, "role: Data Scientist | ML Engineer | LLM Engineer" },
        { "what does a junior need in python?", CL, Python, null, "Junior", null, "role: Data Scientist | Data Engineer | ML Engineer | LLM Engineer" },
        { "ML engineer", CL, null, Mle, null, null, AllLevels },
        { "data engineer", CL, null, De, null, null, AllLevels },
        { "PM", CL, null, Pm, null, null, AllLevels },
        { "senior", CL, null, null, "Senior", null, "role: Data Scientist | ML Engineer | Data Engineer | LLM Engineer | Product Manager" },
        { "python or pytorch for a senior MLE", CL, null, Mle, "Senior", null, "skill: Python | PyTorch" },
        { "deep learning vs machine learning for senior DS", CL, null, Ds, "Senior", null, "skill: Deep Learning | Machine Learning" },
        { "Analytics", CL, null, null, null, null, "skill: Data Visualization | Statistics" },
        { "senior data scientist or ML engineer in deep learning", CL, DeepLearning, null, "Senior", null, "role: Data Scientist | ML Engineer" },
        { "L3 CV", CL, Cv, null, "Senior", null, "role: ML Engineer | Data Scientist" },
        { "PN senior SQL", CL, Sql, null, "Senior", null, "role: Data Engineer | Data Scientist | Product Manager" },

        // not_found: unknown things, and combinations the catalogue lacks
        { "deep learning for a senior product manager", NF, DeepLearning, Pm, "Senior", null, "suggests: Data Scientist | ML Engineer | LLM Engineer" },
        { "statistics for a lead ML engineer", NF, Stats, Mle, "Lead", null, "suggests: Data Scientist" },
        { "prompt engineering for DS", NF, Prompting, Ds, null, null, "suggests: LLM Engineer" },
        { "data engineering for a senior data scientist", NF, DataEngineering, Ds, "Senior", null, "suggests: Data Engineer" },
        { "kubernetes", NF, null, null, null, null, null },
        { "DK senior", NF, null, null, "Senior", null, null },
        { "CB for a junior MLE", NF, null, Mle, "Junior", null, null },
        { "reinforcement", NF, null, null, null, null, "suggests: Reinforcement Learning" },
        { "learning", NF, null, null, null, null, "suggests: Deep Learning | Machine Learning | Reinforcement Learning" },
        { "spark for data engineers", NF, null, De, null, null, null },
        { "vision", NF, null, null, null, null, "suggests: Computer Vision" },
        { "主管数据科学家需要区块链和机器人吗", NF, null, Ds, "Lead", null, null },
        { "visual", NF, null, null, null, null, "suggests: Data Visualization" },
        { "pytor for seniors", NF, null, null, "Senior", null, "suggests: PyTorch" },
        { "engineers", NF, null, null, null, null, "suggests: Data Engineer | LLM Engineer | ML Engineer" },
        { "what does a lead data scientist need in kubernetes?", NF, null, Ds, "Lead", null, "suggests: Data Visualization | Statistics" },

        // help
        { "", H, null, null, null, null, null },
        { "hello", H, null, null, null, null, null },
        { "<@U123ABC> help", H, null, null, null, null, null },
        { "thank you!", H, null, null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(BuiltInRows))]
    public void Built_in_catalogue(string question, string intent, string? skill, string? role, string? level, string? compareTo, string? extra) =>
        Check(BuiltIn, question, intent, skill, role, level, compareTo, extra);

    [Theory]
    [MemberData(nameof(ConfusableRows))]
    public void Confusable_catalogue(string question, string intent, string? skill, string? role, string? level, string? compareTo, string? extra) =>
        Check(Confusable, question, intent, skill, role, level, compareTo, extra);

    [Fact]
    public void The_tables_cover_every_intent_with_at_least_150_rows()
    {
        var rows = BuiltInRows.Concat(ConfusableRows).Select(r => (string)r[1]).ToList();
        Assert.True(rows.Count >= 150, $"{rows.Count} rows");
        var expected = Enum.GetValues<Intent>().Except(SampleAnswers.NotYetAnswered).Select(i => JsonSerializer.Serialize(i).Trim('"'));
        Assert.Equal(expected.Order(), rows.Distinct().Order());
    }

    [Fact]
    public void The_confusable_catalogue_is_as_confusing_as_the_table_assumes()
    {
        var catalogue = Confusable.Catalogue;
        Assert.Equal(5, catalogue.Domains.Length);
        Assert.Equal(14, catalogue.Skills.Length);
        Assert.Equal(5, catalogue.Roles.Length);
        // Skill names inside role names, and two-letter aliases.
        Assert.Contains(catalogue.Roles, r => catalogue.Skills.Any(s => r.Aliases.Any(a => a.Contains(s.Name, StringComparison.OrdinalIgnoreCase))));
        Assert.True(catalogue.Skills.SelectMany(s => s.Aliases).Count(a => a.Length == 2) >= 5);
        // Roles lacking skills, single-role skills, and gaps in the ladder.
        Assert.All(catalogue.Roles, r => Assert.True(catalogue.SkillsOf(r).Length < catalogue.Skills.Length));
        Assert.Contains(catalogue.Skills, s => s.Roles.Length == 1);
        Assert.Contains(catalogue.Skills, s => s.Roles.Any(r => r.ByLevel.Any(e => e is null)));
    }

    private static void Check(Assistant assistant, string question, string intent, string? skill, string? role, string? level, string? compareTo, string? extra)
    {
        var answer = assistant.Ask(question);
        var actual = $"{Name(answer.Intent)} | {answer.Skill} | {answer.Role} | {answer.Level} | {answer.CompareTo}";
        Assert.Equal($"{intent} | {skill} | {role} | {level} | {compareTo}", actual);
        AnswerContract.Check(answer, assistant.Catalogue);

        if (extra is null)
        {
            return;
        }
        var (kind, values) = Split(extra);
        if (kind == "suggests")
        {
            Assert.Equal(values, answer.Suggestions.Take(values.Length));
            return;
        }
        Assert.NotNull(answer.Clarify);
        Assert.Equal(kind, Name(answer.Clarify.Missing));
        Assert.Equal(values, answer.Clarify.Options);
    }

    private static (string Kind, string[] Values) Split(string extra)
    {
        var colon = extra.IndexOf(':', StringComparison.Ordinal);
        return (extra[..colon], extra[(colon + 1)..].Split('|', StringSplitOptions.TrimEntries));
    }

    private static string Name<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, typeof(T), AnswerJsonContext.Default).Trim('"');
}
