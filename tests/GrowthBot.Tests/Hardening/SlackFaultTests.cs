using GrowthBot.Resources;
using System.Diagnostics;
using Dapper;
using GrowthBot.Features.Common;
using GrowthBot.Slack.Routing;
using GrowthBot.Tests.Fixtures;
using Microsoft.Extensions.Logging;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Tests.Hardening;

/// <summary>
/// Slack on a bad day: outages, rate limits, hanging calls, refused tokens, channels the bot cannot post in.
/// The bot retries what can succeed later, says clearly what cannot, and loses nothing it stored.
/// </summary>
public class SlackFaultTests
{
    [Fact]
    public async Task The_modal_still_opens_when_views_open_answers_503_twice()
    {
        await using var app = await GrowthBotApp.Start();
        app.Slack.Script("views.open", FakeResponse.Http(503), FakeResponse.Http(503));

        var reply = await app.Command("/experiment new");

        Assert.True(reply.IsEmptyAck, reply.Raw);
        Assert.Equal(3, app.Slack.CallsTo("views.open").Count);
        Assert.Equal("New experiment", app.Slack.Last("views.open").View!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rate_limited_call_is_retried_after_the_wait_Slack_asks_for()
    {
        await using var app = await GrowthBotApp.Start();
        app.Slack.Script("views.open", FakeResponse.RateLimited(1));

        var watch = Stopwatch.StartNew();
        var reply = await app.Command("/experiment new");

        Assert.True(reply.IsEmptyAck, reply.Raw);
        Assert.Equal(2, app.Slack.CallsTo("views.open").Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {watch.ElapsedMilliseconds} ms, before Retry-After: 1");
    }

    [Fact]
    public async Task A_call_that_hangs_past_the_request_timeout_is_retried()
    {
        // The timeout applies to the answered retry too, so it must be generous enough for a loaded machine: at
        // 300 ms the retry itself timed out and views.open was called four times. The hang outlasts every wait
        // in the test, so the ack arrives only if the hanging call was cut off.
        await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["Slack:RequestTimeout"] = "00:00:02" });
        app.Slack.Script("views.open", FakeResponse.Hangs(TimeSpan.FromMinutes(5)));

        var reply = await app.Command("/experiment new").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        Assert.Equal(2, app.Slack.CallsTo("views.open").Count);
    }

    [Fact]
    public async Task A_refused_token_is_not_retried_and_is_logged_while_the_user_gets_the_apology()
    {
        var logs = new CapturedLogs();
        await using var app = await GrowthBotApp.Start(services: logs.AddTo);
        app.Slack.Script("views.open", FakeResponse.Fail("invalid_auth"));

        var reply = await app.Command("/experiment new");

        Assert.Single(app.Slack.CallsTo("views.open"));
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains(SlackDispatcher.Apology, reply.Text);
        Assert.True(logs.Any(LogLevel.Error, "invalid_auth"), "the refused token should be logged as an error");
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    public async Task When_the_channel_refuses_the_confirmation_it_comes_by_DM_saying_why_and_the_experiment_is_kept(string error)
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/experiment new");
        app.Slack.Script("response_url", FakeResponse.Fail(error));

        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, "Partner webinar").Text(B.Hypothesis, "Partners bring warm leads").Select(B.Stage, "Acquisition")
            .Number(B.Impact, "7").Number(B.Confidence, "5").Number(B.Ease, "6"));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var dm = await app.Slack.WaitFor("chat.postMessage", c => c.Str("channel") == "D" + GrowthBotApp.Alice);
        Assert.Contains("Saved *E1 · Partner webinar*", dm.AllText);
        Assert.Contains(SlackErrorText.Explain(error, Wording.English), dm.AllText);
        Assert.Contains("/invite @GrowthBot", dm.AllText);
        await using var db = await app.Db();
        Assert.Equal("Partner webinar", await db.ExecuteScalarAsync<string>("SELECT name FROM experiments WHERE number = 1"));
    }

    [Fact]
    public void The_explanation_for_a_channel_the_bot_is_not_in_tells_the_user_to_invite_it()
    {
        Assert.Contains("invite me", SlackErrorText.Explain("not_in_channel", Wording.English));
        Assert.Contains("reinstall", SlackErrorText.Explain("invalid_auth", Wording.English));
        Assert.Contains("try again", SlackErrorText.Explain("http_503", Wording.English));
        Assert.Contains("some_new_error", SlackErrorText.Explain("some_new_error", Wording.English));
    }
}
