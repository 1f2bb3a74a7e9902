import MARACCore

/// A meeting's agenda in the standard order, with its date, venue, chair and case-list
/// cut-off. `[` and `]` move between meetings; Enter opens a case. While the meeting it shows
/// is in progress, the meeting's own screen takes its place (MeetingJob+Screen.swift).
public final class AgendaPane: Pane {
    public let kind = PaneKind.agenda
    public let keyContexts: [KeyContext] = [.agenda, .list, .global]
    public private(set) var meetingID: MeetingID?
    private var rows: [Row] = []
    private var revision = -1
    private var list = SelectionList()
    private var listRegion = Region(row: 0, column: 0, height: 0, width: 0)

    enum Row: Equatable {
        case heading(String)
        case outstanding(count: Int)
        case `case`(CaseID, number: Int)
        case lapsed(CaseID)
        case otherBusiness(String)
        case note(String)

        var isSelectable: Bool {
            switch self {
            case .heading, .note: false
            default: true
            }
        }
    }

    public init() {}

    public func show(_ meeting: MeetingID) {
        meetingID = meeting
        revision = -1
    }

    func refresh(_ context: PaneContext) {
        guard context.revision != revision else { return }
        revision = context.revision
        let state = context.state
        if meetingID == nil || state.meeting(meetingID!) == nil {
            meetingID = (state.meetingInProgress ?? state.nextMeeting(onOrAfter: context.today) ?? state.meetingsByDate().first)?.id
        }
        let keep = list.selected >= 0 && list.selected < rows.count ? rows[list.selected] : nil
        rows = []
        if let id = meetingID, let agenda = state.agenda(for: id) {
            rows.append(.heading("1. Outstanding actions from earlier meetings"))
            if agenda.outstandingActions.isEmpty {
                rows.append(.note("None outstanding."))
            } else {
                rows.append(.outstanding(count: agenda.outstandingActions.count))
            }
            let withChildren = agenda.cases.filter { agenda.casesWithChildren.contains($0) }
            let adults = agenda.cases.filter { !agenda.casesWithChildren.contains($0) }
            var n = 0
            if state.meeting(id)?.caseOrder != nil {
                rows.append(.heading("2. Cases, in the coordinator's order (\(agenda.cases.count))"))
                for c in agenda.cases { n += 1; rows.append(.case(c, number: n)) }
            } else {
                rows.append(.heading("2. Cases with children in the household (\(withChildren.count))"))
                if withChildren.isEmpty { rows.append(.note("None.")) }
                for c in withChildren { n += 1; rows.append(.case(c, number: n)) }
                rows.append(.heading("3. Adult-only cases (\(adults.count))"))
                if adults.isEmpty { rows.append(.note("None.")) }
                for c in adults { n += 1; rows.append(.case(c, number: n)) }
            }
            rows.append(.heading("4. Repeat windows lapsed since the last meeting, for information (\(agenda.lapsedWindows.count))"))
            if agenda.lapsedWindows.isEmpty { rows.append(.note("None.")) }
            rows += agenda.lapsedWindows.map { .lapsed($0) }
            rows.append(.heading("5. Any other business"))
            if agenda.otherBusiness.isEmpty { rows.append(.note("None.")) }
            rows += agenda.otherBusiness.map { .otherBusiness($0) }
        }
        let unselectable = Set(rows.indices.filter { !rows[$0].isSelectable })
        var keepIndex = keep.flatMap { k in rows.firstIndex(of: k) }
        if let wanted = pendingSelection {
            keepIndex = rows.firstIndex { if case .case(wanted, _) = $0 { true } else { false } } ?? keepIndex
            pendingSelection = nil
        }
        list.reset(count: rows.count, keep: keepIndex ?? (list.selected < 0 ? 0 : nil), unselectable: unselectable)
    }

    /// The case on the selected agenda row, if it is one.
    public var selectedCase: CaseID? {
        guard list.selected >= 0, list.selected < rows.count else { return nil }
        if case .case(let id, _) = rows[list.selected] { return id }
        return nil
    }

    /// Puts the selection on a case's row at the next refresh.
    func selectCase(_ id: CaseID) {
        pendingSelection = id
        revision = -1
    }

    private var pendingSelection: CaseID?

    /// Rows brought up to date and the list scrolled to its selection.
    public func layout(region: Region, context: PaneContext) {
        refresh(context)
        listRegion = region.dropping(top: 3)
        list.scrollToSelection(visible: listRegion.height)
    }

    public func render(_ canvas: inout Canvas, region: Region, context: PaneContext) {
        let state = context.state
        guard let id = meetingID, let m = state.meeting(id) else {
            canvas.put("No meetings are scheduled.", in: region, row: 0, role: .title)
            return
        }
        let time = m.startTime.isEmpty ? "" : " \(m.startTime)"
        canvas.put("\(m.id)  \(m.date.long)\(time)  \(m.status.rawValue)", in: region, row: 0, role: .title)
        var where_ = "Venue: \(m.venue.isEmpty ? "not set" : m.venue)  \(canvas.glyphs.bullet)  Chair: \(m.chair.isEmpty ? "not set" : m.chair)"
        if m.status == .scheduled || m.status == .inProgress {
            let cutoff = state.caseListCutoff(of: m)
            if m.caseListFrozenAt != nil {
                where_ += "  \(canvas.glyphs.bullet)  case list frozen"
            } else {
                where_ += "  \(canvas.glyphs.bullet)  case list cut-off \(cutoff.british)\(cutoff < context.today ? " (passed)" : "")"
            }
            let missing = state.missingResearchReturns(for: m)
            if missing > 0 { where_ += "  \(canvas.glyphs.bullet)  \(missing) research returns missing" }
        }
        // The venue, chair, cut-off and missing returns: on two rows when one is not enough.
        for (i, line) in wrap(where_, width: region.width).prefix(2).enumerated() {
            canvas.put(line, in: region, row: 1 + i, role: .dim)
        }
        let listRegion = region.dropping(top: 3)
        for r in 0..<listRegion.height {
            let i = list.top + r
            guard i < rows.count else { break }
            let selected = i == list.selected
            if selected { canvas.put(canvas.glyphs.selectionMarker, in: listRegion, row: r, role: .selected) }
            let (text, role, indent) = describe(rows[i], state: state, today: context.today, glyphs: canvas.glyphs,
                                                width: listRegion.width - 2)
            canvas.put(text, in: listRegion, row: r, column: 2 + indent, role: role)
            if selected { canvas.paint(row: listRegion.row + r, column: listRegion.column, count: listRegion.width, role: .selected) }
        }
    }

    /// A row's text for a list `width` wide: a case's marks (repeat, transferred in, heard)
    /// come before its agency's name, so a narrow screen loses the name, not the marks.
    func describe(_ row: Row, state: MARACState, today: Day, glyphs: Glyphs, width: Int = 120) -> (String, StyleRole, Int) {
        switch row {
        case .heading(let t): return (t, .header, 0)
        case .note(let t): return (t, .dim, 2)
        case .outstanding(let count):
            guard let id = meetingID, let m = state.meeting(id) else { return ("", .normal, 2) }
            let review = state.outstandingActionsToReview(at: m)
            let overdue = review.filter { state.action($0)?.isOverdue(on: today) == true }.count
            return ("\(review.count) of \(count) open action\(count == 1 ? "" : "s") to review (due by the meeting, or on a case heard), \(overdue) overdue: Enter lists them",
                    overdue > 0 ? .warning : .normal, 2)
        case .case(let id, let number):
            guard let c = state.case(id), let r = state.referral(c.referral) else { return ("\(id)", .normal, 2) }
            var marks: [String] = []
            if c.repeatOf != nil { marks.append("repeat") }
            if r.details.transferredInFrom != nil { marks.append("transferred in") }
            if c.status == .heard { marks.append("heard") }
            let childText = (r.details.childrenKnown.map { "\($0) child\($0 == 1 ? "" : "ren")" } ?? "? children").padded(toWidth: 10)
            let rest = "  \(Describe.risk(r.details, in: state).padded(toWidth: 8))  \(state.criteria(of: r).short.padded(toWidth: 11))  \(childText)\(marks.isEmpty ? "" : "  [" + marks.joined(separator: ", ") + "]")  "
            let head = "\(String(number).padded(toWidth: 3, alignRight: true)). \(id)  "
            // The same width on every row (room for the columns and a mark), so names line up.
            let nameWidth = max(12, min(26, width - TextWidth.of(head) - 35 - 14))
            let text = head + r.details.victim.name.padded(toWidth: nameWidth, ellipsis: glyphs.ellipsis) + rest + Describe.agencyName(r.details.agency, in: state)
            return (text, .normal, 2)
        case .lapsed(let id):
            let name = state.case(id).flatMap(state.referral(of:))?.details.victim.name ?? ""
            let end = state.case(id).map { state.repeatWindowEnd(of: $0).british } ?? ""
            return ("\(id)  \(name)  window ended \(end)", .dim, 2)
        case .otherBusiness(let t): return (t, .normal, 2)
        }
    }

    public func handle(_ request: Request, context: PaneContext) -> PaneResponse {
        refresh(context)
        if list.handle(request, page: max(1, listRegion.height)) { return .handled }
        switch request {
        case .previousMeeting, .nextMeeting:
            let ordered = context.state.meetings.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            guard let current = meetingID, let i = ordered.firstIndex(where: { $0.id == current }) else { return .ignored }
            let j = request == .nextMeeting ? i + 1 : i - 1
            guard ordered.indices.contains(j) else {
                return .message(request == .nextMeeting ? "This is the last meeting scheduled." : "This is the first meeting.")
            }
            meetingID = ordered[j].id
            revision = -1
            list = SelectionList()
            return .handled
        case .open:
            guard list.selected >= 0 else { return .ignored }
            switch rows[list.selected] {
            case .case(let id, _), .lapsed(let id): return .open(.case(id))
            case .outstanding:
                guard let id = meetingID else { return .ignored }
                return .reviewOutstanding(id)
            default: return .ignored
            }
        default:
            return .ignored
        }
    }

    public func click(row: Int, context: PaneContext) -> PaneResponse {
        let r = row - listRegion.row
        guard r >= 0, r < listRegion.height else { return .ignored }
        let i = list.top + r
        guard list.isSelectable(i) else { return .ignored }
        if i == list.selected { return handle(.open, context: context) }
        list.select(i)
        return .handled
    }

    public func scroll(down: Bool) { list.scroll(by: down ? 3 : -3, visible: max(1, listRegion.height)) }
}
