using GrowthBot.Domain.Experiments;

namespace GrowthBot.Domain.Tests.Experiments;

public class ExperimentSimilarityTests
{
    private static Experiment E(int number, string name, string hypothesis = "", ExperimentStatus status = ExperimentStatus.Concluded, string team = "T1") => new()
    {
        Id = number, Number = number, TeamId = team, Name = name, Hypothesis = hypothesis, OwnerId = "U1", CreatedBy = "U1", Status = status,
        Ice = new IceScore(5, 5, 5),
    };

    [Fact]
    public void Words_are_lower_cased_without_stop_words_punctuation_or_plural_s()
    {
        var words = ExperimentSimilarity.Words("If we send LinkedIn InMails to the CMOs of 100-person companies, they answer!");

        Assert.Equal(["100", "answer", "cmo", "company", "inmail", "linkedin", "person", "send"], words.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Words_of_empty_text_are_none()
    {
        Assert.Empty(ExperimentSimilarity.Words(null));
        Assert.Empty(ExperimentSimilarity.Words("  the a of  "));
    }

    [Fact]
    public void Experiments_sharing_enough_meaningful_words_are_similar()
    {
        var a = ExperimentSimilarity.Words("LinkedIn ads to CMOs");
        var b = ExperimentSimilarity.Words("CMO LinkedIn ad campaign in Germany");

        Assert.True(ExperimentSimilarity.AreSimilar(a, b));
        Assert.Equal((1.0, 3), ExperimentSimilarity.Compare(a, b));
    }

    [Fact]
    public void One_shared_word_is_not_enough()
    {
        var a = ExperimentSimilarity.Words("LinkedIn ads to CMOs");
        var b = ExperimentSimilarity.Words("Referral program for LinkedIn followers");

        Assert.False(ExperimentSimilarity.AreSimilar(a, b));
    }

    [Fact]
    public void A_small_overlap_between_long_texts_is_not_enough()
    {
        var a = ExperimentSimilarity.Words("webinar series about pricing strategy for agencies running paid search campaigns");
        var b = ExperimentSimilarity.Words("cold email sequence offering free audit to agencies with paid social budgets and churn risk");

        Assert.False(ExperimentSimilarity.AreSimilar(a, b));
    }

    [Fact]
    public void Stop_words_alone_never_make_experiments_similar()
    {
        var a = ExperimentSimilarity.Words("We think that if we do this then they will");
        var b = ExperimentSimilarity.Words("We believe that if we do this they would");

        Assert.False(ExperimentSimilarity.AreSimilar(a, b));
    }

    [Fact]
    public void Similar_experiments_are_best_first_never_the_same_one_or_another_teams()
    {
        var candidate = E(9, "LinkedIn InMail to CMOs", "CMOs of mid-size companies answer InMail", ExperimentStatus.Backlog);
        var close = E(1, "InMail campaign to CMOs", "CMOs answer InMail from peers");
        var looser = E(2, "LinkedIn ads for CMOs of SaaS companies", "Ads with case studies bring demo requests from marketing leaders");
        var unrelated = E(3, "Referral bonus", "Customers refer friends for a discount");
        var foreign = E(4, "InMail campaign to CMOs", "CMOs answer InMail", team: "T2");

        var similar = ExperimentSimilarity.FindSimilar(candidate, [candidate, close, looser, unrelated, foreign]);

        Assert.Equal([1, 2], similar.Select(s => s.Experiment.Number));
        Assert.True(similar[0].Score > similar[1].Score);
    }

    [Fact]
    public void At_most_the_requested_number_are_returned()
    {
        var candidate = E(9, "LinkedIn InMail to CMOs", status: ExperimentStatus.Backlog);
        var others = Enumerable.Range(1, 6).Select(i => E(i, $"LinkedIn InMail to CMOs round {i}")).ToList();

        Assert.Equal(3, ExperimentSimilarity.FindSimilar(candidate, others).Count);
        Assert.Single(ExperimentSimilarity.FindSimilar(candidate, others, max: 1));
    }
}
