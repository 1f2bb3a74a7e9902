import Foundation
import MARACCore
import MARACStore
import MARACTUI

/// The figures for one scale.
struct ScaleResult {
    var cases: Int
    var events: Int
    var tailEvents: Int
    var buildSeconds: Double
    var openMilliseconds: Double
    /// From the process's start to the first screen drawn (the attention screen), less the
    /// key's derivation from the passphrase: what a person waits for after typing it.
    var firstScreenMilliseconds: Double
    var unlockMilliseconds: Double
    var appendP50: Double
    var appendP99: Double
    /// Saves by a screen that locks per change (issue 23): alone, and with two other
    /// processes saving at the same pace at once. p50 and p99 each.
    var sharedOne: (Double, Double) = (0, 0)
    var sharedThree: (Double, Double) = (0, 0)
    var fdatasyncP50: Double
    var keystrokeP99: [String: Double]
    var peakResidentMB: Double
    var storeBytes: Int
    /// Every key of the keymap on each pane, as the screen handles and draws it (``ScreenKeys``).
    var screenKeys: [ScreenKeys.Path] = []

    static let paths = ["triage", "agenda", "overdue", "search", "pane_switch", "render", "trends_open", "trends_key"]

    var json: [String: Any] {
        [
            "cases": cases, "events": events, "log_tail_events": tailEvents,
            "open_ms": round3(openMilliseconds), "first_screen_ms": round3(firstScreenMilliseconds), "unlock_ms": round3(unlockMilliseconds), "append_p50_ms": round3(appendP50), "append_p99_ms": round3(appendP99),
            "fdatasync_p50_ms": round3(fdatasyncP50),
            "shared_append_one_writer_ms": ["p50": round3(sharedOne.0), "p99": round3(sharedOne.1)],
            "shared_append_three_writers_ms": ["p50": round3(sharedThree.0), "p99": round3(sharedThree.1)],
            "keystroke_p99_ms": keystrokeP99.mapValues(round3),
            "peak_rss_mb": round3(peakResidentMB), "store_bytes": storeBytes, "build_s": round3(buildSeconds),
            "screen_keys_ms": Dictionary(uniqueKeysWithValues: screenKeys.map { ($0.name, ["p50": round3($0.p50), "p99": round3($0.p99), "presses": Double($0.presses)]) }),
        ]
    }
}

func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func percentile(_ samples: [Double], _ p: Double) -> Double {
    guard !samples.isEmpty else { return 0 }
    let sorted = samples.sorted()
    let i = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
    return sorted[i]
}

struct Measure {
    let cases: Int
    let directory: String
    let opens: Int

    /// Only build the store and time its cold opens and first screens (`--opens-only`).
    var opensOnly = false

    func run() throws -> ScaleResult {
        let built = try BenchStore.build(cases: cases, in: directory)
        let (openMs, unlockMs, peakKB, firstScreenMs) = try coldOpens()
        if opensOnly {
            return ScaleResult(cases: built.cases, events: built.events, tailEvents: built.tailEvents, buildSeconds: built.seconds,
                               openMilliseconds: openMs, firstScreenMilliseconds: firstScreenMs, unlockMilliseconds: unlockMs,
                               appendP50: 0, appendP99: 0, fdatasyncP50: 0, keystrokeP99: [:], peakResidentMB: Double(peakKB) / 1024,
                               storeBytes: BenchStore.size(of: directory))
        }
        let store = try BenchStore.open(directory, mode: .write(waitSeconds: 0))
        defer { store.close() }
        let (appendP50, appendP99) = try appendLatency(store)
        let floor = try fdatasyncFloor()
        let keystrokes = keystrokePaths(store)
        // Fewer presses of each key at the larger scales, where one slow key costs seconds.
        let screenKeys = ScreenKeys(state: try Self.stateOwnedByTheScreen(directory), actor: store.actor, today: BenchStore.today,
                                    repeats: cases >= 10_000 ? 12 : 20).run()
        store.close()
        let sharedOne = try sharedAppendLatency(otherWriters: 0)
        let sharedThree = try sharedAppendLatency(otherWriters: 2)
        return ScaleResult(cases: built.cases, events: built.events, tailEvents: built.tailEvents, buildSeconds: built.seconds,
                           openMilliseconds: openMs, firstScreenMilliseconds: firstScreenMs, unlockMilliseconds: unlockMs, appendP50: appendP50, appendP99: appendP99,
                           sharedOne: sharedOne, sharedThree: sharedThree, fdatasyncP50: floor,
                           keystrokeP99: keystrokes, peakResidentMB: Double(peakKB) / 1024,
                           storeBytes: BenchStore.size(of: directory), screenKeys: screenKeys)
    }

    /// The store's state read again, with no other holder once the reading store is let go:
    /// the screen's, as in `marac`, where the screen's state is its store's and no one else's.
    static func stateOwnedByTheScreen(_ directory: String) throws -> MARACState {
        var reader: Store? = try BenchStore.open(directory)
        defer { reader = nil }
        return reader!.state
    }

    /// Saves through ``Store/save(deciding:)`` as a screen makes them (lock, catch up, decide,
    /// append, flush, unlock), 2 ms apart, while `otherWriters` processes do the same.
    func sharedAppendLatency(otherWriters: Int) throws -> (Double, Double) {
        let count = 300
        let others = try (0..<otherWriters).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0].hasPrefix("/")
                ? CommandLine.arguments[0] : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0])
            process.arguments = ["write-shared", directory, "\(count)"]
            try process.run()
            return process
        }
        let samples = try SharedWriter.save(in: directory, count: count)
        for process in others {
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw ValidationErrorText("a concurrent writer failed") }
        }
        return (percentile(samples, 0.5), percentile(samples, 0.99))
    }

    /// Opens the store in fresh processes: snapshot load, decryption, decoding, and replay of
    /// the log tail (and, reported apart, the key derivation from the passphrase, which costs
    /// the same at every size). Medians, and the peak memory of the largest.
    func coldOpens() throws -> (Double, Double, Int, Double) {
        var times: [Double] = []
        var unlocks: [Double] = []
        var firstScreens: [Double] = []
        var summaryMissing = false
        var peak = 0
        for _ in 0..<max(1, opens) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0].hasPrefix("/")
                ? CommandLine.arguments[0] : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0])
            let pipe = Pipe()
            process.standardOutput = pipe
            process.arguments = ["open-once", directory, "--spawned-at", String(DispatchTime.now().uptimeNanoseconds)]
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
            guard process.terminationStatus == 0, fields.count >= 6, let ms = Double(fields[0]), let kb = Int(fields[1]),
                  let unlock = Double(fields[2]), let first = Double(fields[4]) else {
                throw ValidationErrorText("the cold open failed: \(String(decoding: data, as: UTF8.self))")
            }
            if fields[5].hasPrefix("0") { summaryMissing = true }
            times.append(ms)
            firstScreens.append(first)
            unlocks.append(unlock)
            peak = max(peak, kb)
        }
        if summaryMissing { print("note: the store had no current opening summary; the first screen waited for the whole store") }
        return (percentile(times, 0.5), percentile(unlocks, 0.5), peak, percentile(firstScreens, 0.5))
    }

    /// Acknowledged appends of a small change (a case opened on screen: the commonest write).
    func appendLatency(_ store: Store) throws -> (Double, Double) {
        let context = DecisionContext(actor: store.actor, now: Instant.noon(of: BenchStore.today), today: BenchStore.today)
        var samples: [Double] = []
        let caseCount = store.state.cases.count
        for i in 0..<1000 {
            let change = try store.state.change(for: .recordCaseViewed(CaseID(i % caseCount + 1)), context: context)
            samples.append(try milliseconds { try store.append(change) })
        }
        return (percentile(samples, 0.5), percentile(samples, 0.99))
    }

    /// The physical floor: writing the same number of bytes and fdatasync, on the same disk.
    func fdatasyncFloor() throws -> Double {
        let path = directory + "/floor.tmp"
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ValidationErrorText("cannot write in \(directory)") }
        defer { close(fd); unlink(path) }
        let record = [UInt8](repeating: 0x5A, count: 130)
        var samples: [Double] = []
        for _ in 0..<1000 {
            samples.append(milliseconds {
                _ = record.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                fdatasync(fd)
            })
        }
        return percentile(samples, 0.5)
    }

    /// The work behind keystrokes, on the opened state, each timed many times.
    func keystrokePaths(_ store: Store) -> [String: Double] {
        let state = store.state
        let today = BenchStore.today
        let repeats = 100
        var results: [String: Double] = [:]
        func time(_ name: String, _ body: () -> Void) {
            body()  // warm
            results[name] = percentile((0..<repeats).map { _ in milliseconds(body) }, 0.99)
        }
        time("triage") { _ = state.triageQueue() }
        let next = state.nextMeeting(onOrAfter: today)?.id ?? MeetingID(1)
        time("agenda") { _ = state.agenda(for: next) }
        time("overdue") { _ = state.overdueActionsByAgency(on: today) }
        // Typing "a", "as", "ash": one search a keystroke.
        let prefixes = ["a", "as", "ash"]
        var i = 0
        time("search") {
            _ = state.searchReferrals(prefixes[i % 3])
            i += 1
        }
        // The screen: a session on the state in memory, drawn at 120x40.
        let connection = MemoryConnection(state: state, name: "bench")
        let session = Session(actor: store.actor, connection: connection, clock: .fixed(today))
        let app = App(session: session)
        let terminal = MemoryTerminal(rows: 40, columns: 120)
        let loop = RunLoop(terminal: terminal, app: app)
        loop.draw()
        let keys: [Key] = [.character("1"), .character("3"), .character("4"), .character("1")]
        var k = 0
        time("pane_switch") {
            terminal.send(keys: [keys[k % keys.count]])
            loop.processPendingEvents()
            k += 1
        }
        var pane = 0
        time("render") {
            // A full render of a pane whose rows must be recomputed (the state changed).
            app.show(PaneKind.allCases[pane % 4] == .caseView ? .referrals : PaneKind.allCases[pane % 4])
            app.stateChanged()
            loop.invalidate()
            loop.draw()
            pane += 1
        }
        // The trends screen: opened from the command line (every figure over eight quarters and
        // every agency computed), then a key that moves to the next figure on it.
        let command: [Key] = [.character(":")] + "trends".map { Key.character($0) }
        // The command typed and the screen closed again, untimed; the Enter that opens it, timed.
        func typeCommand() {
            terminal.send(keys: [.escape] + command)
            loop.processPendingEvents()
        }
        var opens: [Double] = []
        for _ in 0..<repeats {
            typeCommand()
            opens.append(milliseconds {
                terminal.send(keys: [.enter])
                loop.processPendingEvents()
            })
        }
        results["trends_open"] = percentile(opens, 0.99)
        terminal.send(keys: [.enter])
        loop.processPendingEvents()
        var down = true
        time("trends_key") {
            terminal.send(keys: [down ? .down : .up])
            loop.processPendingEvents()
            down.toggle()
        }
        return results
    }
}

struct ValidationErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ text: String) { description = text }
}
