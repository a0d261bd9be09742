namespace Longshan.Statistics.Journal;

/// <summary>
/// 事件日志 — the full event journal: one consumer per event type of <see cref="JournalTable"/>, each journalling and
/// projecting in one transaction, and the sequencer that gives journalled events their global cursor.
/// </summary>
public static class JournalFeature
{
    public static WebApplicationBuilder AddJournal(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("Journal").Get<JournalOptions>() ?? new JournalOptions());
        builder.Services.AddSingleton<JournalHead>();
        builder.Services.AddSingleton<JournalSequencer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JournalSequencer>());
        foreach (var entry in JournalTable.Entries) entry.Register(builder);
        return builder;
    }
}
