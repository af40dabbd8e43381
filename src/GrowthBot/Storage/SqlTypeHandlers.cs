using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace GrowthBot.Storage;

/// <summary>
/// How dates and instants are stored, the one place that differs by database for them. SQLite: text, dates as
/// <c>yyyy-MM-dd</c>, instants in UTC as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF+00:00</c> (to the 100 ns tick), so text order is
/// time order. PostgreSQL: <c>date</c> and <c>timestamptz</c> (to the microsecond, its precision). Either way an instant
/// reads back as the same instant, in UTC, whatever offset it was written with (a week starting at midnight in
/// Helsinki is 22:00 UTC the day before).
/// </summary>
internal static class SqlTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // Dapper hands the types it maps itself straight to the provider and calls a handler only for reading; without
        // these removals Npgsql refused an instant with an offset, and SQLite kept the offset in the text it compares.
        foreach (var type in new[] { typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(DateOnly), typeof(DateOnly?) })
            SqlMapper.RemoveTypeMap(type);
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    /// <summary>
    /// An instant as SQLite keeps it: the UTC text Microsoft.Data.Sqlite wrote for GrowthBot's instants before this
    /// handler existed, so rows written before and after compare alike.
    /// </summary>
    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString(InstantText, CultureInfo.InvariantCulture);

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private const string InstantText = "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz";

    /// <summary>A date column as a store's own row reader reads it (a hand-written reader maps the hottest rows, see ExperimentStore).</summary>
    public static DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string) ? ParseDate(reader.GetString(ordinal)) : DateOnlyHandler.ParseValue(reader.GetValue(ordinal));

    /// <summary>An instant column, read as <see cref="DateTimeOffsetHandler"/> reads it.</summary>
    public static DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string) ? ParseInstant(reader.GetString(ordinal)) : DateTimeOffsetHandler.ParseValue(reader.GetValue(ordinal));

    public static DateTimeOffset? ReadInstantOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : ReadInstant(reader, ordinal);

    private static DateOnly ParseDate(string text) =>
        text.Length == 10 && ParseDateOrNull(text) is { } date ? date : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// What <see cref="Format(DateTimeOffset)"/> writes (<c>2026-11-16 09:00:00.1234567+00:00</c>) is read field by field,
    /// which the profile showed to matter (the general format parser was a tenth of a report build); anything else
    /// the way the handler reads it.
    /// </summary>
    private static DateTimeOffset ParseInstant(string text)
    {
        // yyyy-MM-dd HH:mm:ss, then .F to .FFFFFFF when not zero, then +00:00.
        if (text.Length is >= 25 and <= 33 && text.EndsWith("+00:00", StringComparison.Ordinal) && text[10] == ' ' && text[13] == ':' && text[16] == ':')
        {
            var date = ParseDateOrNull(text);
            var hour = Digits(text, 11, 2);
            var minute = Digits(text, 14, 2);
            var second = Digits(text, 17, 2);
            var end = text.Length - 6;
            long ticks = 0;
            var fractionOk = end == 19 || (text[19] == '.' && end - 20 is >= 1 and <= 7);
            if (fractionOk && end > 19)
            {
                var digits = Digits(text, 20, end - 20);
                fractionOk = digits >= 0;
                ticks = digits;
                for (var i = end - 20; i < 7; i++) ticks *= 10;
            }
            if (date is { } day && hour is >= 0 and < 24 && minute is >= 0 and < 60 && second is >= 0 and < 60 && fractionOk)
                return new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute, second)).AddTicks(ticks), TimeSpan.Zero);
        }
        return DateTimeOffsetHandler.ParseText(text);
    }

    private static DateOnly? ParseDateOrNull(string text) =>
        Digits(text, 0, 4) is var y and > 0 && text[4] == '-' && Digits(text, 5, 2) is var m and >= 1 and <= 12 && text[7] == '-' && Digits(text, 8, 2) is var d and >= 1
        && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    /// <summary>The number written by <paramref name="length"/> ASCII digits at <paramref name="start"/>; -1 when one is not a digit.</summary>
    private static int Digits(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9) return -1;
            value = value * 10 + digit;
        }
        return value;
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is NpgsqlParameter postgres)
            {
                postgres.NpgsqlDbType = NpgsqlDbType.Date;
                postgres.Value = value;
                return;
            }
            parameter.DbType = DbType.String;
            parameter.Value = Format(value);
        }

        public override DateOnly Parse(object value) => ParseValue(value);

        public static DateOnly ParseValue(object value) => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            _ => ParseDate((string)value),
        };
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        private static readonly string[] ExactFormats = [InstantText, "O"];

        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is NpgsqlParameter postgres)
            {
                // Npgsql writes timestamptz only from UTC values, so an offset never silently shifts an instant.
                postgres.NpgsqlDbType = NpgsqlDbType.TimestampTz;
                postgres.Value = value.ToUniversalTime();
                return;
            }
            parameter.DbType = DbType.String;
            parameter.Value = Format(value);
        }

        // Every read of an experiment parses three instants; an exact format has a fast path, the general parser was
        // the largest cost of reading ten team-years (see the benchmark's build breakdown). What this handler writes is
        // read exactly; the round-trip format ("O", which the benchmark's seeder writes) too; anything else the general way.
        public override DateTimeOffset Parse(object value) => ParseValue(value);

        public static DateTimeOffset ParseValue(object value) => value switch
        {
            // Npgsql reads timestamptz as a UTC DateTime.
            DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            DateTimeOffset instant => instant.ToUniversalTime(),
            _ => ParseInstant((string)value),
        };

        public static DateTimeOffset ParseText(string value) =>
            DateTimeOffset.TryParseExact(value, ExactFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var exact)
                ? exact
                : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }
}
