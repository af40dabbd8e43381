using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Okrs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using GrowthBot.Tests.Jobs;

namespace GrowthBot.Tests.Features.Okrs;

public class OkrHistoryTests
{
    private static readonly DateTimeOffset Now = GrowthBotApp.DefaultNow;

    [Fact]
    public async Task Okr_history_shows_the_last_check_ins_with_value_confidence_note_who_and_when_newest_first()
    {
        await using var app = await GrowthBotApp.Start();
        var okr = await Seed.Okr(app);
        var okrs = app.Service<OkrStore>();
        await okrs.AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[1].Id, 2, KrConfidence.OnTrack, "Two pilots signed", GrowthBotApp.Bob, Now.AddDays(-14));
        await okrs.AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[1].Id, 3, KrConfidence.AtRisk, "One deal <slipped> & one won", GrowthBotApp.Lead, Now.AddDays(-7));

        var reply = await app.Command("/okr history KR2");

        Assert.Equal("ephemeral", reply.ResponseType);
        var text = reply.Text;
        Assert.Contains("*KR2 · Closed deals* · now 3/10 deals", text);
        Assert.True(text.IndexOf("2 → *3 deals*", StringComparison.Ordinal) < text.IndexOf("0 → *2 deals*", StringComparison.Ordinal), text);
        Assert.Contains(":large_yellow_circle: At risk", text);
        Assert.Contains(":large_green_circle: On track", text);
        Assert.Contains(">One deal &lt;slipped&gt; &amp; one won", text);
        Assert.Contains($"<@{GrowthBotApp.Lead}>", text);
        Assert.Contains($"<!date^{Now.AddDays(-7).ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|", text);
        Assert.Contains("2 check-ins in all.", text);
    }

    [Fact]
    public async Task Only_the_latest_ten_are_shown_and_the_export_is_named_for_the_rest()
    {
        await using var app = await GrowthBotApp.Start();
        var okr = await Seed.Okr(app);
        for (var week = 12; week >= 1; week--)
            await app.Service<OkrStore>().AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[0].Id, 100 - week, KrConfidence.OnTrack, "", GrowthBotApp.Alice, Now.AddDays(-7 * week));

        var reply = await app.Command("/okr history k1");

        Assert.Contains("The latest 10 check-ins of 12; `/growth export` has them all.", reply.Text);
        Assert.Contains("98 → *99 new leads*", reply.Text);
        Assert.DoesNotContain("88 new leads*", reply.Text);
        Assert.True(reply.Body!["blocks"]!.AsArray().Count <= 50);
    }

    [Fact]
    public async Task Without_an_id_it_shows_the_caller_s_own_key_result_and_a_wrong_id_is_explained()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed.Okr(app);

        Assert.Contains("KR2 · Closed deals", (await app.Command("/okr history", user: GrowthBotApp.Bob)).Text);
        Assert.Contains("`KR9` is not a key result", (await app.Command("/okr history KR9")).Text);
        Assert.Contains("`E3` is not a key result", (await app.Command("/okr history E3")).Text);
    }

    [Fact]
    public async Task The_history_button_on_okr_answers_in_the_conversation()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed.Okr(app);
        var overview = await app.Command("/okr");

        await app.Click(overview.Body!, $"{OkrHistoryButton.ActionId}:KR1");

        var answer = await app.Slack.WaitFor("response_url");
        Assert.Equal("ephemeral", answer.Str("response_type"));
        Assert.Contains("No check-ins yet", answer.AllText);
    }
}
