using GrowthBot.Domain.Common;
using GrowthBot.Domain.Okrs;

namespace GrowthBot.Domain.Tests.Okrs;

public class OkrDraftTests
{
    private static readonly KeyResultFields Empty = new(null, null, null, null, null);

    private static OkrDraft Draft(params KeyResultFields[] keyResults) =>
        new("100 new leads", "Q4 2026", [.. keyResults, .. Enumerable.Repeat(Empty, 5 - keyResults.Length)], new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));

    [Fact]
    public void A_valid_draft_gives_its_filled_key_results_and_skips_empty_ones()
    {
        var (errors, keyResults) = Draft(
            new KeyResultFields("New leads", "0", "100", "new leads", "U1"),
            Empty,
            new KeyResultFields("Churn", "8,5", "5", "%", "U2")).Validate();

        Assert.True(errors.IsValid, string.Join("; ", errors.ByField));
        Assert.Equal([("New leads", 0m, 100m), ("Churn", 8.5m, 5m)], keyResults.Select(k => (k.Name, k.Baseline, k.Target)));
    }

    [Fact]
    public void Bad_numbers_equal_target_and_partly_filled_key_results_are_reported_on_their_field()
    {
        var (errors, keyResults) = new OkrDraft(" ", null,
        [
            new KeyResultFields("Leads", "ten", "100", null, "U1"),
            new KeyResultFields("Deals", "5", "5", null, "U1"),
            new KeyResultFields(null, "1", "2", null, "U1"),
            new KeyResultFields("Retention", "1", "2", null, null),
            new KeyResultFields(null, null, null, null, "U9"),   // only an owner picked: treated as empty
        ]).Validate();

        Assert.Empty(keyResults);
        // The period's name may be left empty (it is made from its dates); its first and last day may not.
        Assert.Equal(["kr1_baseline", "kr2_target", "kr3_name", "kr4_owner", "objective", "period_end", "period_start"], errors.ByField.Keys.Order());
        Assert.Equal((ProblemCode.OkrNumberNotANumber, "ten"), (errors.ByField["kr1_baseline"].Code, errors.ByField["kr1_baseline"].Arg("typed")));
        Assert.Equal((ProblemCode.TargetEqualsBaseline, 5m), (errors.ByField["kr2_target"].Code, errors.ByField["kr2_target"].Arg("baseline")));
        Assert.Equal(ProblemCode.KeyResultNameMissing, errors.ByField["kr3_name"].Code);
    }

    [Fact]
    public void The_first_key_result_is_required()
    {
        var (errors, _) = Draft().Validate();

        Assert.Equal(["kr1_baseline", "kr1_name", "kr1_owner", "kr1_target"], errors.ByField.Keys.Order());
    }

    [Fact]
    public void A_check_in_needs_a_key_result_a_number_and_a_confidence()
    {
        var (errors, _) = new CheckInDraft(null, "lots", null, new string('n', 501)).Validate();
        Assert.Equal(["confidence", "key_result", "new_value", "note"], errors.ByField.Keys.Order());

        var (ok, value) = new CheckInDraft(1, "31,5", KrConfidence.AtRisk, null).Validate();
        Assert.True(ok.IsValid);
        Assert.Equal(31.5m, value);
    }
}
