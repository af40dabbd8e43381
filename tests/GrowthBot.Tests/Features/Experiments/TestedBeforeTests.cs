using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Settings;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Tests.Features.Experiments;

public class TestedBeforeTests
{
    [Fact]
    public async Task A_new_experiment_like_a_past_one_is_confirmed_with_the_past_outcome()
    {
        await using var app = await GrowthBotApp.Start();
        var past = await app.Running("InMail campaign to CMOs");
        await app.Conclude(past, Outcome.DidNotWork, "0 replies from 40 InMails", "CMOs ignore cold InMail", Decision.Stop, GrowthBotApp.DefaultNow);
        await app.Idea("Referral bonus for customers", hypothesis: "Customers refer friends for a discount");
        await app.Command("/experiment new");

        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, "LinkedIn InMail to CMOs").Text(B.Hypothesis, "CMOs of 100-person companies answer InMail")
            .Select(B.Stage, "Acquisition").Number(B.Impact, "8").Number(B.Confidence, "6").Number(B.Ease, "7"));

        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("Saved *E3 · LinkedIn InMail to CMOs*", confirmation.AllText);
        Assert.Contains("Tested before?", confirmation.AllText);
        Assert.Contains("`E1` *InMail campaign to CMOs* — *Didn't work*: 0 replies from 40 InMails · learned: CMOs ignore cold InMail", confirmation.AllText);
        Assert.DoesNotContain("Referral", confirmation.AllText);
    }

    [Fact]
    public async Task A_new_experiment_unlike_any_other_is_confirmed_without_the_tested_before_section()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Idea("Referral bonus for customers", hypothesis: "Customers refer friends for a discount");
        await app.Command("/experiment new");

        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, "Webinar on pricing").Text(B.Hypothesis, "Agencies join a pricing webinar")
            .Select(B.Stage, "Acquisition").Number(B.Impact, "8").Number(B.Confidence, "6").Number(B.Ease, "7"));

        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("Saved *E2", confirmation.AllText);
        Assert.DoesNotContain("Tested before?", confirmation.AllText);
    }

    /// <summary>
    /// A Finnish or Russian team's new idea is pointed at its earlier one written in other forms of the same words, and
    /// not at the team's other experiments, which share only the words every hypothesis of the team uses.
    /// </summary>
    [Theory]
    [InlineData("fi", "Hinnoittelusivu uusiksi", "Jos näytämme vuosihinnat hinnoittelusivulla, useampi asiakas ostaa vuoden",
        "Kumppaniwebinaari", "Jos kutsumme kumppanit webinaariin, saamme uusia asiakkaita",
        "Kylmäsoitot", "Jos soitamme asiakkaille, saamme tapaamisia",
        "Hinnoittelusivun A/B-testi", "Jos hinnoittelusivulla näkyy vuosihinta, useampi asiakas ostaa vuoden kerralla")]
    [InlineData("ru", "Новая страница цен", "Если показать цены за год, больше клиентов купят годовой тариф",
        "Вебинар с партнёрами", "Если пригласить партнёров на вебинар, придут новые клиенты",
        "Холодные звонки", "Если звонить клиентам, будет больше встреч",
        "Страница с ценой", "Если на странице будет цена за год, клиенты чаще купят годовой тариф")]
    public async Task A_new_idea_meets_the_one_tested_before_in_the_teams_own_language(string language, string pastName, string pastHypothesis,
        string otherName, string otherHypothesis, string thirdName, string thirdHypothesis, string name, string hypothesis)
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/growth settings", user: GrowthBotApp.Lead);
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Lead)
            .Conversation(SettingsModal.Blocks.Channel, GrowthBotApp.GrowthChannel).Select(SettingsModal.Blocks.Language, language));
        var past = await app.Idea(pastName, hypothesis: pastHypothesis);
        await app.Service<ExperimentStore>().Start(past.TeamId, past.Id, ExperimentSeeds.Today, ExperimentSeeds.Today.AddDays(7), GrowthBotApp.DefaultNow);
        await app.Conclude(past, Outcome.Worked, "12", "—", Decision.Scale, GrowthBotApp.DefaultNow);
        await app.Idea(otherName, hypothesis: otherHypothesis);
        await app.Idea(thirdName, hypothesis: thirdHypothesis);
        await app.Idle();
        app.Slack.Clear();
        await app.Command("/experiment new");

        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, name).Text(B.Hypothesis, hypothesis)
            .Select(B.Stage, "Acquisition").Number(B.Impact, "8").Number(B.Confidence, "6").Number(B.Ease, "7"));

        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("E4", confirmation.AllText);
        Assert.Contains($"`E1` *{pastName}*", confirmation.AllText);
        Assert.DoesNotContain("`E2`", confirmation.AllText);
        Assert.DoesNotContain("`E3`", confirmation.AllText);
    }
}
