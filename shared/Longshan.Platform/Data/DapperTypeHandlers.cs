using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Longshan.Platform.Data;

/// <summary>
/// SQLite has no date or uuid types: instants are stored as ISO-8601 text in UTC, dates as yyyy-MM-dd, ids as text.
/// SQL Server gets its native types. Registered once at start-up.
/// </summary>
public static class DapperTypeHandlers
{
    static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new DateHandler());
        SqlMapper.AddTypeHandler(new GuidHandler());
    }

    sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter) parameter.Value = value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'");
            else { parameter.DbType = DbType.DateTimeOffset; parameter.Value = value; }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset d => d,
            DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
            string s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as an instant."),
        };
    }

    sealed class DateHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter) parameter.Value = value.ToString("yyyy-MM-dd");
            else { parameter.DbType = DbType.Date; parameter.Value = value.ToDateTime(TimeOnly.MinValue); }
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime d => DateOnly.FromDateTime(d),
            string s => DateOnly.ParseExact(s, "yyyy-MM-dd"),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as a date."),
        };
    }

    sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter) parameter.Value = value.ToString("D");
            else { parameter.DbType = DbType.Guid; parameter.Value = value; }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            byte[] b => new Guid(b),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as a uuid."),
        };
    }
}
