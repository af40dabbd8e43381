using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Features.Common;

[NoDatabase]
public class ModalsTests
{
    [Fact]
    public void An_inline_error_reads_as_plain_text_with_ids_kept_and_user_text_as_typed()
    {
        var refusal = $":lock: `T3` is *someone else's* task: only its owner {MrkdwnText.User("U0ALICE")} or a growth lead ({MrkdwnText.User("U0LEAD")}) " +
                      $"can change {MrkdwnText.Escape("Q&A <draft>")}.";

        Assert.Equal("T3 is someone else's task: only its owner U0ALICE or a growth lead (U0LEAD) can change Q&A <draft>.", Modals.InlineError(refusal));
    }

    [Fact]
    public void Every_input_answers_to_the_one_action_id_its_values_are_read_by()
    {
        var input = Modals.Input("owner", "Owner", new UsersSelect { ActionId = "something_else" });

        Assert.Equal(ViewValues.Action, input.Element.ActionId);
        Assert.Equal("owner", input.BlockId);
    }
}
