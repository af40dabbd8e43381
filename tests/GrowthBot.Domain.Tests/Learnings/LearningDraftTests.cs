using GrowthBot.Domain.Common;
using GrowthBot.Domain.Learnings;

namespace GrowthBot.Domain.Tests.Learnings;

public class LearningDraftTests
{
    [Fact]
    public void Text_and_kind_are_required_and_the_experiment_is_optional()
    {
        Assert.Equal(["kind", "text"], new LearningDraft { Text = "  " }.Validate().ByField.Keys.Order());
        Assert.True(new LearningDraft { Text = "CMOs answer InMail", Kind = LearningKind.Icp }.Validate().IsValid);
    }

    [Fact]
    public void Text_longer_than_3000_characters_is_refused()
    {
        var errors = new LearningDraft { Text = new string('x', 3001), Kind = LearningKind.Channel }.Validate();

        Assert.Equal((ProblemCode.TooLong, 3000, 3001), (errors.ByField["text"].Code, errors.ByField["text"].Arg("max"), errors.ByField["text"].Arg("length")));
    }

    [Fact]
    public void The_learning_keeps_trimmed_text_kind_and_experiment()
    {
        var learning = new LearningDraft { Text = " CMOs answer ", Kind = LearningKind.Experiment, ExperimentId = 7 }
            .ToLearning("T1", "U1", DateTimeOffset.UnixEpoch);

        Assert.Equal(("CMOs answer", LearningKind.Experiment, 7L, "T1", "U1"), (learning.Text, learning.Kind, learning.ExperimentId!.Value, learning.TeamId, learning.CreatedBy));
    }
}
