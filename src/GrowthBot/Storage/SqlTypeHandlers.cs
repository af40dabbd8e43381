using System.Data;
using System.Globalization;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace GrowthBot.Storage;

/// <summary>
/// How dates and instants are stored, the one place that differs by database for them. SQLite: ISO-8601 text that
/// sorts and reads well in the sqlite3 shell (instants in UTC, to the 100 ns tick). PostgreSQL: <c>date</c> and
/// <c>timestamptz</c> (to the microsecond, its precision: the seventh fractional digit of a tick is dropped). Either
/// way an instant reads back as the same instant, in UTC, whatever offset it was written with.
/// </summary>
internal static class SqlTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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

        // Every read of an experiment parses three instants; the exact round-trip format ("O", what Format
        // writes) has a fast path, the general parser was the largest cost of reading ten team-years
        // (see the benchmark's build breakdown). Anything else stored is still read the general way.
        public override DateTimeOffset Parse(object value) => value switch
        {
            // Npgsql reads timestamptz as a UTC DateTime.
            DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            DateTimeOffset instant => instant.ToUniversalTime(),
            _ => DateTimeOffset.TryParseExact((string)value, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var exact)
                ? exact
                : DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        };
    }
}
