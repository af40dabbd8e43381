using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Growth;

/// <summary>
/// <c>/growth language fi</c>: the language GrowthBot writes to the caller in (DMs, modals, replies, the App Home), which
/// wins over their Slack language (Slack's client offers no Finnish, Swedish or Turkish); <c>/growth language team</c>
/// forgets it; without an argument, which language they read and why.
/// </summary>
public sealed class GrowthLanguageCommand(PersonLanguageStore chosen, Readers readers, TimeProvider time)
{
    /// <summary>What lets the person's Slack language or the team's decide again.</summary>
    public const string FollowTeam = "team";

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CommandLine line, CancellationToken cancellationToken)
    {
        var argument = line.FirstArgument;
        if (argument.Length == 0)
            return SlashCommandResponse.Ephemeral(await Current(command, LanguageText.Current, cancellationToken));
        if (argument.Equals(FollowTeam, StringComparison.OrdinalIgnoreCase))
        {
            await chosen.Forget(command.TeamId, command.UserId, cancellationToken);
            return SlashCommandResponse.Ephemeral(await Current(command, LanguageText.FollowsTeam, cancellationToken));
        }
        // Only a code: "/growth language fi" names the language the same way whatever the caller reads now.
        if (argument.Length != 2 || Language.Find(argument) is not { } language)
        {
            var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
            return SlashCommandResponse.Ephemeral(words.Text(LanguageText.Unknown, ("typed", MrkdwnText.Escape(MrkdwnText.Truncate(argument, 40))), ("choices", Choices())));
        }
        await chosen.Choose(command.TeamId, command.UserId, language.Code, time.GetUtcNow(), cancellationToken);
        // Said in the language just chosen: the person sees at once that it worked.
        return SlashCommandResponse.Ephemeral(Wording.For(language).Text(LanguageText.Chosen));
    }

    private async Task<string> Current(SlashCommand command, LanguageText text, CancellationToken cancellationToken)
    {
        var (language, source) = await readers.LanguageOf(command.TeamId, command.UserId, cancellationToken);
        var words = Wording.For(language);
        var why = source switch
        {
            LanguageSource.Chosen => LanguageText.WhyChosen,
            LanguageSource.Slack => LanguageText.WhySlack,
            _ => LanguageText.WhyTeam,
        };
        return words.Text(text, ("language", language.Name), ("why", words.Text(why)), ("choices", Choices()));
    }

    /// <summary>"`en` English, `fi` Suomi, …": each language by its code and its own name, the same for every reader.</summary>
    public static string Choices() => string.Join(", ", Language.All.Select(l => $"`{l.Code}` {l.Name}"));
}
