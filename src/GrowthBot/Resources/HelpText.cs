namespace GrowthBot.Resources;

/// <summary>What help says (<c>Resources/Help.resx</c>): each command's usage, the short help, the words that ask for help.</summary>
[Texts("Help")]
public enum HelpText
{
    Short,
    UnknownCommand,
    UnknownSubcommand,
    HowToAskMention,
    HowToAskDm,
    HelpWords,
    UsageExperiment,
    UsageTask,
    UsageLearning,
    UsageOkr,
    UsageGrowth,
}
