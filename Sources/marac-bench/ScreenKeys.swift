import Foundation
import MARACCore
import MARACTUI

/// Every key of the keymap as a person presses it, on the real screen: the App on the opened
/// state, in memory at 120x40, each key sent through the terminal, handled by the keymap's route
/// and drawn, timed from the key to the frame. The keys come from `Keymap.standard`, so a key
/// bound later is measured without anyone listing it here; what a key opens (a form, a question,
/// the help) is closed with Esc between presses, untimed. Search and find are timed letter by
/// letter as typed; the trends screen on open.
struct ScreenKeys {
    let state: MARACState
    let actor: Actor
    let today: Day
    let repeats: Int

    struct Path {
        var name: String
        var p50: Double
        var p99: Double
    }

    /// The panes a key is measured on, with the key that shows each and the contexts its
    /// bindings come from (the meeting's own contexts need a meeting in progress and are not
    /// measured here yet).
    static let panes: [(pane: PaneKind, key: Key, contexts: [KeyContext])] = [
        (.referrals, .character("1"), [.referrals, .list, .global]),
        (.caseView, .character("2"), [.caseView, .global]),
        (.agenda, .character("3"), [.agenda, .list, .global]),
        (.actions, .character("4"), [.actions, .list, .global]),
    ]

    /// Requests not pressed: quitting ends the app.
    static let skipped: Set<Request> = [.quit]

    func run() -> [Path] {
        let connection = MemoryConnection(state: state, name: "bench")
        let session = Session(actor: actor, connection: connection, clock: .fixed(today))
        let app = App(session: session)
        let terminal = MemoryTerminal(rows: 40, columns: 120)
        let loop = RunLoop(terminal: terminal, app: app)
        loop.draw()
        func press(_ keys: [Key]) {
            terminal.send(keys: keys)
            loop.processPendingEvents()
        }
        func time(_ keys: [Key]) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            press(keys)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        }
        /// Back to the pane with nothing over it.
        func settle(on pane: (pane: PaneKind, key: Key, contexts: [KeyContext])) {
            for _ in 0..<4 where app.overlay != nil { press([.escape]) }
            if app.current != pane.pane { press([pane.key]) }
        }
        var paths: [Path] = []
        func record(_ name: String, _ samples: [Double]) {
            paths.append(Path(name: name, p50: percentile(samples, 0.5), p99: percentile(samples, 0.99)))
        }
        // A case in the case view: the first action's, opened from the tracker.
        press([.character("4"), .enter])
        for pane in Self.panes {
            settle(on: pane)
            var seen: Set<String> = []
            for context in pane.contexts {
                for binding in Keymap.standard.bindings where binding.context == context && !Self.skipped.contains(binding.request) {
                    let key = binding.keys[0]
                    // A key bound in the pane's own context hides the same key's global binding.
                    guard seen.insert(key.description).inserted else { continue }
                    var samples: [Double] = []
                    for _ in 0..<repeats {
                        settle(on: pane)
                        samples.append(time([key]))
                    }
                    record("\(pane.pane) \(key.description) \(binding.request.rawValue)", samples)
                }
            }
            if pane.contexts.contains(.list) {
                for (opener, label) in [(Key.character("/"), "search"), (.control("f"), "find")] {
                    var samples: [Double] = []
                    for _ in 0..<max(1, repeats / 3) {
                        settle(on: pane)
                        press([opener])
                        for letter in "ash" { samples.append(time([.character(letter)])) }
                    }
                    record("\(pane.pane) \(label) letter", samples)
                }
            }
        }
        // `:trends` typed (each letter a key of the command line, untimed), then the Enter that
        // opens it, timed.
        var samples: [Double] = []
        for _ in 0..<repeats {
            settle(on: Self.panes[0])
            press([.character(":")] + "trends".map { Key.character($0) })
            samples.append(time([.enter]))
        }
        record("trends open", samples)
        settle(on: Self.panes[0])
        return paths
    }
}
