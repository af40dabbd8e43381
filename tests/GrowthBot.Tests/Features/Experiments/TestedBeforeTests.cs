using GrowthBot.Domain.Experiments;
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
}
