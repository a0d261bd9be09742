using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Longshan.Platform.Data;

/// <summary>
/// SQLite's kept write connection, which compiles each SQL text once. Microsoft.Data.Sqlite keeps a compiled statement
/// only as long as its <see cref="SqliteCommand"/>, and Dapper makes a new command for every call, so every write
/// compiled its dozen statements again: a profile of the write path had SQLite's parser and planner at about half of
/// SQLite's time (dotnet/efcore#14044). Here <see cref="DbConnection.CreateCommand"/> hands out a wrapper whose
/// <see cref="DbCommand.CommandText"/> picks the cached command for that text, and whose dispose returns it.
/// Only the write queue's one long-lived connection uses this: a pooled connection's close would drop the statements.
/// </summary>
sealed class CachedStatementConnection(SqliteConnection inner) : DbConnection
{
    /// <summary>More distinct texts than this (a list expanded into <c>IN (...)</c> makes one per length) clears the cache.</summary>
    const int MaxStatements = 256;

    readonly Dictionary<string, SqliteCommand> idle = new(StringComparer.Ordinal);

    /// <summary>Compiled statements waiting for their next use (tests see the cache through it).</summary>
    internal int CachedStatementCount => idle.Count;

    /// <summary>The cached command for <paramref name="sql"/>, or a new one while that one is in use (an open reader).</summary>
    internal SqliteCommand Take(string sql)
    {
        if (idle.Remove(sql, out var command))
        {
            command.Parameters.Clear();
            return command;
        }

        if (idle.Count >= MaxStatements) ClearCache();
        command = inner.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    internal void Return(SqliteCommand command)
    {
        command.Transaction = null;
        if (!idle.TryAdd(command.CommandText, command)) command.Dispose();
    }

    void ClearCache()
    {
        foreach (var command in idle.Values) command.Dispose();
        idle.Clear();
    }

    protected override DbCommand CreateDbCommand() => new CachedCommand(this);

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => inner.BeginTransaction(isolationLevel);

    [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => throw new NotSupportedException("The kept write connection's connection string is fixed.");
    }

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

    public override void Open() => inner.Open();

    public override void Close() => inner.Close();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ClearCache();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A command as Dapper sees it; its SQL text selects the compiled statement it runs.</summary>
    sealed class CachedCommand(CachedStatementConnection connection) : DbCommand
    {
        SqliteCommand? command;
        SqliteTransaction? transaction;

        SqliteCommand Command => command ?? throw new InvalidOperationException("Set CommandText first.");

        [AllowNull]
        public override string CommandText
        {
            get => command?.CommandText ?? "";
            set
            {
                if (command is not null) connection.Return(command);
                command = connection.Take(value ?? "");
                command.Transaction = transaction;
            }
        }

        /// <summary>The cached command's own (SQLite's busy timeout); Dapper sets it, when asked to, after the text.</summary>
        public override int CommandTimeout
        {
            get => Command.CommandTimeout;
            set => Command.CommandTimeout = value;
        }

        public override CommandType CommandType
        {
            get => CommandType.Text;
            set
            {
                if (value != CommandType.Text) throw new NotSupportedException("SQLite runs text commands only.");
            }
        }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        public override bool DesignTimeVisible { get; set; }

        protected override DbConnection? DbConnection
        {
            get => connection;
            set => throw new NotSupportedException("A cached command stays on its connection.");
        }

        protected override DbParameterCollection DbParameterCollection => Command.Parameters;

        protected override DbTransaction? DbTransaction
        {
            get => transaction;
            set
            {
                transaction = (SqliteTransaction?)value;
                if (command is not null) command.Transaction = transaction;
            }
        }

        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        public override void Cancel() => command?.Cancel();

        public override void Prepare() => Command.Prepare();

        public override int ExecuteNonQuery() => Command.ExecuteNonQuery();

        public override object? ExecuteScalar() => Command.ExecuteScalar();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Command.ExecuteReader(behavior);

        public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => Command.ExecuteNonQueryAsync(cancellationToken);

        public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => Command.ExecuteScalarAsync(cancellationToken);

        protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
            await Command.ExecuteReaderAsync(behavior, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing && command is not null)
            {
                connection.Return(command);
                command = null;
            }

            base.Dispose(disposing);
        }
    }
}
