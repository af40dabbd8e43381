using System.Text.Json.Nodes;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Testing;

namespace GrowthBot.Slack.Tests.BlockKit;

public class BlockKitCheckerTests
{
    private static InputBlock NameInput(string blockId = "name") =>
        new(new PlainText("Name"), new PlainTextInput { ActionId = "value", MaxLength = 100 }) { BlockId = blockId };

    private static ModalView ValidModal(IReadOnlyList<Block>? blocks = null) =>
        new(new PlainText("New experiment"), blocks ??
        [
            new HeaderBlock("Log an idea"),
            new SectionBlock("*Hypothesis* first") { Accessory = new Button("Help", "help") },
            NameInput(),
            new InputBlock(new PlainText("Stage"), new StaticSelect { ActionId = "value", Options = [Option.Of("Acquisition", "Acquisition")] }) { BlockId = "stage" },
            new InputBlock(new PlainText("Impact"), new NumberInput(false) { ActionId = "value", MinValue = "1", MaxValue = "10" }) { BlockId = "impact" },
            new InputBlock(new PlainText("Start"), new DatePicker { ActionId = "value", InitialDate = "2026-11-18" }) { BlockId = "start" },
            new InputBlock(new PlainText("Owner"), new UsersSelect { ActionId = "value", InitialUser = "U1" }) { BlockId = "owner" },
            new ContextBlock("ICE = (I + C + E) ÷ 3"),
        ])
        { CallbackId = "experiment_new", Submit = new PlainText("Save"), Close = new PlainText("Cancel"), PrivateMetadata = "{}" };

    private static void AssertReported(IReadOnlyList<string> errors, string path, string words)
    {
        Assert.True(errors.Any(e => e.StartsWith(path + ":", StringComparison.Ordinal) && e.Contains(words, StringComparison.Ordinal)),
            $"Expected an error at {path} saying '{words}', got:\n{string.Join("\n", errors)}");
    }

    private static JsonNode Json(object value) => JsonNode.Parse(SlackJson.Serialize(value))!;

    [Fact]
    public void A_valid_modal_passes()
    {
        Assert.Empty(BlockKitChecker.CheckView(ValidModal()));
    }

    [Fact]
    public void A_valid_message_passes()
    {
        Assert.Empty(BlockKitChecker.CheckMessage(new Message("fallback", [new HeaderBlock("Experiments"), new SectionBlock("one"), new DividerBlock()])));
    }

    [Fact]
    public void An_image_needs_alt_text_within_2000_characters_and_exactly_one_source()
    {
        Assert.Empty(BlockKitChecker.CheckMessage(new Message("chart", [ImageBlock.OfFile("F1", "26 of 100 leads")])));

        var errors = BlockKitChecker.CheckMessage(new Message("chart",
        [
            new ImageBlock("") { SlackFile = new SlackFileObject("F1") },
            new ImageBlock(new string('a', 2001)) { SlackFile = new SlackFileObject("F1") },
            new ImageBlock("both") { SlackFile = new SlackFileObject("F1"), ImageUrl = "https://example.com/a.png" },
            new ImageBlock("neither"),
            new ImageBlock("id and url") { SlackFile = new SlackFileObject("F1", "https://files.slack.com/x.png") },
        ]));

        Assert.Equal(["/blocks/0/alt_text: required", "/blocks/1/alt_text: 2001 chars, at most 2000",
            "/blocks/2: an image needs exactly one of image_url and slack_file", "/blocks/3: an image needs exactly one of image_url and slack_file",
            "/blocks/4/slack_file: needs exactly one of id and url"], errors);
    }

    [Fact]
    public void A_modal_title_of_25_characters_is_too_long()
    {
        var errors = BlockKitChecker.CheckView(ValidModal() with { Title = new PlainText(new string('t', 25)) });

        AssertReported(errors, "/title/text", "25 chars, at most 24");
    }

    [Fact]
    public void A_message_of_51_blocks_is_too_long()
    {
        var errors = BlockKitChecker.CheckMessage(new Message("many", Enumerable.Range(0, 51).Select(i => (Block)new SectionBlock($"line {i}")).ToList()));

        AssertReported(errors, "/blocks", "51 blocks, at most 50");
    }

    [Fact]
    public void A_message_of_50_blocks_passes()
    {
        Assert.Empty(BlockKitChecker.CheckMessage(new Message("many", Enumerable.Range(0, 50).Select(i => (Block)new SectionBlock($"line {i}")).ToList())));
    }

    [Fact]
    public void A_view_of_101_blocks_is_too_long()
    {
        var errors = BlockKitChecker.CheckView(new HomeView(Enumerable.Range(0, 101).Select(i => (Block)new DividerBlock()).ToList()));

        AssertReported(errors, "/blocks", "101 blocks, at most 100");
    }

    [Fact]
    public void Section_text_of_3001_characters_is_too_long()
    {
        var errors = BlockKitChecker.CheckMessage(new Message("x", [new SectionBlock(new string('x', 3001))]));

        AssertReported(errors, "/blocks/0/text/text", "3001 chars, at most 3000");
    }

    [Fact]
    public void A_header_of_151_characters_is_too_long()
    {
        var errors = BlockKitChecker.CheckMessage(new Message("x", [new HeaderBlock(new string('h', 151))]));

        AssertReported(errors, "/blocks/0/text/text", "151 chars, at most 150");
    }

    [Fact]
    public void Button_text_of_76_characters_is_too_long()
    {
        var errors = BlockKitChecker.CheckMessage(new Message("x", [new ActionsBlock([new Button(new string('b', 76), "go")])]));

        AssertReported(errors, "/blocks/0/elements/0/text/text", "76 chars, at most 75");
    }

    [Fact]
    public void Option_text_of_76_characters_is_too_long()
    {
        var select = new StaticSelect { ActionId = "value", Options = [Option.Of(new string('o', 76), "v")] };
        var errors = BlockKitChecker.CheckView(ValidModal([new InputBlock(new PlainText("Pick"), select) { BlockId = "pick" }]));

        AssertReported(errors, "/blocks/0/element/options/0/text/text", "76 chars, at most 75");
    }

    [Fact]
    public void More_than_100_options_are_too_many()
    {
        var select = new StaticSelect { ActionId = "value", Options = Enumerable.Range(0, 101).Select(i => Option.Of($"o{i}", $"v{i}")).ToList() };
        var errors = BlockKitChecker.CheckView(ValidModal([new InputBlock(new PlainText("Pick"), select) { BlockId = "pick" }]));

        AssertReported(errors, "/blocks/0/element/options", "101 options, must be 1–100");
    }

    [Fact]
    public void Block_ids_must_be_unique()
    {
        var errors = BlockKitChecker.CheckView(ValidModal([NameInput("same"), NameInput("same")]));

        AssertReported(errors, "/blocks/1/block_id", "'same' is not unique");
    }

    [Fact]
    public void A_block_id_of_256_characters_is_too_long()
    {
        var errors = BlockKitChecker.CheckView(ValidModal([NameInput(new string('b', 256))]));

        AssertReported(errors, "/blocks/0/block_id", "length 256, must be 1–255");
    }

    [Fact]
    public void Private_metadata_of_3001_characters_is_too_long()
    {
        var errors = BlockKitChecker.CheckView(ValidModal() with { PrivateMetadata = new string('m', 3001) });

        AssertReported(errors, "/private_metadata", "3001 chars, at most 3000");
    }

    [Fact]
    public void A_header_in_mrkdwn_is_refused()
    {
        var message = new JsonObject { ["text"] = "x", ["blocks"] = new JsonArray(new JsonObject { ["type"] = "header", ["text"] = Json(new Mrkdwn("*Hi*")) }) };

        AssertReported(BlockKitChecker.CheckMessage(message), "/blocks/0/text/type", "must be plain_text");
    }

    [Fact]
    public void A_modal_title_in_mrkdwn_is_refused()
    {
        var view = Json((View)ValidModal());
        view["title"] = Json(new Mrkdwn("*New*"));

        AssertReported(BlockKitChecker.CheckView(view), "/title/type", "must be plain_text");
    }

    [Fact]
    public void Button_text_in_mrkdwn_is_refused()
    {
        var button = Json((BlockElement)new Button("Go", "go"));
        button["text"] = Json(new Mrkdwn("*Go*"));
        var message = new JsonObject { ["text"] = "x", ["blocks"] = new JsonArray(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(button) }) };

        AssertReported(BlockKitChecker.CheckMessage(message), "/blocks/0/elements/0/text/type", "must be plain_text");
    }

    [Fact]
    public void A_modal_with_inputs_needs_a_submit_button()
    {
        var errors = BlockKitChecker.CheckView(ValidModal() with { Submit = null });

        AssertReported(errors, "/submit", "needs a submit button");
    }

    [Fact]
    public void A_modal_without_inputs_needs_no_submit_button()
    {
        Assert.Empty(BlockKitChecker.CheckView(ValidModal([new SectionBlock("Just reading")]) with { Submit = null }));
    }

    [Fact]
    public void A_home_view_with_submit_is_refused()
    {
        var home = Json((View)new HomeView([new SectionBlock("Welcome")]));
        home["submit"] = Json(new PlainText("Save"));

        AssertReported(BlockKitChecker.CheckView(home), "/", "cannot have submit or close");
    }

    [Fact]
    public void A_message_without_text_or_blocks_is_refused()
    {
        AssertReported(BlockKitChecker.CheckMessage(new Message("")), "/text", "no_text");
    }
}
