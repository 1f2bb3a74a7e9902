import MARACCore

/// The admin's queue: referrals awaiting triage, oldest first, with the criteria each meets,
/// its risk score, children, and the flags that need a second look. Below the list, the
/// selected referral in brief and the earlier cases it may repeat.
public final class ReferralQueuePane: Pane {
    public let kind = PaneKind.referrals
    public let keyContexts: [KeyContext] = [.list, .global]
    private var rows: [TriageRow] = []
    private var revision = -1
    private var list = SelectionList()
    private var tableRegion = Region(row: 0, column: 0, height: 0, width: 0)

    public init() {}

    static let columns = [
        TableColumn("Reference", .fixed(14)), TableColumn("Received", .fixed(10)),
        TableColumn("Agency", .flexible(minimum: 10, weight: 2)), TableColumn("Victim", .flexible(minimum: 14, weight: 3)),
        TableColumn("Criteria", .fixed(11)), TableColumn("Risk", .fixed(8)), TableColumn("Ch", .fixed(2), alignRight: true),
        TableColumn("Flags", .flexible(minimum: 8, weight: 3)),
    ]

    /// Short words for the flags column; the preview below spells them out.
    static func flagText(_ flags: TriageFlags) -> String {
        let words: [(TriageFlags, String)] = [
            (.highestRisk, "highest risk"), (.possibleRepeat, "repeat?"), (.underAge, "under age"),
            (.outOfArea, "out of area"), (.agencyWithoutISP, "no ISP"), (.noCriterionYet, "no criterion"),
        ]
        return words.filter { flags.contains($0.0) }.map(\.1).joined(separator: ", ")
    }

    func refresh(_ context: PaneContext) {
        guard context.revision != revision else { return }
        let keep = list.selected >= 0 && list.selected < rows.count ? rows[list.selected].referral : nil
        rows = context.state.triageQueue()
        revision = context.revision
        list.reset(count: rows.count, keep: keep.flatMap { id in rows.firstIndex { $0.referral == id } })
    }

    public var selectedReferral: ReferralID? {
        list.selected >= 0 && list.selected < rows.count ? rows[list.selected].referral : nil
    }

    public func render(_ canvas: inout Canvas, region: Region, context: PaneContext) {
        refresh(context)
        let state = context.state
        let title = rows.isEmpty ? "No referrals awaiting triage." : "\(rows.count) referral\(rows.count == 1 ? "" : "s") awaiting triage, oldest first"
        canvas.put(title, in: region, row: 0, role: .title)
        let previewHeight = min(8, max(0, region.height / 3))
        tableRegion = region.dropping(top: 1).dropping(bottom: previewHeight)
        TableRenderer.draw(&canvas, region: tableRegion, columns: Self.columns, list: &list) { i, column in
            let row = rows[i]
            guard let r = state.referral(row.referral) else { return ("", .normal) }
            switch column {
            case 0: return (r.details.reference, .normal)
            case 1: return (r.details.receivedOn.british, .normal)
            case 2: return (Describe.agencyName(r.details.agency, in: state), row.flags.contains(.agencyWithoutISP) ? .warning : .normal)
            case 3: return (r.details.victim.name, .normal)
            case 4: return (row.criteria.short, row.criteria.isEmpty ? .warning : .normal)
            case 5: return (Describe.risk(r.details, in: state), row.flags.contains(.highestRisk) ? .danger : .normal)
            case 6: return ("\(r.details.childrenInHousehold)", .normal)
            default: return (Self.flagText(row.flags), row.flags.isEmpty ? .normal : .warning)
            }
        }
        guard previewHeight > 2, let id = selectedReferral, let r = state.referral(id) else { return }
        let preview = region.dropping(top: region.height - previewHeight)
        canvas.horizontalRule(in: preview, row: 0)
        var lines: [(String, StyleRole)] = []
        let d = r.details
        let perpetrator = d.perpetrators.first.map { "\($0.person.name) (\($0.relationship.label))" } ?? "none named"
        lines.append(("\(d.victim.name), \(Describe.age(d.victim, on: d.receivedOn)) · perpetrator \(perpetrator) · referred by \(Describe.agencyName(d.agency, in: state))", .normal))
        for line in wrap(d.summary.isEmpty ? "No incident summary." : d.summary, width: preview.width - 2).prefix(2) {
            lines.append((line, .dim))
        }
        let candidates = state.repeatCandidates(for: d, excluding: id)
        if candidates.isEmpty {
            lines.append(("No earlier cases match this victim.", .dim))
        } else {
            for c in candidates.prefix(max(1, previewHeight - lines.count - 1)) {
                let window = c.withinWindow ? "inside its repeat window (ends \(c.windowEnds.british))" : "window lapsed \(c.windowEnds.british)"
                lines.append(("Possible earlier case \(c.caseID): \(c.reasons.joined(separator: "; ")); \(window)", c.withinWindow ? .warning : .dim))
            }
        }
        for (i, line) in lines.prefix(previewHeight - 1).enumerated() {
            canvas.put(line.0, in: preview, row: i + 1, column: 1, role: line.1)
        }
    }

    public func handle(_ request: Request, context: PaneContext) -> PaneResponse {
        refresh(context)
        if list.handle(request, page: max(1, tableRegion.height - 1)) { return .handled }
        if request == .open {
            guard let id = selectedReferral else { return .message("The queue is empty.") }
            return .open(.referral(id))
        }
        return .ignored
    }

    public func click(row: Int, context: PaneContext) -> PaneResponse {
        guard let i = TableRenderer.row(at: row, region: tableRegion, list: list) else { return .ignored }
        if i == list.selected { return handle(.open, context: context) }
        list.select(i)
        return .handled
    }

    public func scroll(down: Bool) { list.scroll(by: down ? 3 : -3, visible: max(1, tableRegion.height - 1)) }
}
