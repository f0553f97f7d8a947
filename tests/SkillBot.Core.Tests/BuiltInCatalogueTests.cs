using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Core.Tests;

public sealed class BuiltInCatalogueTests
{
    private static readonly SkillCatalogue Catalogue = Catalogues.BuiltIn();

    // The seed's ten expectations, verbatim (shared/seeds/000_3541d0234e917392.txt).
    public static TheoryData<string, string, string> SeedExpectations => new()
    {
        { "Data Scientist", "Junior", "Understands the fundamentals of Deep Learning. Applies basic practices in daily work. Follows recommendations from the team and documentation." },
        { "LLM Engineer", "Junior", "Knows deep learning fundamentals: backpropagation, loss functions, optimizers (SGD, Adam). Understands neural network architecture and trains simple models on PyTorch under mentor guidance." },
        { "Data Scientist", "Middle", "Independently designs and trains deep learning models for production tasks. Works with CNN, RNN/LSTM, Transformer architectures. Applies regularization (dropout, batch norm, weight decay), optimizes hyperparameters through systematic search." },
        { "LLM Engineer", "Middle", "Independently trains and fine-tunes models with PyTorch: configures learning rate schedules, regularization, and data augmentation. Understands gradient flow in transformer architectures." },
        { "Data Scientist", "Senior", "Designs complex deep learning architectures: multi-task learning, attention mechanisms, generative models (VAE, GAN). Optimizes training through mixed precision, distributed training, gradient accumulation. Applies knowledge distillation for model deployment." },
        { "LLM Engineer", "Senior", "Designs custom training loops for LLM: mixed precision, gradient accumulation, distributed training. Diagnoses training issues: gradient vanishing/exploding, loss spikes, training instability." },
        { "Data Scientist", "Lead", "Defines deep learning strategy for the data science team. Establishes training infrastructure standards and model architecture guidelines. Evaluates state-of-the-art approaches and makes decisions on their production adoption." },
        { "LLM Engineer", "Lead", "Defines deep learning best practices for the LLM team. Establishes model training standards, conducts training configuration reviews, introduces training run monitoring systems." },
        { "Data Scientist", "Principal", "Shapes organizational deep learning strategy. Defines investments in GPU infrastructure, evaluates custom vs pre-trained models. Publishes research, shapes the organization's scientific and technical leadership in DL." },
        { "LLM Engineer", "Principal", "Shapes organizational deep learning practices strategy. Defines approaches to pre-training and fine-tuning large models, mentors leads on advanced training techniques." },
    };

    [Theory]
    [MemberData(nameof(SeedExpectations))]
    public void Every_seed_description_is_served_verbatim_and_optional(string role, string level, string description)
    {
        var skill = Assert.Single(Catalogue.Skills);
        var expectation = skill.For(Catalogue.FindRole(role)!)!.At(Catalogue.FindLevel(level)!);
        Assert.NotNull(expectation);
        Assert.Equal(description, expectation.Description);
        Assert.Equal(Necessity.Optional, expectation.Necessity);
    }

    [Fact]
    public void The_seed_profile_is_the_default_catalogue()
    {
        var skill = Assert.Single(Catalogue.Skills);
        Assert.Equal("Deep Learning", skill.Name);
        Assert.Equal("Machine Learning & AI", skill.Domain);
        Assert.Equal(new DateOnly(2026, 2, 22), skill.Updated);
        Assert.Equal(["Data Scientist", "LLM Engineer"], Catalogue.Roles.Select(r => r.Name));
        Assert.Equal(["Junior", "Middle", "Senior", "Lead", "Principal"], Catalogue.Levels.Select(l => l.Name));
        Assert.Equal(["初级", "中级", "高级", "主管", "首席"], Catalogue.Levels.Select(l => l.Aliases[^1]));
        Assert.Equal(10, skill.Roles.Sum(r => r.ByLevel.Count(e => e is not null)));
    }

    [Fact]
    public void The_version_is_a_short_hash_of_the_content()
    {
        Assert.Matches("^[0-9a-f]{8}$", Catalogue.Version);
        Assert.Equal(Catalogue.Version, Catalogues.BuiltIn().Version);
    }
}
