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

    [Fact]
    public async Task Installed_workspaces_tokens_and_the_client_secret_never_reach_the_logs()
    {
        var logs = new CapturedLogs();
        var slack = await FakeSlack.Start();
        var acme = slack.AddWorkspace("T0ACME", "Acme");
        slack.AddMember(acme, GrowthBotApp.Alice);
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" }, services: logs.AddTo);

        await app.Install(acme, GrowthBotApp.Alice);
        slack.Script("views.open", FakeResponse.Fail("invalid_auth"));
        await app.Command("/experiment new", team: "T0ACME");
        slack.Revoke(acme);
        await app.Event(new System.Text.Json.Nodes.JsonObject { ["type"] = "app_uninstalled" }, team: "T0ACME");
        await app.Idle();

        Assert.Contains(logs.Entries, e => e.Message.Contains("T0ACME", StringComparison.Ordinal));
        foreach (var secret in new[] { acme.BotToken, FakeSlack.ClientSecret })
            Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal));
    }
}
