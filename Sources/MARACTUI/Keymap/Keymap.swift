/// Where a binding applies: everywhere, or only in some panes.
public enum KeyContext: String, CaseIterable, Sendable {
    case global
    case list
    case referrals
    case caseView
    case agenda
    case actions
    case meeting
    case meetingAttendance
    case meetingOutstanding
    case meetingCase

    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .list: "Lists"
        case .referrals: "Referral queue"
        case .caseView: "Case view"
        case .agenda: "Meeting agenda"
        case .actions: "Action tracker"
        case .meeting: "During a meeting"
        case .meetingAttendance: "Meeting: attendance"
        case .meetingOutstanding: "Meeting: outstanding actions"
        case .meetingCase: "Meeting: a case"
        }
    }
}

public struct Binding: Sendable {
    public var keys: [Key]
    public var request: Request
    public var context: KeyContext
}

/// The one table of key bindings. The help screen (and Docs/keys.md, checked by a test) are
/// generated from it, so they cannot drift from what the keys do.
public struct Keymap: Sendable {
    public var bindings: [Binding]

    public static let standard = Keymap(bindings: [
        Binding(keys: [.character("q")], request: .quit, context: .global),
        Binding(keys: [.character("?"), .function(1)], request: .help, context: .global),
        Binding(keys: [.character("1")], request: .showReferrals, context: .global),
        Binding(keys: [.character("2")], request: .showCase, context: .global),
        Binding(keys: [.character("3")], request: .showAgenda, context: .global),
        Binding(keys: [.character("4")], request: .showActions, context: .global),
        Binding(keys: [.tab], request: .nextPane, context: .global),
        Binding(keys: [.backTab], request: .previousPane, context: .global),
        Binding(keys: [.escape], request: .cancel, context: .global),
        Binding(keys: [.character("P")], request: .presentationMode, context: .global),
        Binding(keys: [.character(":")], request: .palette, context: .global),
        Binding(keys: [.character("u")], request: .undo, context: .global),
        Binding(keys: [.character("j"), .down], request: .moveDown, context: .list),
        Binding(keys: [.character("k"), .up], request: .moveUp, context: .list),
        Binding(keys: [.control("f")], request: .find, context: .global),
        Binding(keys: [.control("r")], request: .redo, context: .global),
        Binding(keys: [.character("e")], request: .edit, context: .referrals),
        Binding(keys: [.character("e")], request: .edit, context: .actions),
        Binding(keys: [.character("e")], request: .edit, context: .caseView),
        Binding(keys: [.character("c")], request: .comment, context: .actions),
        Binding(keys: [.pageDown, .control("d")], request: .pageDown, context: .list),
        Binding(keys: [.pageUp, .control("b"), .control("u")], request: .pageUp, context: .list),
        Binding(keys: [.character("g"), .home], request: .top, context: .list),
        Binding(keys: [.character("G"), .end], request: .bottom, context: .list),
        Binding(keys: [.enter], request: .open, context: .list),
        Binding(keys: [.character(" ")], request: .tag, context: .list),
        Binding(keys: [.character("s")], request: .sort, context: .list),
        Binding(keys: [.character("/")], request: .search, context: .list),
        Binding(keys: [.character("n")], request: .searchNext, context: .list),
        Binding(keys: [.character("N")], request: .searchPrevious, context: .list),
        Binding(keys: [.backspace, .character("h"), .left], request: .back, context: .caseView),
        Binding(keys: [.character("r")], request: .reveal, context: .caseView),
        Binding(keys: [.character("["), .character("<")], request: .previousMeeting, context: .agenda),
        Binding(keys: [.character("]"), .character(">")], request: .nextMeeting, context: .agenda),
        Binding(keys: [.character("A")], request: .attention, context: .global),
        Binding(keys: [.character("n")], request: .newReferral, context: .referrals),
        Binding(keys: [.character("a")], request: .acceptReferral, context: .referrals),
        Binding(keys: [.character("r")], request: .returnReferral, context: .referrals),
        Binding(keys: [.character("x")], request: .declineReferral, context: .referrals),
        Binding(keys: [.character("t")], request: .transferReferral, context: .referrals),
        Binding(keys: [.character("l")], request: .linkRepeat, context: .referrals),
        Binding(keys: [.character("+")], request: .addToCase, context: .referrals),
        Binding(keys: [.function(3)], request: .searchNext, context: .referrals),
        Binding(keys: [.character("S")], request: .scheduleMeeting, context: .agenda),
        Binding(keys: [.character("F")], request: .freezeCaseList, context: .agenda),
        Binding(keys: [.character("R")], request: .researchReturn, context: .agenda),
        Binding(keys: [.character("K")], request: .moveCaseUp, context: .agenda),
        Binding(keys: [.character("J")], request: .moveCaseDown, context: .agenda),
        Binding(keys: [.character("o")], request: .addOtherBusiness, context: .agenda),
        Binding(keys: [.character("M")], request: .startMeeting, context: .agenda),
        Binding(keys: [.character("n"), .function(5)], request: .nextStep, context: .meeting),
        Binding(keys: [.character("E")], request: .endMeeting, context: .meeting),
        Binding(keys: [.character("o")], request: .addOtherBusiness, context: .meeting),
        Binding(keys: [.character("p")], request: .markPresent, context: .meetingAttendance),
        Binding(keys: [.character("a")], request: .markApologiesSent, context: .meetingAttendance),
        Binding(keys: [.character("A")], request: .markApologiesNotSent, context: .meetingAttendance),
        Binding(keys: [.character("x")], request: .markAbsent, context: .meetingAttendance),
        Binding(keys: [.character("O")], request: .addObserver, context: .meetingAttendance),
        Binding(keys: [.character("d")], request: .actionDone, context: .meetingOutstanding),
        Binding(keys: [.character("p")], request: .actionNotPossible, context: .meetingOutstanding),
        Binding(keys: [.character("x")], request: .actionNotDone, context: .meetingOutstanding),
        Binding(keys: [.character("f")], request: .carryForward, context: .meetingOutstanding),
        Binding(keys: [.character("y")], request: .confirmReport, context: .meetingOutstanding),
        Binding(keys: [.character("r")], request: .rejectReport, context: .meetingOutstanding),
        Binding(keys: [.character("a")], request: .allOutstanding, context: .meetingOutstanding),
        Binding(keys: [.character("i")], request: .shareInformation, context: .meetingCase),
        Binding(keys: [.character("r")], request: .identifyRisk, context: .meetingCase),
        Binding(keys: [.character("c")], request: .recordCrimeDisclosed, context: .meetingCase),
        Binding(keys: [.character("t")], request: .recordOutcomeTeller, context: .meetingCase),
        Binding(keys: [.character("a")], request: .agreeAction, context: .meetingCase),
        Binding(keys: [.character("f")], request: .cycleFilter, context: .actions),
        Binding(keys: [.character("F")], request: .filterActions, context: .actions),
        Binding(keys: [.character("v")], request: .groupByAgency, context: .actions),
        Binding(keys: [.character("d")], request: .actionDone, context: .actions),
        Binding(keys: [.character("p")], request: .actionNotPossible, context: .actions),
        Binding(keys: [.character("x")], request: .actionNotDone, context: .actions),
        Binding(keys: [.character("o")], request: .actionReopen, context: .actions),
        Binding(keys: [.character("C")], request: .carryForward, context: .actions),
        Binding(keys: [.character("y")], request: .confirmReport, context: .actions),
        Binding(keys: [.character("r")], request: .rejectReport, context: .actions),
    ])

    /// The request a key makes in the given contexts; the first context listed wins, so a pane
    /// can claim a key before the global bindings do.
    public func request(for key: Key, in contexts: [KeyContext]) -> Request? {
        for context in contexts {
            if let b = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return b.request }
        }
        return nil
    }

    /// Bindings grouped by context, for the help screen.
    public var sections: [(context: KeyContext, bindings: [Binding])] {
        KeyContext.allCases.compactMap { context in
            let list = bindings.filter { $0.context == context }
            return list.isEmpty ? nil : (context, list)
        }
    }
}
