/// Where a binding applies: everywhere, or only in some panes.
public enum KeyContext: String, CaseIterable, Sendable {
    case global
    case list
    case referrals
    case caseView
    case agenda
    case actions

    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .list: "Lists"
        case .referrals: "Referral queue"
        case .caseView: "Case view"
        case .agenda: "Meeting agenda"
        case .actions: "Action tracker"
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
        Binding(keys: [.pageDown, .control("f")], request: .pageDown, context: .list),
        Binding(keys: [.pageUp, .control("b")], request: .pageUp, context: .list),
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
        Binding(keys: [.character("f")], request: .cycleFilter, context: .actions),
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
