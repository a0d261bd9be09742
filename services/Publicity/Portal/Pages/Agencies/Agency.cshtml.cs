using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Publicity.Agencies;
using Longshan.Publicity.Inspections;
using Longshan.Publicity.MajorDecisions;
using Longshan.Publicity.PowerList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Agencies;

/// <summary>One enforcement body: what it is, where to challenge its decisions, its powers and inspections.</summary>
public sealed class AgencyModel(
    ReadSession reads, AgencyStore agencies, EntrustmentStore entrustments, PowerItemStore powerItems, InspectionItemStore inspectionItems, DrawStore draws, DrawRoundStore rounds,
    Longshan.Publicity.Officers.OfficerStore officerStore, MajorDecisionCatalogStore catalogs, TimeProvider time) : PageModel
{
    public Agency Agency { get; private set; } = new();

    /// <summary>The agency's power list (items in force), one page.</summary>
    public IReadOnlyList<PowerItem> Items { get; private set; } = [];

    public string? NextItemsPage { get; private set; }

    /// <summary>双随机、一公开: the agency's random-inspection items and its latest draws.</summary>
    public IReadOnlyList<InspectionItem> InspectionItems { get; private set; } = [];

    public IReadOnlyList<InspectionDraw> Draws { get; private set; } = [];

    /// <summary>执法人员公示: the agency's officers (name, certificate number, areas, status today; first 200).</summary>
    public IReadOnlyList<PublicOfficer> Officers { get; private set; } = [];

    /// <summary>抽查批次: pools frozen and published before their draws.</summary>
    public IReadOnlyList<DrawRound> Rounds { get; private set; } = [];

    /// <summary>重大执法决定目录清单 in force for the agency (county base, then its extension); empty until one is published.</summary>
    public IReadOnlyList<CatalogEntry> CatalogEntries { get; private set; } = [];

    /// <summary>The county base catalog and the agency's extension as published (null: none yet).</summary>
    public PublishedCatalog? CountyCatalog { get; private set; }

    public PublishedCatalog? AgencyCatalog { get; private set; }

    /// <summary>For an entrusted organisation: whether the entrustment shown is in force today.</summary>
    public bool EntrustmentInForce { get; private set; }

    [BindProperty(SupportsGet = true, Name = "items")]
    public string? ItemsPage { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        code = UnifiedSocialCreditCode.Normalize(code);
        if (!UnifiedSocialCreditCode.IsValid(code)) return NotFound();
        var session = await reads.GetAsync(cancellationToken);
        var agency = await agencies.FindAsync(session, code);
        if (agency is null) return NotFound();
        Agency = agency;
        var today = Longshan.Platform.Calendar.CountyTime.Today(time);
        // 《行政处罚法》第二十条: an entrusted organisation shows in whose name it acts, within which scope and until when.
        if (agency.Kind == AgencyKind.EntrustedOrganisation)
            (Agency.Entrustment, EntrustmentInForce) = await EntrustmentOfAsync(session, code, today);
        var paging = PowerItemStore.ReadPage(new FieldViolations(), Paging.MaxSize, ItemsPage);
        var items = await powerItems.ListCurrentAsync(session, code, category: null, paging);
        (Items, NextItemsPage) = (items.Items, items.NextToken);
        InspectionItems = (await inspectionItems.PageAsync(session, code, long.MaxValue, 100)).Select(i => i.Value).ToList();
        Draws = (await draws.PageAsync(session, code, long.MaxValue, 50)).Select(d => d.Value).ToList();
        Rounds = (await rounds.PageAsync(session, code, long.MaxValue, 50)).Select(r => r.Value).ToList();
        Officers = (await officerStore.PageAsync(session, code, "", Paging.MaxSize)).Select(o => Longshan.Publicity.Officers.PublicOfficers.Of(o, today)).ToList();
        (CountyCatalog, AgencyCatalog) = await catalogs.InForceAsync(session, code);
        CatalogEntries = CatalogInForce.Entries(CountyCatalog, AgencyCatalog);
        return Page();
    }

    async Task<(Entrustment?, bool)> EntrustmentOfAsync(DbSession session, string code, DateOnly today)
    {
        var versions = await entrustments.VersionsAsync(session, code);
        var inForce = Entrustments.InForce(versions, today);
        return (inForce ?? Entrustments.Shown(versions, today), inForce is not null);
    }
}
