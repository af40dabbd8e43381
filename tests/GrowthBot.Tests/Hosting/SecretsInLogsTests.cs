using GrowthBot.Tests.Fixtures;
using Microsoft.Extensions.Logging;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Tests.Hosting;

public class SecretsInLogsTests
{
    [Fact]
    public async Task Tokens_and_the_signing_secret_never_reach_the_logs_even_when_Slack_fails()
    {
        var logs = new CapturedLogs();
        await using var app = await GrowthBotApp.Start(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            services: logs.AddTo);

        await app.Command("/experiment new");
        app.Slack.Script("views.open", FakeResponse.Http(503), FakeResponse.Fail("invalid_auth"));
        await app.Command("/experiment new");
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, "InMail").Text(B.Hypothesis, "h").Select(B.Stage, "Acquisition")
            .Number(B.Impact, "5").Number(B.Confidence, "5").Number(B.Ease, "5"));
        await app.PostSigned("/slack/command", "command=%2Fexperiment", "application/x-www-form-urlencoded", secret: "wrong");
        await app.Idle();

        Assert.NotEmpty(logs.Entries);
        Assert.Contains(logs.Entries, e => e.Level >= LogLevel.Warning);
        foreach (var secret in new[] { app.Slack.BotToken, GrowthBotApp.SigningSecret })
            Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal));
    }
}
