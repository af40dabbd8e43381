using GrowthBot.Resources;
using GrowthBot.Storage;

namespace GrowthBot.Common;

/// <summary>Why a person reads the language they read, so <c>/growth language</c> can say it.</summary>
public enum LanguageSource
{
    /// <summary>They chose it with <c>/growth language</c>.</summary>
    Chosen,
    /// <summary>Their Slack client is in it.</summary>
    Slack,
    /// <summary>The team's language: they chose none and their Slack language is not one GrowthBot speaks.</summary>
    Team,
}

/// <summary>
/// The one answer to "in which language does GrowthBot write to this reader?". A channel post (the weekly report, key-result
/// progress, a reply in a channel thread) is read by the whole team: the team's language (<c>/growth settings</c>, else
/// GrowthBot__Language). What one person reads (DMs, modals, ephemeral replies, the App Home) is in the language they chose
/// with <c>/growth language</c>; without one, in their Slack language when GrowthBot speaks it; otherwise the team's.
/// Slack's client offers no Finnish, Swedish or Turkish, so a Finn's Slack often says en-US: the choice wins over it.
/// </summary>
public sealed class Readers(TeamSettingsService teams, PersonLanguageStore chosen, UserProfiles profiles)
{
    /// <summary>The wording of a post to the team's channel.</summary>
    public Wording Channel(string teamId) => Wording.For(teams.For(teamId).Language);

    /// <summary>The wording of what <paramref name="userId"/> reads on their own.</summary>
    public async Task<Wording> Person(string teamId, string userId, CancellationToken cancellationToken) =>
        Wording.For((await LanguageOf(teamId, userId, cancellationToken)).Language);

    /// <summary>The language <paramref name="userId"/> reads and why.</summary>
    public async Task<(Language Language, LanguageSource Source)> LanguageOf(string teamId, string userId, CancellationToken cancellationToken)
    {
        if (Language.Find(await chosen.Of(teamId, userId, cancellationToken)) is { } own) return (own, LanguageSource.Chosen);
        // Slack's own default is English and its client offers no Finnish, Swedish or Turkish, so en-US says nothing about
        // what a person reads: only a Slack locale other than English outranks the team's language.
        if (Language.Find(await profiles.Locale(teamId, userId, cancellationToken)) is { } slack && slack != Language.English)
            return (slack, LanguageSource.Slack);
        return (teams.For(teamId).Language, LanguageSource.Team);
    }
}
