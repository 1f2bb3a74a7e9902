import MARACCore

/// The chair's view: actions by due date with their owner agency and status, overdue ones
/// standing out. `f` moves between open, overdue and all actions.
public final class ActionTrackerPane: TablePane<ActionID>, SearchablePane {
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

    public init() { super.init(kind: .actions, contexts: [.actions, .list, .global]) }

    /// Shows the actions outstanding at a meeting.
    public func showOutstanding(at meeting: MeetingID) {
        filter = .outstanding(meeting)
        invalidate()
        list = SelectionList()
    }

    public override var columns: [TableColumn] {
        [TableColumn("Action", .fixed(7)), TableColumn("Case", .fixed(6)),
         TableColumn("Agency", .flexible(minimum: 12, weight: 2)), TableColumn("Owner", .flexible(minimum: 8, weight: 1)),
         TableColumn("Description", .flexible(minimum: 16, weight: 5)), TableColumn("Due", .fixed(10)),
         TableColumn("Status", .fixed(13))]
    }

    public override func computeRows(_ context: PaneContext) -> [ActionID] {
        let state = context.state
        let actions: [Action]
        switch filter {
        case .open: actions = state.actions(matching: ActionFilter(status: .open))
        case .overdue: actions = state.actions(matching: ActionFilter(overdueOn: context.today))
        case .all: actions = state.actions(matching: ActionFilter())
        case .outstanding(let m): actions = state.meeting(m).map { state.outstandingActions(before: $0).compactMap(state.action) } ?? []
        }
        return actions.sorted { ($0.due, $0.id) < ($1.due, $1.id) }.map(\.id)
    }

    public override func title(_ context: PaneContext) -> String {
        let state = context.state
        let overdue = filter == .overdue ? rows.count : rows.lazy.filter { state.action($0)?.isOverdue(on: context.today) == true }.count
        return "\(rows.count) \(filter == .all ? "" : filter.name + " ")action\(rows.count == 1 ? "" : "s"), by due date; \(overdue) overdue  (f: open / overdue / all)"
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
            if late { return ("! overdue \(a.due.days(until: context.today))d", .danger) }
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
        guard request == .cycleFilter else { return .ignored }
        let all = Filter.cycle
        filter = all[((all.firstIndex(of: filter) ?? -1) + 1) % all.count]
        invalidate()
        return .message("Showing \(filter.name) actions.")
    }
}
