import MARACCore

/// The four panes, numbered as the keys that show them.
public enum PaneKind: Int, CaseIterable, Sendable {
    case referrals = 1
    case caseView = 2
    case agenda = 3
    case actions = 4

    public var title: String {
        switch self {
        case .referrals: "Referral queue"
        case .caseView: "Case view"
        case .agenda: "Meeting agenda"
        case .actions: "Action tracker"
        }
    }

    public var shortTitle: String {
        switch self {
        case .referrals: "Referrals"
        case .caseView: "Case"
        case .agenda: "Agenda"
        case .actions: "Actions"
        }
    }
}

/// What the case view shows: a case, or a referral not (yet) accepted as one.
public enum CaseSubject: Hashable, Sendable {
    case referral(ReferralID)
    case `case`(CaseID)
}

/// What a pane needs to draw and act: the session (state, user, clock) and the revision of
/// the state, so a pane can keep rows it computed until something changes.
public struct PaneContext {
    public let session: Session
    public let revision: Int
    /// Presentation mode: addresses, phone numbers and dates of birth are hidden.
    public var presentation: Bool = false
    /// The terminal's lines and markers, which the layout measures text with.
    public var glyphs: Glyphs = .unicode
    public var state: MARACState { session.state }
    public var today: Day { session.today }
}

public enum PaneResponse: Equatable {
    case handled
    case ignored
    case open(CaseSubject)
    /// Show the actions outstanding at a meeting in the action tracker.
    case reviewOutstanding(MeetingID)
    case message(String)
}

/// A pane: draws itself into the region it is given and handles the requests of its key
/// contexts. Panes read the state and send commands through the session; none touches a file.
///
/// Before each frame the app lays the pane out for its region (rows recomputed after a change
/// of state, the scroll position kept on the selection); drawing then only reads, so the same
/// state and view state always give the same frame.
public protocol Pane: AnyObject {
    var kind: PaneKind { get }
    /// Contexts whose bindings apply while the pane is shown, most specific first.
    var keyContexts: [KeyContext] { get }
    /// Brings what the pane shows up to date for `region`; called before each frame.
    func layout(region: Region, context: PaneContext)
    /// Draws the pane as laid out; changes nothing.
    func render(_ canvas: inout Canvas, region: Region, context: PaneContext)
    func handle(_ request: Request, context: PaneContext) -> PaneResponse
    /// A click on a screen row inside the pane's region.
    func click(row: Int, context: PaneContext) -> PaneResponse
    func scroll(down: Bool)
}

/// What the app asks of panes with a list, for `/` search and tagging.
public protocol SearchablePane: Pane {
    var selectionIndex: Int { get }
    /// Selects the first row from `start` (going forward or back) whose text holds the query.
    func search(_ query: String, from start: Int, forward: Bool, context: PaneContext) -> Bool
    func select(index: Int)
    var taggedCount: Int { get }
    func clearTags()
}

extension Pane {
    public func click(row: Int, context: PaneContext) -> PaneResponse { .ignored }
    public func scroll(down: Bool) {}
}

/// Text helpers the panes share.
enum Describe {
    static func victim(_ r: Referral) -> String { r.details.victim.name }

    static func risk(_ details: ReferralDetails, in state: MARACState) -> String {
        guard let (score, tool) = state.riskScore(of: details) else { return "-" }
        let short = tool.key == RiskTool.dashRIC.key ? "DASH" : tool.name
        return "\(short) \(score)"
    }

    static func agencyName(_ id: AgencyID, in state: MARACState) -> String {
        state.agency(id)?.name ?? id.description
    }

    static func age(_ person: Person, on day: Day) -> String {
        person.age(on: day).map { "\($0)" } ?? "?"
    }

    static func percent(_ rate: Double?) -> String {
        rate.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"
    }
}
