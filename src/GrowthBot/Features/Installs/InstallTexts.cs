using GrowthBot.Resources;
using GrowthBot.Slack.OAuth;

namespace GrowthBot.Features.Installs;

/// <summary>The install pages in one of GrowthBot's languages, from <c>Resources/Install.resx</c>.</summary>
public sealed class InstallTexts(Wording wording) : IInstallTexts
{
    public string Lang => wording.Language.Code;

    public string AddButton => wording.Text(InstallText.AddButton);
    public string NextSteps => wording.Text(InstallText.NextSteps);
    public string StartAgain => wording.Text(InstallText.StartAgain);
    public string NotCompletedTitle => wording.Text(InstallText.NotCompletedTitle);
    public string CancelledTitle => wording.Text(InstallText.CancelledTitle);
    public string LinkInvalidTitle => wording.Text(InstallText.LinkInvalidTitle);
    public string OneWorkspaceTitle => wording.Text(InstallText.OneWorkspaceTitle);
    public string NotSavedTitle => wording.Text(InstallText.NotSavedTitle);
    public string SlackDownTitle => wording.Text(InstallText.SlackDownTitle);
    public string NotDistributedTitle => wording.Text(InstallText.NotDistributedTitle);
    public string NotAvailableTitle => wording.Text(InstallText.NotAvailableTitle);
    public string LinkUsed => wording.Text(InstallText.LinkUsed);
    public string LinkUnchecked => wording.Text(InstallText.LinkUnchecked);
    public string NoCode => wording.Text(InstallText.NoCode);
    public string NoBotToken => wording.Text(InstallText.NoBotToken);
    public string NotSaved => wording.Text(InstallText.NotSaved);
    public string SlackDown => wording.Text(InstallText.SlackDown);
    public string NotDistributed => wording.Text(InstallText.NotDistributed);
    public string StartAgainWhenever => wording.Text(InstallText.StartAgainWhenever);
    public string PleaseStartAgain => wording.Text(InstallText.PleaseStartAgain);
    public string StartAgainFromThisBrowser => wording.Text(InstallText.StartAgainFromThisBrowser);
    public string ChooseOneWorkspace => wording.Text(InstallText.ChooseOneWorkspace);
    public string StartAgainInAMinute => wording.Text(InstallText.StartAgainInAMinute);
    public string AskWhoeverRuns => wording.Text(InstallText.AskWhoeverRuns);

    public string AddTitle(string app) => wording.Text(InstallText.AddTitle, ("app", app));
    public string AddIntro(string app) => wording.Text(InstallText.AddIntro, ("app", app));
    public string LinkLifetime(int minutes) => wording.Plural(InstallText.LinkLifetime, minutes);
    public string InstalledTitle(string app) => wording.Text(InstallText.InstalledTitle, ("app", app));
    public string Installed(string app, string team) => wording.Text(InstallText.Installed, ("app", app), ("team", team));
    public string Open(string app) => wording.Text(InstallText.Open, ("app", app));
    public string Cancelled(string app) => wording.Text(InstallText.Cancelled, ("app", app));
    public string Declined(string error) => wording.Text(InstallText.Declined, ("error", error));
    public string LinkExpired(int minutes) => wording.Plural(InstallText.LinkExpired, minutes);
    public string Enterprise(string app) => wording.Text(InstallText.Enterprise, ("app", app));
    public string CodeRefused(string error) => wording.Text(InstallText.CodeRefused, ("error", error));
    public string Refused(string error) => wording.Text(InstallText.Refused, ("error", error));
    public string SingleWorkspace(string app) => wording.Text(InstallText.SingleWorkspace, ("app", app));
    public string CheckBotScopes(string app) => wording.Text(InstallText.CheckBotScopes, ("app", app));
    public string ActivateDistribution(string app) => wording.Text(InstallText.ActivateDistribution, ("app", app));
    public string CheckConfiguration(string app) => wording.Text(InstallText.CheckConfiguration, ("app", app));
}

/// <summary>The install pages in every language GrowthBot speaks; a browser asking for none of them reads English.</summary>
public sealed class InstallLanguages : IInstallLanguages
{
    private readonly Dictionary<Language, InstallTexts> _texts = Language.All.ToDictionary(l => l, l => new InstallTexts(Wording.For(l)));

    public IInstallTexts? Find(string languageTag) => Language.Find(languageTag) is { } language ? _texts[language] : null;

    public IInstallTexts Default => _texts[Language.English];
}
