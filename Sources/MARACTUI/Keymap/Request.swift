/// Something the user asks the screen to do, by name. Keys map to requests (never straight to
/// code), so one table gives the bindings, the help screen and the docs.
public enum Request: String, CaseIterable, Sendable {
    case quit
    case help
    case showReferrals
    case showCase
    case showAgenda
    case showActions
    case nextPane
    case previousPane
    case moveDown
    case moveUp
    case pageDown
    case pageUp
    case top
    case bottom
    case open
    case back
    case previousMeeting
    case nextMeeting
    case cycleFilter
    case cancel
    case presentationMode
    case reveal

    /// What the help screen says the request does.
    public var help: String {
        switch self {
        case .quit: "quit marac (everything is already saved)"
        case .help: "show or hide this help"
        case .showReferrals: "referral queue"
        case .showCase: "case view"
        case .showAgenda: "meeting agenda"
        case .showActions: "action tracker"
        case .nextPane: "next pane"
        case .previousPane: "previous pane"
        case .moveDown: "move down"
        case .moveUp: "move up"
        case .pageDown: "page down"
        case .pageUp: "page up"
        case .top: "go to the top"
        case .bottom: "go to the bottom"
        case .open: "open the selected case in the case view"
        case .back: "go back to the pane you came from"
        case .previousMeeting: "previous meeting"
        case .nextMeeting: "next meeting"
        case .cycleFilter: "change the filter (open, overdue, all)"
        case .cancel: "close help, clear the message"
        case .presentationMode: "presentation mode: hide addresses, phone numbers and dates of birth"
        case .reveal: "show the hidden details of this case until you leave it"
        }
    }
}
