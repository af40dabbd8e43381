namespace GrowthBot.Slack.BlockKit;

/// <summary>
/// Slack's documented Block Kit limits (docs.slack.dev block and view references). Slack answers a payload
/// breaking any of them with <c>invalid_blocks</c> and the user sees nothing: renderers cut their text to
/// these, and the tests check every payload the bot sends against all of them.
/// </summary>
public static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int SectionFieldText = 2000;
    public const int HeaderText = 150;
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int MaxOptions = 100;
    public const int Id = 255;
    public const int PrivateMetadata = 3000;
    public const int Placeholder = 150;
    public const int InputLabel = 2000;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int MessageText = 40_000;
    public const int ImageAltText = 2000;
    public const int ImageTitle = 2000;
    public const int ImageUrl = 3000;
}
