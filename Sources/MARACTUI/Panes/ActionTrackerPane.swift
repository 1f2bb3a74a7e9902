import MARACCore

/// The chair's view: actions by due date with their owner agency and status, overdue ones
/// standing out. `f` moves between open, overdue and all actions.
public final class ActionTrackerPane: Pane {
    public let kind = PaneKind.actions
    public let keyContexts: [KeyContext] = [.actions, .list, .global]
    private var rows: [ActionID] = []
    private var revision = -1
    private var list = SelectionList()
    private var tableRegion = Region(row: 0, column: 0, height: 0, width: 0)
    public private(set) var filter = Filter.open

    public enum Filter: Equatable, Sendable {
        case open, overdue, all
        /// Open actions agreed before a meeting: its first agenda item.
        case outstanding(MeetingID)

        static let cycle: [Filter] = [.open, .overdue, .all]

        var name: String {
            switch self {
            case .open: "open"
            case .overdue: "overdue"
            case .all: "all"
            case .outstanding(let m): "outstanding at \(m)"
            }
        }
    }

    /// Shows the actions outstanding at a meeting.
    public func showOutstanding(at meeting: MeetingID) {
        filter = .outstanding(meeting)
        revision = -1
        list = SelectionList()
    }

    public init() {}

    static let columns = [
        TableColumn("Action", .fixed(6)), TableColumn("Case", .fixed(6)),
        TableColumn("Agency", .flexible(minimum: 12, weight: 2)), TableColumn("Owner", .flexible(minimum: 8, weight: 1)),
        TableColumn("Description", .flexible(minimum: 16, weight: 5)), TableColumn("Due", .fixed(10)),
        TableColumn("Status", .fixed(13)),
    ]

    func refresh(_ context: PaneContext) {
        guard context.revision != revision else { return }
        revision = context.revision
        let keep = list.selected >= 0 && list.selected < rows.count ? rows[list.selected] : nil
        let state = context.state
        let actions: [Action]
        switch filter {
        case .open: actions = state.actions(matching: ActionFilter(status: .open))
        case .overdue: actions = state.actions(matching: ActionFilter(overdueOn: context.today))
        case .all: actions = state.actions(matching: ActionFilter())
        case .outstanding(let m): actions = state.meeting(m).map { state.outstandingActions(before: $0).compactMap(state.action) } ?? []
        }
        rows = actions.sorted { ($0.due, $0.id) < ($1.due, $1.id) }.map(\.id)
        list.reset(count: rows.count, keep: keep.flatMap { rows.firstIndex(of: $0) })
    }

    public func render(_ canvas: inout Canvas, region: Region, context: PaneContext) {
        refresh(context)
        let state = context.state
        let today = context.today
        let overdue = filter == .overdue ? rows.count : rows.lazy.filter { state.action($0)?.isOverdue(on: today) == true }.count
        canvas.put("\(rows.count) \(filter == .all ? "" : filter.name + " ")action\(rows.count == 1 ? "" : "s"), by due date; \(overdue) overdue  (f: open / overdue / all)",
                   in: region, row: 0, role: .title)
        tableRegion = region.dropping(top: 1)
        let overdueMark = canvas.glyphs.overdue
        TableRenderer.draw(&canvas, region: tableRegion, columns: Self.columns, list: &list) { i, column in
            guard let a = state.action(rows[i]) else { return ("", .normal) }
            let late = a.isOverdue(on: today)
            switch column {
            case 0: return (String(a.id.number), .normal)
            case 1: return (a.caseID.description, .normal)
            case 2: return (Describe.agencyName(a.agency, in: state), .normal)
            case 3: return (a.owner, .dim)
            case 4: return (a.description, .normal)
            case 5: return (a.due.british, late ? .danger : .normal)
            default:
                if late { return ("\(overdueMark) overdue \(a.due.days(until: today))d", .danger) }
                return (a.status == .open ? "open" : a.status.rawValue, a.status == .done ? .good : (a.status == .open ? .normal : .warning))
            }
        }
    }

    public func handle(_ request: Request, context: PaneContext) -> PaneResponse {
        refresh(context)
        if list.handle(request, page: max(1, tableRegion.height - 1)) { return .handled }
        switch request {
        case .cycleFilter:
            let all = Filter.cycle
            filter = all[((all.firstIndex(of: filter) ?? -1) + 1) % all.count]
            revision = -1
            return .message("Showing \(filter.name) actions.")
        case .open:
            guard list.selected >= 0, let a = context.state.action(rows[list.selected]) else { return .ignored }
            return .open(.case(a.caseID))
        default:
            return .ignored
        }
    }

    public func click(row: Int, context: PaneContext) -> PaneResponse {
        guard let i = TableRenderer.row(at: row, region: tableRegion, list: list) else { return .ignored }
        if i == list.selected { return handle(.open, context: context) }
        list.select(i)
        return .handled
    }

    public func scroll(down: Bool) { list.scroll(by: down ? 3 : -3, visible: max(1, tableRegion.height - 1)) }
}
