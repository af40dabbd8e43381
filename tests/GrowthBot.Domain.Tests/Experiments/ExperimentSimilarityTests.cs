using GrowthBot.Domain.Common;
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
    public void Stems_are_lower_cased_words_cut_by_length_alone()
    {
        var stems = WordStems.Of("If we send LinkedIn InMails to the CMOs of 100-person companies, they answer!");

        Assert.Equal(["sen", "linke", "inmai", "the", "cmo", "100", "perso", "compa", "answe"], stems);
    }

    [Fact]
    public void Stems_of_empty_or_short_words_are_none()
    {
        Assert.Empty(WordStems.Of(null));
        Assert.Empty(WordStems.Of("  a of ja и vi  "));
    }

    [Theory]
    [InlineData("цена", "цены", "цену", "ценой")]
    [InlineData("hinnoittelu", "hinnoittelusivu", "hinnoittelusivun", "hinnoittelun")]
    [InlineData("prissättning", "prissättningen", "prissättningssidan", "Prissättningar")]
    [InlineData("müşteri", "müşteriler", "müşterilere", "Müşterinin")]
    [InlineData("campaign", "campaigns", "Campaign's", "campaigning")]
    public void Inflected_and_compound_forms_share_a_stem_in_every_language(string word, string form1, string form2, string form3)
    {
        var stem = Assert.Single(WordStems.Of(word));

        Assert.All([form1, form2, form3], form => Assert.True(WordStems.Match(stem, WordStems.Of(form)[0]), $"{word} and {form}"));
    }

    [Fact]
    public void A_number_stays_whole()
    {
        Assert.Equal(["2026", "2025"], WordStems.Of("2026 2025"));
    }

    [Fact]
    public void Experiments_sharing_enough_telling_words_are_similar()
    {
        var a = WordStems.Of("LinkedIn ads to CMOs");
        var b = WordStems.Of("CMO LinkedIn ad campaign in Germany");
        var rarity = new StemRarity(10, new Dictionary<string, int> { ["linke"] = 2, ["ads"] = 3, ["cmo"] = 2 });

        Assert.True(ExperimentSimilarity.AreSimilar(a, b, rarity));
        Assert.Equal(2, ExperimentSimilarity.Compare(a, b, rarity).Shared);
    }

    [Fact]
    public void One_shared_word_is_not_enough()
    {
        var a = WordStems.Of("LinkedIn ads to CMOs");
        var b = WordStems.Of("Referral program for LinkedIn followers");

        Assert.False(ExperimentSimilarity.AreSimilar(a, b, new StemRarity(2, new Dictionary<string, int>())));
    }

    [Fact]
    public void A_small_overlap_between_long_texts_is_not_enough()
    {
        var a = WordStems.Of("webinar series about pricing strategy for agencies running paid search campaigns");
        var b = WordStems.Of("cold email sequence offering free audit to agencies with paid social budgets and churn risk");

        Assert.False(ExperimentSimilarity.AreSimilar(a, b, new StemRarity(2, new Dictionary<string, int> { ["agenc"] = 2, ["pai"] = 2 })));
    }

    [Theory]
    [InlineData("We think that if we do this then they will", "We think that if we {0} then they will answer, because {1}")]
    [InlineData("Jos me teemme tämän, niin he vastaavat", "Jos me teemme {0}, niin he vastaavat, koska {1}")]
    [InlineData("Если мы сделаем это, то они ответят", "Если мы сделаем {0}, то они ответят, потому что {1}")]
    public void Words_every_hypothesis_of_the_team_uses_never_make_experiments_similar(string filler, string template)
    {
        string[] topics = ["LinkedIn InMail", "webinar", "referral bonus", "cold calls", "podcast ads", "trade fair", "SEO guide", "partner event"];
        var history = topics.Select((topic, i) => E(i + 1, topic, string.Format(template, topic, $"reason {i}"))).ToList();
        var candidate = E(20, "Something new", filler, ExperimentStatus.Backlog);

        Assert.Empty(ExperimentSimilarity.FindSimilar(candidate, history));
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

    [Theory]
    [InlineData("Hinnoittelusivun A/B-testi", "Kokeillaan hinnoittelusivulla kahta hintaa: vuosihinta näkyviin", "Hinnoittelusivu uusiksi",
        "Hinnoittelusivun vuosihinnat esiin, niin useampi ostaa vuoden")]
    [InlineData("Новая страница цен", "Если показать цену за год, больше клиентов купят годовой тариф", "Страница с ценами",
        "Цены за год на странице тарифов: клиенты чаще берут годовой тариф")]
    [InlineData("Prissättningssidan med årspris", "Om vi visar årspriset först köper fler kunder ett år", "Ny prissättning",
        "Årspriser på prissättningssidan får kunder att köpa ett år")]
    [InlineData("Fiyatlandırma sayfasında yıllık fiyat", "Yıllık fiyatı önce gösterirsek daha çok müşteri yıllık alır", "Fiyatlandırma sayfası",
        "Yıllık fiyatlar önde olursa müşteriler yıllık plan alır")]
    public void An_inflected_idea_meets_the_one_tested_before_in_its_own_language(string name, string hypothesis, string earlierName, string earlierHypothesis)
    {
        var earlier = E(1, earlierName, earlierHypothesis);
        var unrelated = E(2, "Webinar", "Asiakkaat tulevat webinaariin, если пригласить, om vi bjuder in, davet edersek");
        var candidate = E(3, name, hypothesis, ExperimentStatus.Backlog);

        var similar = ExperimentSimilarity.FindSimilar(candidate, [earlier, unrelated]);

        Assert.Equal([1], similar.Select(s => s.Experiment.Number));
    }

    [Fact]
    public void At_most_the_requested_number_are_returned()
    {
        var candidate = E(19, "LinkedIn InMail to CMOs", status: ExperimentStatus.Backlog);
        string[] topics = ["Webinar", "Referral bonus", "Cold calls", "Podcast ads", "Trade fair", "SEO guide", "Partner event"];
        var others = Enumerable.Range(1, 6).Select(i => E(i, $"LinkedIn InMail to CMOs round {i}"))
            .Concat(topics.Select((topic, i) => E(10 + i, topic))).ToList();

        Assert.Equal(3, ExperimentSimilarity.FindSimilar(candidate, others).Count);
        Assert.Single(ExperimentSimilarity.FindSimilar(candidate, others, max: 1));
    }
}
