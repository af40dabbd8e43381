using System.Data;
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

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            _ => DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
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
        public override DateTimeOffset Parse(object value) => value switch
        {
            // Npgsql reads timestamptz as a UTC DateTime.
            DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            DateTimeOffset instant => instant.ToUniversalTime(),
            _ => DateTimeOffset.TryParseExact((string)value, ExactFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var exact)
                ? exact
                : DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        };
    }
}
