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
    case attention
    case quarterlyReturn
    case trends
    case find
    case redo

    // Corrections
    case edit
    case comment
    case recordedInError

    // Triage (referral queue)
    case newReferral
    case acceptReferral
    case returnReferral
    case declineReferral
    case transferReferral
    case linkRepeat
    case addToCase

    // Before the meeting (agenda)
    case scheduleMeeting
    case freezeCaseList
    case researchReturn
    case moveCaseUp
    case moveCaseDown
    case addOtherBusiness
    case startMeeting

    // During the meeting
    case nextStep
    case endMeeting
    case markPresent
    case markApologiesSent
    case markApologiesNotSent
    case markAbsent
    case addObserver
    case shareInformation
    case identifyRisk
    case recordCrimeDisclosed
    case recordOutcomeTeller
    case agreeAction

    // Following up actions
    case actionDone
    case actionNotPossible
    case actionNotDone
    case actionReopen
    case carryForward
    case confirmReport
    case rejectReport
    case allOutstanding
    case filterActions
    case groupByAgency

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
        case .cycleFilter: "filter next"
        case .presentationMode: "presentation"
        case .reveal: "reveal"
        case .tag: "tag"
        case .sort: "sort"
        case .search: "search"
        case .undo: "undo"
        case .attention: "attention"
        case .quarterlyReturn: "quarterly"
        case .trends: "trends"
        case .find: "find"
        case .redo: "redo"
        case .edit: "edit"
        case .comment: "note"
        case .recordedInError: "error"
        case .newReferral: "referral new"
        case .acceptReferral: "accept"
        case .returnReferral: "return"
        case .declineReferral: "decline"
        case .transferReferral: "transfer"
        case .linkRepeat: "link"
        case .addToCase: "add to case"
        case .scheduleMeeting: "meeting schedule"
        case .freezeCaseList: "freeze"
        case .researchReturn: "research"
        case .moveCaseUp: "move up"
        case .moveCaseDown: "move down"
        case .addOtherBusiness: "aob"
        case .startMeeting: "meeting start"
        case .nextStep: "next"
        case .endMeeting: "meeting end"
        case .markPresent: "present"
        case .markApologiesSent: "apologies"
        case .markApologiesNotSent: "apologies no information"
        case .markAbsent: "absent"
        case .addObserver: "observer"
        case .shareInformation: "info"
        case .identifyRisk: "risk"
        case .recordCrimeDisclosed: "crime"
        case .recordOutcomeTeller: "tells"
        case .agreeAction: "action"
        case .actionDone: "done"
        case .actionNotPossible: "not possible"
        case .actionNotDone: "not done"
        case .actionReopen: "reopen"
        case .carryForward: "carry"
        case .confirmReport: "confirm"
        case .rejectReport: "reject"
        case .allOutstanding: "outstanding all"
        case .filterActions: "filter"
        case .groupByAgency: "by agency"
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
        case .attention: "what needs attention now (shown on opening)"
        case .quarterlyReturn: "the quarterly data return, the last four quarters side by side"
        case .trends: "trends: each figure of the return over eight quarters against its expected range, and the agencies' records"
        case .find: "find anyone: a name (any order, one letter out), date of birth, reference or id"
        case .redo: "redo what u undid"
        case .edit: "edit the selected record (:edit action A-0042, :edit referral R-0042, :edit attendance police)"
        case .comment: "add a progress note to the action, its status unchanged"
        case .recordedInError: "mark recorded in error, with a reason (:error action A-0042, :error info 2, :error observer 1, :error note 3)"
        case .newReferral: "enter a new referral (the DASH checklist follows)"
        case .acceptReferral: "accept the referral onto a meeting (the next one unless you choose)"
        case .returnReferral: "return the referral for more information"
        case .declineReferral: "not eligible: decline the referral with a reason"
        case .transferReferral: "transfer the referral out to another MARAC"
        case .linkRepeat: "link the referral to an earlier case as a repeat (or unlink)"
        case .addToCase: "add the referral to its victim's case not yet heard, as a further incident"
        case .scheduleMeeting: "schedule a meeting"
        case .freezeCaseList: "freeze the case list (at the cut-off) for circulation"
        case .researchReturn: "tick off an agency's research return for the case"
        case .moveCaseUp: "move the case earlier in the agenda"
        case .moveCaseDown: "move the case later in the agenda"
        case .addOtherBusiness: "add an item of any other business"
        case .startMeeting: "start the meeting: attendance, statement, actions, cases"
        case .nextStep: "go on to the next step or case"
        case .endMeeting: "end the meeting and see its minutes"
        case .markPresent: "agency present (with its representative)"
        case .markApologiesSent: "apologies, information sent"
        case .markApologiesNotSent: "apologies, no information sent"
        case .markAbsent: "agency absent"
        case .addObserver: "add an observer (and whether they signed the statement)"
        case .shareInformation: "record information an agency shares"
        case .identifyRisk: "record a risk the chair sums up"
        case .recordCrimeDisclosed: "record a crime disclosed in the discussion, for the police"
        case .recordOutcomeTeller: "record who tells the victim the outcome (the referrer or the IDVA)"
        case .agreeAction: "agree an action: agency, owner, description, due date (+14d)"
        case .actionDone: "mark the action done (with a note)"
        case .actionNotPossible: "mark the action not possible: circumstances changed (with a note)"
        case .actionNotDone: "mark the action not done by the agency (with a note)"
        case .actionReopen: "reopen a closed action (with a note)"
        case .carryForward: "carry the open action to the next meeting: new due date, reason kept"
        case .confirmReport: "confirm what the agency reported (imported): it becomes the status, dated the day reported"
        case .rejectReport: "reject what the agency reported (imported), with the reason; the status stays"
        case .allOutstanding: "all open actions from earlier meetings, or only those to review"
        case .filterActions: "filter actions: agency, status, meeting, case, due (or clear)"
        case .groupByAgency: "switch between the list and the view by agency"
        }
    }
}
