namespace GrowthBot.Resources;

/// <summary>What <c>/growth language</c> and the settings' language field say (<c>Resources/Language.resx</c>).</summary>
[Texts("Language")]
public enum LanguageText
{
    Current,
    WhyChosen,
    WhySlack,
    WhyTeam,
    Chosen,
    FollowsTeam,
    Unknown,
    SettingsField,
    SettingsHint,
}
