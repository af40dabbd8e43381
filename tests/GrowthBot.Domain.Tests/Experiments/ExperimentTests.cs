using GrowthBot.Domain.Experiments;

namespace GrowthBot.Domain.Tests.Experiments;

public class ExperimentTests
{
    private static Experiment Make(int number, ExperimentStatus status, int impact = 5, int confidence = 5, int ease = 5, int endsInDays = 7) => new()
    {
        TeamId = "T1",
        Number = number,
        Name = $"Idea {number}",
        Hypothesis = "h",
        OwnerId = "U1",
        CreatedBy = "U1",
        Status = status,
        Ice = new IceScore(impact, confidence, ease),
        StartDate = new DateOnly(2026, 11, 18),
        EndDate = new DateOnly(2026, 11, 18).AddDays(endsInDays),
    };

    [Fact]
    public void The_list_shows_running_first_soonest_end_first_then_the_backlog_by_ICE()
    {
        var experiments = new[]
        {
            Make(1, ExperimentStatus.Backlog, 5, 5, 5),
            Make(2, ExperimentStatus.Running, endsInDays: 10),
            Make(3, ExperimentStatus.Backlog, 9, 9, 9),
            Make(4, ExperimentStatus.Concluded),
            Make(5, ExperimentStatus.Running, endsInDays: 3),
            Make(6, ExperimentStatus.Backlog, 7, 7, 8),
        };

        var order = Experiment.InListOrder(experiments).Select(e => e.ShortId);

        Assert.Equal(["E5", "E2", "E3", "E6", "E1", "E4"], order);
    }

    [Fact]
    public void Equal_scores_keep_the_order_they_were_logged_in()
    {
        var order = Experiment.InListOrder([Make(3, ExperimentStatus.Backlog), Make(1, ExperimentStatus.Backlog), Make(2, ExperimentStatus.Backlog)]).Select(e => e.Number);

        Assert.Equal([1, 2, 3], order);
    }

    [Fact]
    public void Only_backlog_and_running_experiments_are_open()
    {
        Assert.True(Make(1, ExperimentStatus.Backlog).IsOpen);
        Assert.True(Make(1, ExperimentStatus.Running).IsOpen);
        Assert.False(Make(1, ExperimentStatus.Concluded).IsOpen);
        Assert.False(Make(1, ExperimentStatus.Abandoned).IsOpen);
    }

    [Fact]
    public void The_short_id_is_E_and_the_number()
    {
        Assert.Equal("E42", Make(42, ExperimentStatus.Backlog).ShortId);
    }
}
