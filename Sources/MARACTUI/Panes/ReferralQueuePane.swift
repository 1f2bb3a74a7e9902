import MARACCore

/// The admin's queue: referrals awaiting triage, oldest first, with the criteria each meets,
/// its risk score, children, and the flags that need a second look. Below the list, the
/// selected referral in brief and the earlier cases it may repeat.
public final class ReferralQueuePane: TablePane<ReferralID>, SearchablePane {
    private var flags: [ReferralID: TriageRow] = [:]

    public init() { super.init(kind: .referrals, contexts: [.referrals, .list, .global]) }

    public override var columns: [TableColumn] {
        [TableColumn("Reference", .fixed(14), keepsEnd: true), TableColumn("Received", .fixed(10)),
         TableColumn("Agency", .flexible(minimum: 10, weight: 2)), TableColumn("Victim", .flexible(minimum: 14, weight: 3)),
         TableColumn("Criteria", .fixed(11)), TableColumn("Risk", .fixed(8)), TableColumn("Ch", .fixed(2), alignRight: true),
         TableColumn("Flags", .flexible(minimum: 13, weight: 3), essential: true, abbreviations: Self.flagAbbreviations)]
    }

    /// Shorter still, for a narrow screen: every flag keeps a mark.
    static let flagAbbreviations = [("highest risk", "HIGH"), ("repeat?", "REP?"), ("further?", "FUR?"), ("under age", "AGE"), ("out of area", "AREA"),
                                    ("no ISP", "ISP"), ("no criterion", "CRIT?")]

    /// Short words for the flags column; the preview below spells them out.
    static func flagText(_ flags: TriageFlags) -> String {
        let words: [(TriageFlags, String)] = [
            (.highestRisk, "highest risk"), (.possibleRepeat, "repeat?"), (.furtherIncident, "further?"), (.underAge, "under age"),
            (.outOfArea, "out of area"), (.agencyWithoutISP, "no ISP"), (.noCriterionYet, "no criterion"),
        ]
        return words.filter { flags.contains($0.0) }.map(\.1).joined(separator: ", ")
    }

    public override func computeRows(_ context: PaneContext) -> [ReferralID] {
        let queue = context.state.triageQueue()
        flags = Dictionary(uniqueKeysWithValues: queue.map { ($0.referral, $0) })
        return queue.map(\.referral)
    }

    public var selectedReferral: ReferralID? { selectedRow }

    public override func title(_ context: PaneContext) -> String {
        rows.isEmpty ? "No referrals awaiting triage." : "\(rows.count) referral\(rows.count == 1 ? "" : "s") awaiting triage, oldest first"
    }

    public override func cell(_ id: ReferralID, _ column: Int, _ context: PaneContext) -> (String, StyleRole) {
        let state = context.state
        guard let r = state.referral(id), let row = flags[id] else { return ("", .normal) }
        switch column {
        case 0: return (r.details.reference, .normal)
        case 1: return (r.details.receivedOn.british, .normal)
        case 2: return (Describe.agencyName(r.details.agency, in: state), row.flags.contains(.agencyWithoutISP) ? .warning : .normal)
        case 3: return (r.details.victim.name, .normal)
        case 4: return (row.criteria.short, row.criteria.isEmpty ? .warning : .normal)
        case 5: return (Describe.risk(r.details, in: state), row.flags.contains(.highestRisk) ? .danger : .normal)
        // "?" where the referral gave neither a child nor a number: not known is not none.
        case 6: return (r.details.childrenKnown.map(String.init) ?? "?", .normal)
        default: return (Self.flagText(row.flags), row.flags.isEmpty ? .normal : .warning)
        }
    }

    public override func searchText(_ id: ReferralID, _ context: PaneContext) -> String {
        guard let r = context.state.referral(id) else { return "" }
        return ([r.details.reference, r.details.victim.name] + r.details.victim.aliases).joined(separator: " ")
    }

    public override func open(_ id: ReferralID, _ context: PaneContext) -> PaneResponse { .open(.referral(id)) }

    public override func previewHeight(_ region: Region) -> Int { min(8, max(0, region.height / 3)) }

    public override func drawPreview(_ id: ReferralID, _ canvas: inout Canvas, region: Region, context: PaneContext) {
        let state = context.state
        guard let r = state.referral(id) else { return }
        let d = r.details
        let width = max(10, region.width - 2)
        func wrapped(_ text: String, _ role: StyleRole) -> [(String, StyleRole)] { wrapHanging(text, width: width).map { ($0, role) } }
        let perpetrator = d.perpetrators.first.map { "\($0.person.name) (\($0.relationship.label))" } ?? "none named"
        let who = wrapped("\(d.victim.name), \(Describe.age(d.victim, on: d.receivedOn)) \(canvas.glyphs.bullet) perpetrator \(perpetrator) \(canvas.glyphs.bullet) referred by \(Describe.agencyName(d.agency, in: state))", .normal)
        // The earlier cases it may repeat are the warning here: they keep their rows, and the
        // incident summary takes what is left (up to two rows).
        let candidates = state.repeatCandidates(for: d, excluding: id)
        var matches: [(String, StyleRole)] = []
        if candidates.isEmpty {
            matches = wrapped("No earlier cases match this victim.", .dim)
        } else {
            for c in candidates {
                let window = c.withinWindow ? "inside its repeat window (ends \(c.windowEnds.british))" : "window lapsed \(c.windowEnds.british)"
                let heard = c.notYetHeard ? "not heard yet: + adds this referral to it as a further incident" : window
                matches += wrapped("Possible earlier case \(c.caseID): \(c.reasons.joined(separator: "; ")); \(heard); \(c.perpetrator.label)",
                                   c.canBeRepeat || c.notYetHeard ? .warning : .dim)
            }
        }
        let room = max(1, min(2, region.height - who.count - matches.count))
        let summary = wrap(d.summary.isEmpty ? "No incident summary." : d.summary, width: width).prefix(room).map { ($0, StyleRole.dim) }
        let lines = who + summary + matches
        for (i, line) in lines.prefix(region.height).enumerated() {
            canvas.put(line.0, in: region, row: i, column: 1, role: line.1)
        }
    }
}
