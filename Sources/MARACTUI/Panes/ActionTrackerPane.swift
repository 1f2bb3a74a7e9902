import MARACCore

/// The chair's view: actions by due date with their owner agency and status, overdue ones
/// standing out. `f` moves between open, overdue and all actions; `F` (`:filter`) narrows by
/// agency, status, meeting, case or due date; `v` shows each agency's completion and
/// attendance as bars. The selected action's history shows below the list.
public final class ActionTrackerPane: TablePane<ActionID>, SearchablePane {
    public private(set) var filter = Filter.open
    /// Narrowing on top of the preset: agency, status, meeting, case, due by.
    public private(set) var narrowing = ActionFilter()
    /// The view by agency, with bars, instead of the list.
    public private(set) var byAgency = false

    public enum Filter: Equatable, Sendable {
        case open, overdue, all
        /// Actions with an agency's report waiting to be confirmed.
        case reported
        /// Open actions agreed before a meeting: its first agenda item.
        case outstanding(MeetingID)

        static let cycle: [Filter] = [.open, .overdue, .all, .reported]

        var name: String {
            switch self {
            case .open: "open"
            case .overdue: "overdue"
            case .all: "all"
            case .reported: "reported"
            case .outstanding(let m): "outstanding at \(m)"
            }
        }
    }

    public init() { super.init(kind: .actions, contexts: [.actions, .list, .global]) }

    /// Shows the actions outstanding at a meeting.
    public func showOutstanding(at meeting: MeetingID) {
        filter = .outstanding(meeting)
        byAgency = false
        invalidate()
        list = SelectionList()
    }

    /// Narrows the list (nil fields are not narrowed by); the preset becomes "all" when a
    /// status is given, so the status chosen is what shows.
    public func narrow(_ f: ActionFilter) {
        narrowing = f
        if f.status != nil, filter != .overdue { filter = .all }
        byAgency = false
        invalidate()
        list = SelectionList()
    }

    public func toggleByAgency() {
        byAgency.toggle()
        invalidate()
    }

    public var narrowingDescription: String {
        var parts: [String] = []
        if let s = narrowing.status { parts.append("status \(s.rawValue)") }
        if let m = narrowing.meeting { parts.append("agreed at \(m)") }
        if let c = narrowing.caseID { parts.append("case \(c)") }
        if let d = narrowing.dueOnOrBefore { parts.append("due by \(d.british)") }
        return parts.joined(separator: ", ")
    }

    public override var columns: [TableColumn] {
        [TableColumn("Action", .fixed(7)), TableColumn("Case", .fixed(6)),
         TableColumn("Agency", .flexible(minimum: 12, weight: 2)), TableColumn("Owner", .flexible(minimum: 8, weight: 1)),
         TableColumn("Description", .flexible(minimum: 16, weight: 5)), TableColumn("Due", .fixed(10)),
         TableColumn("Status", .fixed(13), essential: true)]
    }

    /// The title's counts, made with the rows (once per change of the state), not at every
    /// frame: counting the reported actions walked every action of the store on every key.
    private var overdueCount = 0
    private var reportedCount = 0

    public override func computeRows(_ context: PaneContext) -> [ActionID] {
        let state = context.state
        let all = state.actions
        /// An action's place in the state's list (its number less one).
        func at(_ id: ActionID) -> Int? { let i = Int(id.number) - 1; return all.indices.contains(i) ? i : nil }
        reportedCount = state.actionsWithReportsWaiting
        var f = narrowing
        let ids: [ActionID]
        switch filter {
        case .open:
            if f.status == nil { f.status = .open }
            ids = state.actionIDsByDue(matching: f)
        case .overdue:
            f.overdueOn = context.today
            ids = state.actionIDsByDue(matching: f)
        case .all: ids = state.actionIDsByDue(matching: f)
        case .reported:
            ids = state.actionIDsByDue(matching: f).filter { at($0).map { all[$0].reports.contains(where: \.isPending) } ?? false }
        case .outstanding(let m):
            let actions = state.meeting(m).map { state.outstandingActionsToReview(at: $0).compactMap(state.action).filter(f.matches) } ?? []
            ids = actions.map { ($0.due, $0.id) }.sorted { $0 < $1 }.map(\.1)
        }
        overdueCount = filter == .overdue ? ids.count
            : ids.lazy.filter { at($0).map { all[$0].status == .open && all[$0].inError == nil && all[$0].due < context.today } ?? false }.count
        return ids
    }

    public override func title(_ context: PaneContext) -> String {
        let state = context.state
        let overdue = overdueCount
        let agency = narrowing.agency.map { " for \(Describe.agencyName($0, in: state))" } ?? ""
        let more = narrowingDescription.isEmpty ? "" : " (\(narrowingDescription))"
        let reported = reportedCount
        let toConfirm = reported == 0 || filter == .reported ? "" : "; \(reported) reported, to confirm (y)"
        return "\(rows.count) \(filter == .all ? "" : filter.name + " ")action\(rows.count == 1 ? "" : "s")\(agency)\(more), by due date; \(overdue) overdue\(toConfirm)"
    }

    public override func titleKeys(_ glyphs: Glyphs) -> String {
        "(f: open / overdue / all / reported \(glyphs.bullet) F filter \(glyphs.bullet) v by agency)"
    }

    public override func cell(_ id: ActionID, _ column: Int, _ context: PaneContext) -> (String, StyleRole) {
        let state = context.state
        guard let a = state.action(id) else { return ("", .normal) }
        let late = a.isOverdue(on: context.today)
        switch column {
        case 0: return (String(a.id.number), .normal)
        case 1: return (a.caseID.description, .normal)
        case 2: return (Describe.agencyName(a.agency, in: state), .normal)
        case 3: return (a.owner, .dim)
        case 4: return (a.description, .normal)
        case 5: return (a.due.british, late ? .danger : .normal)
        default:
            // An agency's word waiting for the coordinator comes first: it is what to do next.
            if let r = a.pendingReports.last?.report { return ("\(r.statusWords)?", .warning) }
            // Days first: the number is the news, and it is never cut ("60d overdue").
            if late { return ("\(a.due.days(until: context.today))d overdue", .danger) }
            return (a.status == .open ? "open" : a.status.rawValue, a.status == .done ? .good : (a.status == .open ? .normal : .warning))
        }
    }

    public override func searchText(_ id: ActionID, _ context: PaneContext) -> String {
        guard let a = context.state.action(id) else { return "" }
        return "\(a.id) \(a.caseID) \(Describe.agencyName(a.agency, in: context.state)) \(a.owner) \(a.description)"
    }

    public override func open(_ id: ActionID, _ context: PaneContext) -> PaneResponse {
        guard let a = context.state.action(id) else { return .ignored }
        return .open(.case(a.caseID))
    }

    public override func handleOwn(_ request: Request, context: PaneContext) -> PaneResponse {
        switch request {
        case .cycleFilter:
            let all = Filter.cycle
            filter = all[((all.firstIndex(of: filter) ?? -1) + 1) % all.count]
            if filter == .open, narrowing.status != nil { narrowing.status = nil }
            byAgency = false
            invalidate()
            return .message("Showing \(filter.name) actions.")
        case .groupByAgency:
            toggleByAgency()
            return .message(byAgency ? "By agency: completion and attendance. v goes back to the list." : "The action list.")
        default:
            return .ignored
        }
    }

    public override func previewHeight(_ region: Region) -> Int { byAgency ? 0 : min(6, max(0, region.height / 4)) }

    public override func drawPreview(_ id: ActionID, _ canvas: inout Canvas, region: Region, context: PaneContext) {
        let state = context.state
        guard let a = state.action(id) else { return }
        var lines: [(String, StyleRole)] = [("\(a.id) for \(Describe.agencyName(a.agency, in: state)) (\(a.owner)), agreed at \(a.meeting): \(a.description)", .normal)]
        for (_, r) in a.pendingReports {
            lines.append(("\(r.statusWords.capitalisedFirst), reported by \(Describe.agencyName(r.agency, in: state)) on \(r.on.british), to confirm"
                          + (r.note.isEmpty ? "" : ": \(r.note)") + "  (\(r.source)) y confirms \(canvas.glyphs.bullet) r rejects", .warning))
        }
        if a.history.isEmpty && a.pendingReports.isEmpty {
            lines.append(("No updates yet. d done \(canvas.glyphs.bullet) p not possible \(canvas.glyphs.bullet) x not done \(canvas.glyphs.bullet) o reopen (each with a note).", .dim))
        }
        // Numbered from the first, as :error note N takes them.
        for (n, h) in a.history.enumerated().reversed() {
            let marked = h.inError.map { "[recorded in error: \($0)] " } ?? ""
            lines.append(("\(n + 1). \(h.on.british)  \(marked)\(h.status.label)  by \(h.stamp.actor)\(h.note.isEmpty ? "" : ": " + h.note)",
                          h.inError != nil ? .dim : (h.status == .done ? .good : .dim)))
        }
        let wrapped = lines.flatMap { line in wrapHanging(line.0, width: max(10, region.width - 2)).map { ($0, line.1) } }
        for (i, line) in wrapped.prefix(region.height).enumerated() {
            canvas.put(line.0, in: region, row: i, column: 1, role: line.1)
        }
    }

    public override func render(_ canvas: inout Canvas, region: Region, context: PaneContext) {
        guard byAgency else { return super.render(&canvas, region: region, context: context) }
        AgencyBars(state: context.state, today: context.today).render(&canvas, region: region)
    }
}

/// Each agency's completion and attendance rates as bars, worst completion first, with its
/// open and overdue counts: the chair's picture of who is keeping up.
struct AgencyBars {
    let state: MARACState
    let today: Day

    func render(_ canvas: inout Canvas, region: Region) {
        let rows = state.accountability(on: today).filter { $0.meetingsHeld > 0 || $0.actionsDue > 0 || $0.actionsOpen > 0 }
            .sorted { ($0.completionRate ?? 2, Describe.agencyName($0.agency, in: state)) < ($1.completionRate ?? 2, Describe.agencyName($1.agency, in: state)) }
        canvas.put("Agencies by completion of actions due (worst first); attendance at meetings held since they signed. v: back to the list",
                   in: region, row: 0, role: .title)
        let nameWidth = min(28, max(12, rows.map { TextWidth.of(Describe.agencyName($0.agency, in: state)) }.max() ?? 12))
        let barWidth = max(10, min(30, (region.width - nameWidth - 40) / 2))
        let header = "Agency".padded(toWidth: nameWidth) + "  " + "Actions done of due".padded(toWidth: barWidth + 6) + "  "
            + "Attended".padded(toWidth: barWidth + 6) + "  Open  Overdue"
        canvas.put(header, in: region, row: 2, role: .header)
        for (i, r) in rows.enumerated() where 3 + i < region.height {
            let name = Describe.agencyName(r.agency, in: state).padded(toWidth: nameWidth, ellipsis: canvas.glyphs.ellipsis)
            let done = bar(r.completionRate, width: barWidth, glyphs: canvas.glyphs)
            let went = bar(r.attendanceRate, width: barWidth, glyphs: canvas.glyphs)
            var col = canvas.put(name + "  ", in: region, row: 3 + i, role: .normal)
            let completionRole: StyleRole = (r.completionRate ?? 1) < 0.6 ? .danger : ((r.completionRate ?? 1) < 0.8 ? .warning : .good)
            col += canvas.put(done, in: region, row: 3 + i, column: col, role: completionRole)
            col += canvas.put("  ", in: region, row: 3 + i, column: col, role: .normal)
            let attendanceRole: StyleRole = (r.attendanceRate ?? 1) < 0.75 ? .warning : .good
            col += canvas.put(went, in: region, row: 3 + i, column: col, role: attendanceRole)
            let counts = "  " + String(r.actionsOpen).padded(toWidth: 4, alignRight: true) + "  " + String(r.actionsOverdue).padded(toWidth: 7, alignRight: true)
            canvas.put(counts, in: region, row: 3 + i, column: col, role: r.actionsOverdue > 0 ? .danger : .normal)
        }
    }

    /// `██████░░░░  60%`, or `no data` when there is nothing to rate.
    func bar(_ rate: Double?, width: Int, glyphs: Glyphs) -> String {
        guard let rate else { return "no data".padded(toWidth: width + 6) }
        let filled = Int((rate * Double(width)).rounded())
        return String(repeating: glyphs.barFull, count: filled) + String(repeating: glyphs.barEmpty, count: width - filled)
            + "  " + Describe.percent(rate).padded(toWidth: 4, alignRight: true)
    }
}
