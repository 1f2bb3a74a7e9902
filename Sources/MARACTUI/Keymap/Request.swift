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
    case tag
    case sort
    case search
    case searchNext
    case searchPrevious
    case palette
    case undo

    /// The request's name on the command line (`:agenda`), or nil for plain movement keys.
    public var paletteName: String? {
        switch self {
        case .quit: "quit"
        case .help: "help"
        case .showReferrals: "referrals"
        case .showCase: "case"
        case .showAgenda: "agenda"
        case .showActions: "actions"
        case .nextPane: "pane next"
        case .previousPane: "pane previous"
        case .top: "top"
        case .bottom: "bottom"
        case .open: "open"
        case .back: "back"
        case .previousMeeting: "meeting previous"
        case .nextMeeting: "meeting next"
        case .cycleFilter: "filter"
        case .presentationMode: "presentation"
        case .reveal: "reveal"
        case .tag: "tag"
        case .sort: "sort"
        case .search: "search"
        case .undo: "undo"
        case .moveDown, .moveUp, .pageDown, .pageUp, .cancel, .searchNext, .searchPrevious, .palette: nil
        }
    }

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
        case .tag: "tag or untag the row (bulk actions apply to tagged rows)"
        case .sort: "sort by the next column (ascending, descending, then as usual)"
        case .search: "search the rows as you type"
        case .searchNext: "next match"
        case .searchPrevious: "previous match"
        case .palette: "command line: every action by name, with completion"
        case .undo: "undo your last change (by a correcting entry; nothing is deleted)"
        }
    }
}
