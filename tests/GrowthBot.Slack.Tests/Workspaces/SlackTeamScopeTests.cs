using GrowthBot.Slack.Workspaces;

namespace GrowthBot.Slack.Tests.Workspaces;

public class SlackTeamScopeTests
{
    [Fact]
    public void A_scope_holds_its_team_until_disposed()
    {
        Assert.Null(SlackTeamScope.Current);
        using (SlackTeamScope.Enter("T1"))
        {
            Assert.Equal("T1", SlackTeamScope.Current);
            using (SlackTeamScope.Enter("T1")) Assert.Equal("T1", SlackTeamScope.Current);
            Assert.Equal("T1", SlackTeamScope.Current);
        }
        Assert.Null(SlackTeamScope.Current);
    }

    [Fact]
    public void Entering_another_team_inside_a_teams_work_throws()
    {
        using var outer = SlackTeamScope.Enter("T1");

        var e = Assert.Throws<InvalidOperationException>(() => SlackTeamScope.Enter("T2"));

        Assert.Contains("team T2", e.Message);
        Assert.Equal("T1", SlackTeamScope.Current);
    }

    [Fact]
    public void An_empty_team_enters_nothing()
    {
        using (SlackTeamScope.Enter(""))
        using (SlackTeamScope.Enter(null)) Assert.Null(SlackTeamScope.Current);
    }

    [Fact]
    public async Task The_team_follows_work_started_in_its_scope_and_never_leaks_back_to_the_caller()
    {
        static async Task<string?> InTeam(string team)
        {
            using var scope = SlackTeamScope.Enter(team);
            return await Task.Run(async () =>
            {
                await Task.Yield();
                return SlackTeamScope.Current;
            });
        }

        var seen = await Task.WhenAll(InTeam("T1"), InTeam("T2"), InTeam("T3"));

        Assert.Equal("T1 T2 T3", string.Join(" ", seen));
        Assert.Null(SlackTeamScope.Current);
    }
}
