import Foundation
import MARACCore
import MARACTUI

/// Every key of the keymap as a person presses it, on the real screen: the App on the opened
/// state, in memory at 120x40, each key sent through the terminal, handled by the keymap's route
/// and drawn, timed from the key to the frame. The keys come from `Keymap.standard`, so a key
/// bound later is measured without anyone listing it here; what a key opens (a form, a question,
/// the help) is closed with Esc between presses, untimed. Search and find are timed letter by
/// letter as typed; the case view on the case with the most actions; the trends screen on open,
/// and its agencies (Tab).
struct ScreenKeys {
    /// The screen's store in memory. It holds the only copy of the state, as `marac`'s store
    /// does: a second holder (the benchmark's own open store, or this type keeping the state it
    /// was given) would make the first change of each list copy the whole list, a cost no
    /// screen pays (it was the one slow press of `l` on the queue, 17–51 ms).
    let connection: MemoryConnection
    let actor: Actor
    let today: Day
    let repeats: Int

    init(state: consuming MARACState, actor: Actor, today: Day, repeats: Int) {
        connection = MemoryConnection(state: state, name: "bench")
        self.actor = actor
        self.today = today
        self.repeats = repeats
    }

    struct Path {
        var name: String
        var p50: Double
        var p99: Double
        /// How many presses were timed.
        var presses: Int
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
            paths.append(Path(name: name, p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), presses: samples.count))
        }
        // The case view shows the case with the most actions, found by its number with Ctrl-F
        // as a person would find it (the longest case view to lay out and scroll).
        let busiest: CaseID = {
            let state = connection.state
            var counts: [Int32: Int] = [:]
            for i in state.actions.indices { counts[state.actions[i].caseID.number, default: 0] += 1 }
            return CaseID(counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? 1)
        }()
        press([.control("f")] + busiest.description.map { Key.character($0) } + [.enter])
        if app.current != .caseView { press([.character("4"), .enter]) }
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
        // Then Tab, timed: the agencies' records, made when they are first shown.
        var samples: [Double] = [], agencies: [Double] = []
        for _ in 0..<repeats {
            settle(on: Self.panes[0])
            press([.character(":")] + "trends".map { Key.character($0) })
            samples.append(time([.enter]))
            agencies.append(time([.tab]))
        }
        record("trends open", samples)
        record("trends Tab agencies", agencies)
        settle(on: Self.panes[0])
        meeting(press: press, time: time, settle: { settle(on: Self.panes[2]) }, record: record, app: app, terminal: terminal)
        return paths
    }

    /// Requests not pressed during the meeting: ending it (the rest would have no meeting) and
    /// going on, which is timed on its own as the walk through the cases.
    static let notPressedInMeeting: Set<Request> = [.endMeeting, .nextStep]

    /// The live meeting: the next scheduled meeting started (untimed), then every key of each
    /// step's contexts on its attendance, its outstanding actions and its first case, and `n`
    /// through the whole walk, case by case.
    func meeting(press: ([Key]) -> Void, time: ([Key]) -> Double, settle: () -> Void,
                 record: (String, [Double]) -> Void, app: App, terminal: MemoryTerminal) {
        guard let next = connection.state.nextMeeting(onOrAfter: today) else { return }
        settle()
        press([.character(":")] + "meeting start \(next.id)".map { Key.character($0) } + [.enter])
        press([.character("y")])
        guard terminal.screen.contains("1. Attendance") else { return }
        func keys(of contexts: [KeyContext], step: String) {
            var seen: Set<String> = []
            for context in contexts {
                for binding in Keymap.standard.bindings where binding.context == context && !Self.notPressedInMeeting.contains(binding.request) {
                    let key = binding.keys[0]
                    guard seen.insert(key.description).inserted else { continue }
                    var samples: [Double] = []
                    for _ in 0..<max(1, repeats / 2) {
                        settle()
                        samples.append(time([key]))
                    }
                    record("meeting \(step) \(key.description) \(binding.request.rawValue)", samples)
                }
            }
            settle()
        }
        var walk: [Double] = []
        keys(of: [.meetingAttendance, .meeting], step: "attendance")
        walk.append(time([.character("n")]))  // to the statement
        walk.append(time([.character("n")]))  // read: the outstanding actions, or the first case
        if terminal.screen.contains("Outstanding actions from earlier meetings") {
            keys(of: [.meetingOutstanding, .meeting], step: "outstanding")
            walk.append(time([.character("n")]))
        }
        keys(of: [.meetingCase, .meeting], step: "case")
        // The rest of the cases, one `n` each, until every case is heard.
        for _ in 0..<200 {
            settle()
            walk.append(time([.character("n")]))
            if terminal.screen.contains("Every case has been heard") { break }
        }
        record("meeting walk n nextStep", walk)
    }
}
