using GrowthBot.Domain.Export;

namespace GrowthBot.Domain.Tests.Export;

public class CsvTests
{
    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted_and_quotes_doubled()
    {
        var csv = Csv.Write(["id", "text"],
        [
            ["T1", "plain"],
            ["T2", "a, b"],
            ["T3", "she said \"go\""],
            ["T4", "line one\nline two"],
            ["T5", "cr\rhere"],
            ["T6", null],
        ]);

        Assert.Equal(
            "id,text\r\nT1,plain\r\nT2,\"a, b\"\r\nT3,\"she said \"\"go\"\"\"\r\nT4,\"line one\nline two\"\r\nT5,\"cr\rhere\"\r\nT6,\r\n",
            csv);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_a_bug_not_a_file()
    {
        Assert.Throws<ArgumentException>(() => Csv.Write(["a", "b"], [["only one"]]));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-5 leads", "'-5 leads")]
    [InlineData("@alice", "'@alice")]
    [InlineData("fine = ok", "fine = ok")]
    [InlineData(null, "")]
    public void Typed_text_that_a_spreadsheet_would_run_as_a_formula_is_defused(string? text, string expected) =>
        Assert.Equal(expected, Csv.Text(text));
}
