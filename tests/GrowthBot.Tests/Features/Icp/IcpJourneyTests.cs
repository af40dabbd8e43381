using Dapper;
using GrowthBot.Domain.Icp;
using GrowthBot.Features.Icp;
using GrowthBot.Features.Learnings;
using GrowthBot.Tests.Fixtures;
using L = GrowthBot.Features.Learnings.LogLearningModal.Blocks;

namespace GrowthBot.Tests.Features.Icp;

public class IcpJourneyTests
{
    private static string Block(IcpField field) => IcpDraft.Block(field);

    private static async Task LogLearning(GrowthBotApp app, string kind, string text, string user = GrowthBotApp.Alice)
    {
        await app.Command("/learning new", user: user);
        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), user).Select(L.Kind, kind).Text(L.Text, text));
        Assert.True(reply.IsEmptyAck, reply.Raw);
    }

    [Fact]
    public async Task A_lead_writes_the_profile_and_anyone_reads_it_with_the_icp_learnings_newest_first()
    {
        await using var app = await GrowthBotApp.Start();
        var none = await app.Command("/icp", user: GrowthBotApp.Alice);
        Assert.Contains("No ideal customer profile yet", none.Text);
        Assert.DoesNotContain(EditIcpButton.ActionId, none.Body!.ToJsonString());

        await app.Command("/icp edit", user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");
        var labels = open.View!["blocks"]!.AsArray().Select(b => b!["label"]?["text"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Equal(["Decision-makers' titles", "Buyers", "Users", "Company size", "Industries", "Regions", "Notes"], labels);
        var saved = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead)
            .Text(Block(IcpField.Titles), "CMO, Head of Growth").Text(Block(IcpField.Buyers), "The CMO signs")
            .Text(Block(IcpField.CompanySize), "50–500 employees").Text(Block(IcpField.Industries), "B2B SaaS").Text(Block(IcpField.Regions), "Nordics"));
        Assert.True(saved.IsEmptyAck, saved.Raw);
        Assert.Contains("Saved the ideal customer profile", (await app.Slack.WaitFor("response_url", c => c.AllText.Contains("Saved the ideal"))).AllText);

        await LogLearning(app, "Icp", "CMOs of 100-person companies answer InMail");
        app.Time.Advance(TimeSpan.FromHours(1));
        await LogLearning(app, "Channel", "LinkedIn ads are expensive");
        app.Time.Advance(TimeSpan.FromHours(1));
        await LogLearning(app, "Icp", "Procurement joins above 20k EUR", user: GrowthBotApp.Bob);

        var shown = await app.Command("/icp", user: GrowthBotApp.Bob);
        Assert.Contains("*Decision-makers' titles*\nCMO, Head of Growth", shown.Text);
        Assert.Contains("*Company size*\n50–500 employees", shown.Text);
        Assert.DoesNotContain("*Users*", shown.Text);
        Assert.Contains("*:bulb: ICP learnings* (2)", shown.Text);
        var newer = shown.Text.IndexOf("Procurement joins above 20k EUR", StringComparison.Ordinal);
        var older = shown.Text.IndexOf("CMOs of 100-person companies answer InMail", StringComparison.Ordinal);
        Assert.True(newer >= 0 && older > newer, shown.Text);
        Assert.DoesNotContain("LinkedIn ads are expensive", shown.Text);
    }

    [Fact]
    public async Task Only_growth_leads_edit_the_profile_and_an_empty_profile_is_answered_inline()
    {
        await using var app = await GrowthBotApp.Start();
        Assert.Contains($"a growth lead (<@{GrowthBotApp.Lead}>)", (await app.Command("/icp edit", user: GrowthBotApp.Alice)).Text);
        Assert.Empty(app.Slack.CallsTo("views.open"));

        var lead = await app.Command("/icp", user: GrowthBotApp.Lead);
        await app.Click(lead.Body!, EditIcpButton.ActionId, user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");
        var empty = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead));
        Assert.Contains("at least one field", empty.Errors[Block(IcpField.Titles)]);
        var forged = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Alice).Text(Block(IcpField.Titles), "CEO"));
        Assert.Equal("errors", forged.ResponseAction);
        var tooLong = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Text(Block(IcpField.Notes), new string('x', IcpDraft.NotesMax + 1)));
        Assert.Contains(Block(IcpField.Notes), tooLong.Errors.Keys);
        await using var db = await app.Db();
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM icp_profiles"));

        Assert.True((await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Text(Block(IcpField.Titles), "CMO"))).IsEmptyAck);
        await app.Command("/icp edit", user: GrowthBotApp.Lead);
        Assert.Contains("\"initial_value\":\"CMO\"", app.Slack.Last("views.open").View!.ToJsonString());
        Assert.Contains("/icp edit", (await app.Command("/icp help")).Text);
    }
}
