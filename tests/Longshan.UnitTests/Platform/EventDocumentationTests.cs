using Longshan.Contracts.Events;

namespace Longshan.UnitTests.Platform;

/// <summary>Subscribers in other languages read EVENTS.md, so every event must be documented there.</summary>
public sealed class EventDocumentationTests
{
    static readonly string Document = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "EVENTS.md"));

    public static TheoryData<string> Events => new(EventCatalog.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_event_is_documented_with_its_exchange(string eventName)
    {
        var contract = EventCatalog.ContractOf(EventCatalog.All.Single(t => t.Name == eventName));
        Assert.Contains($"### {contract.Type}", Document);
        Assert.Contains($"`{contract.Exchange}`", Document);
    }

    [Fact]
    public void Exchange_names_follow_the_convention()
    {
        foreach (var type in EventCatalog.All)
            Assert.Matches(@"^longshan\.[a-z]+\.[a-z]+(-[a-z]+)*\.v[0-9]+$", EventCatalog.ContractOf(type).Exchange);
    }
}
