using System.Text;

namespace GrowthBot.Domain.Export;

/// <summary>
/// Writes CSV by RFC 4180: fields holding a comma, a double quote, CR or LF are quoted, quotes inside are
/// doubled, and records end with CRLF. The header is the first record.
/// </summary>
public static class Csv
{
    public const string LineEnd = "\r\n";

    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var builder = new StringBuilder();
        AppendRecord(builder, header);
        foreach (var row in rows)
        {
            if (row.Count != header.Count) throw new ArgumentException($"A row has {row.Count} fields; the header has {header.Count}.", nameof(rows));
            AppendRecord(builder, row);
        }
        return builder.ToString();
    }

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>
    /// Text people typed, made safe to open in a spreadsheet: a leading =, +, -, @, tab or CR would make
    /// Excel or Sheets run it as a formula (CSV injection), so such text gets a leading apostrophe, which
    /// spreadsheets show as plain text. Numbers and dates we write ourselves are left alone.
    /// </summary>
    public static string Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";

    private static void AppendRecord(StringBuilder builder, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) builder.Append(',');
            builder.Append(Field(fields[i]));
        }
        builder.Append(LineEnd);
    }
}
