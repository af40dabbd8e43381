using System.Text.Json.Nodes;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Slack.Tests.BlockKit;

/// <summary>Block Kit types serialize to exactly the JSON Slack documents (property order aside).</summary>
public class SerializationTests
{
    private static void AssertJson(string expected, object actual)
    {
        var json = SlackJson.Serialize(actual);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(json)), $"Expected\n{expected}\nbut got\n{json}");
    }

    [Fact]
    public void A_section_with_a_button_accessory()
    {
        Block block = new SectionBlock("*Write the copy* · due Friday")
        {
            BlockId = "task_T3",
            Accessory = new Button("Done", "task_done:T3", "T3") { Style = ButtonStyle.Primary },
        };

        AssertJson("""
            {"type":"section","block_id":"task_T3",
             "text":{"type":"mrkdwn","text":"*Write the copy* · due Friday"},
             "accessory":{"type":"button","action_id":"task_done:T3","value":"T3","style":"primary",
                          "text":{"type":"plain_text","text":"Done","emoji":true}}}
            """, block);
    }

    [Fact]
    public void An_image_of_an_uploaded_file_with_alt_text_and_title_cut_to_slacks_limits()
    {
        Block block = ImageBlock.OfFile("F0CHART", new string('a', 2100), "K1 New leads") with { BlockId = "chart_1" };

        var json = JsonNode.Parse(SlackJson.Serialize(block))!;
        AssertJson($$$"""
            {"type":"image","block_id":"chart_1","alt_text":"{{{new string('a', 1999)}}}…",
             "slack_file":{"id":"F0CHART"},"title":{"type":"plain_text","text":"K1 New leads","emoji":true}}
            """, block);
        Assert.Equal(2000, json["alt_text"]!.GetValue<string>().Length);
    }

    [Fact]
    public void An_input_with_a_datepicker()
    {
        Block block = new InputBlock(new PlainText("Start date"), new DatePicker { ActionId = "value", InitialDate = "2026-11-18" })
        {
            BlockId = "start",
            Optional = true,
        };

        AssertJson("""
            {"type":"input","block_id":"start","optional":true,
             "label":{"type":"plain_text","text":"Start date","emoji":true},
             "element":{"type":"datepicker","action_id":"value","initial_date":"2026-11-18"}}
            """, block);
    }

    [Fact]
    public void A_modal_view()
    {
        View view = new ModalView(new PlainText("New experiment"), [new DividerBlock()])
        {
            CallbackId = "experiment_new",
            PrivateMetadata = """{"channel":"C1"}""",
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
        };

        AssertJson("""
            {"type":"modal","callback_id":"experiment_new","private_metadata":"{\"channel\":\"C1\"}",
             "title":{"type":"plain_text","text":"New experiment","emoji":true},
             "submit":{"type":"plain_text","text":"Save","emoji":true},
             "close":{"type":"plain_text","text":"Cancel","emoji":true},
             "blocks":[{"type":"divider"}]}
            """, view);
    }

    [Fact]
    public void Number_input_bounds_are_strings()
    {
        BlockElement element = new NumberInput(IsDecimalAllowed: false) { ActionId = "value", MinValue = "1", MaxValue = "10", InitialValue = "5" };

        AssertJson("""
            {"type":"number_input","action_id":"value","is_decimal_allowed":false,"min_value":"1","max_value":"10","initial_value":"5"}
            """, element);
    }

    [Fact]
    public void A_home_view_and_a_static_select_with_options()
    {
        View view = new HomeView([new ActionsBlock([new StaticSelect
        {
            ActionId = "pick",
            Placeholder = "Choose",
            Options = [Option.Of("One", "1")],
        }])]);

        AssertJson("""
            {"type":"home","blocks":[{"type":"actions","elements":[{"type":"static_select","action_id":"pick",
              "placeholder":{"type":"plain_text","text":"Choose","emoji":true},
              "options":[{"text":{"type":"plain_text","text":"One","emoji":true},"value":"1"}]}]}]}
            """, view);
    }

    [Fact]
    public void Text_objects_read_back_as_what_they_were()
    {
        var mrkdwn = SlackJson.Deserialize<TextObject>("""{"type":"mrkdwn","text":"*b*","verbatim":true}""");
        var plain = SlackJson.Deserialize<TextObject>("""{"type":"plain_text","text":"p"}""");

        Assert.Equal(new Mrkdwn("*b*") { Verbatim = true }, mrkdwn);
        Assert.Equal(new PlainText("p") { Emoji = null }, plain);
    }
}
