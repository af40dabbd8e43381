using GrowthBot.Common;
using GrowthBot.Hosting;
using GrowthBot.Slack;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Hosting;

[NoDatabase]
public class StartupChecksTests
{
    private static SlackOptions GoodSlack() => new() { BotToken = "xoxb-1-2-abc", SigningSecret = "s3cret" };

    private static SlackOptions WithToken(string token)
    {
        var slack = GoodSlack();
        slack.BotToken = token;
        return slack;
    }

    private static IReadOnlyList<string> Problems(SlackOptions? slack = null, GrowthBotOptions? growth = null) =>
        StartupChecks.Problems(slack ?? GoodSlack(), growth ?? new GrowthBotOptions { TimeZone = "Europe/Helsinki" });

    [Fact]
    public void A_complete_configuration_has_no_problems()
    {
        Assert.Empty(Problems());
    }

    [Fact]
    public void A_missing_bot_token_is_one_line_naming_the_key_and_where_to_get_it()
    {
        var problem = Assert.Single(Problems(WithToken("")));

        Assert.StartsWith("Slack__BotToken is not set", problem);
        Assert.Contains("OAuth & Permissions", problem);
    }

    [Fact]
    public void A_token_that_is_not_a_bot_token_is_named()
    {
        var problem = Assert.Single(Problems(WithToken("xoxp-user-token")));

        Assert.Contains("Slack__BotToken", problem);
        Assert.Contains("xoxb-", problem);
        Assert.DoesNotContain("xoxp-user-token", problem);
    }

    [Fact]
    public void A_missing_signing_secret_is_named_in_http_mode()
    {
        var problem = Assert.Single(Problems(new SlackOptions { BotToken = "xoxb-1" }));

        Assert.StartsWith("Slack__SigningSecret is not set", problem);
        Assert.Contains("Basic Information", problem);
    }

    [Fact]
    public void With_an_app_token_socket_mode_needs_no_signing_secret()
    {
        Assert.Empty(Problems(new SlackOptions { BotToken = "xoxb-1", AppToken = "xapp-1-A1-2-abc" }));
    }

    [Fact]
    public void An_app_token_that_is_not_one_is_named()
    {
        var problem = Assert.Single(Problems(new SlackOptions { BotToken = "xoxb-1", AppToken = "xoxb-wrong" }));

        Assert.StartsWith("Slack__AppToken", problem);
    }

    [Fact]
    public void An_unknown_time_zone_is_named()
    {
        var problem = Assert.Single(Problems(growth: new GrowthBotOptions { TimeZone = "Mars/Olympus_Mons" }));

        Assert.StartsWith("GrowthBot__TimeZone 'Mars/Olympus_Mons'", problem);
    }

    [Fact]
    public void A_relative_api_base_url_is_named()
    {
        var slack = GoodSlack();
        slack.ApiBaseUrl = "slack.com/api";

        Assert.StartsWith("Slack__ApiBaseUrl", Assert.Single(Problems(slack)));
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var problems = Problems(new SlackOptions(), new GrowthBotOptions { TimeZone = "Nowhere" });

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Slack__BotToken"));
        Assert.Contains(problems, p => p.StartsWith("Slack__SigningSecret"));
        Assert.Contains(problems, p => p.StartsWith("GrowthBot__TimeZone"));
    }

    private static SlackOptions ManyWorkspaces() => new() { ClientId = "1111.2222", ClientSecret = "c1ient-s3cret", SigningSecret = "s3cret" };

    [Fact]
    public void A_client_id_secret_and_signing_secret_without_a_bot_token_let_any_workspace_install_the_app()
    {
        var slack = ManyWorkspaces();
        slack.RedirectUrl = "https://growthbot.example.com/slack/oauth_redirect";

        Assert.True(slack.MultiWorkspace);
        Assert.Empty(Problems(slack));
    }

    [Fact]
    public void A_bot_token_keeps_one_workspace_even_when_a_client_id_is_set()
    {
        var slack = ManyWorkspaces();
        slack.BotToken = "xoxb-1-2-abc";

        Assert.False(slack.MultiWorkspace);
        Assert.Empty(Problems(slack));
    }

    [Fact]
    public void Half_an_oauth_configuration_names_the_missing_key()
    {
        var noSecret = ManyWorkspaces();
        noSecret.ClientSecret = "";
        var noId = ManyWorkspaces();
        noId.ClientId = "";

        Assert.StartsWith("Slack__ClientSecret is not set", Assert.Single(Problems(noSecret)));
        Assert.StartsWith("Slack__ClientId is not set", Assert.Single(Problems(noId)));
        Assert.DoesNotContain("c1ient-s3cret", Assert.Single(Problems(noId)));
    }

    [Fact]
    public void Many_workspaces_over_http_still_need_the_signing_secret()
    {
        var slack = ManyWorkspaces();
        slack.SigningSecret = "";

        Assert.StartsWith("Slack__SigningSecret is not set", Assert.Single(Problems(slack)));
    }

    [Theory]
    [InlineData("growthbot.example.com/slack/oauth_redirect")]
    [InlineData("https://growthbot.example.com/oauth")]
    [InlineData("ftp://growthbot.example.com/slack/oauth_redirect")]
    public void A_redirect_url_that_is_not_this_servers_oauth_redirect_is_named(string url)
    {
        var slack = ManyWorkspaces();
        slack.RedirectUrl = url;

        var problem = Assert.Single(Problems(slack));
        Assert.StartsWith("Slack__RedirectUrl must be the public address of this server's /slack/oauth_redirect", problem);
    }

    [Fact]
    public void One_workspaces_channel_and_people_are_refused_when_many_workspaces_install_the_app()
    {
        var problems = Problems(ManyWorkspaces(), new GrowthBotOptions { TimeZone = "UTC", ReportChannel = "C0GROWTH", GrowthLeads = "U0LEAD" });

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("GrowthBot__ReportChannel names a channel of one workspace"));
        Assert.Contains(problems, p => p.StartsWith("GrowthBot__GrowthLeads names people of one workspace"));
    }
}
