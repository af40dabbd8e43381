using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Learnings;
using GrowthBot.Storage;
using GrowthBot.Tests.Features.Experiments;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Features.Learnings;

/// <summary>/learning search finds a word's other forms and compounds in every language, with no word list of any.</summary>
public class SearchInEveryLanguageTests
{
    [Theory]
    // Finnish: cases and compounds ("hinnoittelusivun" is "of the pricing page").
    [InlineData("Hinnoittelusivun vuosihinta toi kolme kauppaa", "Webinaarit tuovat opiskelijoita", "hinnoittelu", "*Hinnoittelusivun*")]
    [InlineData("Hinnoittelu kannattaa näyttää vuosihintana", "Webinaarit tuovat opiskelijoita", "hinnoittelusivun", "*Hinnoittelu*")]
    // Russian: the same noun in three cases.
    [InlineData("Цены за год продают лучше, чем за месяц", "Вебинары приводят студентов", "цена", "*Цены*")]
    [InlineData("Клиенты видят цену за год и покупают", "Вебинары приводят студентов", "цены", "*цену*")]
    // Swedish: a compound with its definite ending; Turkish: a noun with its plural and dative.
    [InlineData("Nyhetsbrevet ger fler möten än annonserna", "Webbinarier lockar studenter", "nyhetsbrev", "*Nyhetsbrevet*")]
    [InlineData("Müşterilere vaka çalışması göndermek toplantı getirdi", "Web seminerleri öğrenci getiriyor", "müşteri", "*Müşterilere*")]
    public async Task A_learning_is_found_by_another_form_of_its_words(string text, string other, string search, string marked)
    {
        await using var app = await GrowthBotApp.Start();
        var learnings = app.Service<LearningStore>();
        var found = await learnings.Add(Learning(text));
        await learnings.Add(Learning(other));

        var reply = await app.Command($"/learning search {search}");

        Assert.Contains("*1 match*", reply.Text);
        Assert.Contains($"`{found.ShortId}`", reply.Text);
        Assert.Contains(marked, reply.Text);
    }

    [Fact]
    public async Task A_concluded_experiment_is_found_by_a_word_inside_its_compound_name()
    {
        await using var app = await GrowthBotApp.Start();
        var experiment = await app.Idea("Uutiskirje asiakkaille", hypothesis: "Jos lähetämme kuukausittaisen uutiskirjeen, asiakkaat palaavat");
        await app.Service<ExperimentStore>().Start(experiment.TeamId, experiment.Id, ExperimentSeeds.Today, ExperimentSeeds.Today.AddDays(7), GrowthBotApp.DefaultNow);
        await app.Conclude(experiment, Outcome.Worked, "12 palaavaa asiakasta", "Kirje kerran kuussa riittää", Decision.Scale, GrowthBotApp.DefaultNow);

        var reply = await app.Command("/learning search kirjeet");

        Assert.Contains($"`{experiment.ShortId}` *Uutiskirje asiakkaille*", reply.Text);
    }

    private static Learning Learning(string text) => new()
    {
        TeamId = GrowthBotApp.TeamId, Kind = LearningKind.Channel, Text = text, CreatedBy = GrowthBotApp.Alice, CreatedAt = GrowthBotApp.DefaultNow,
    };
}
