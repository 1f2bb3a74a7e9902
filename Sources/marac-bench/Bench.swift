import ArgumentParser
import Foundation
import MARACCore
import MARACStore
import MARACTUI

/// How marac's costs grow with the size of a store: builds deterministic synthetic stores
/// through the core's commands and measures opening, appending, the keystroke paths and memory.
/// Run it as `swift run -c release marac-bench`; the figures are in Docs/performance.md.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marac-bench",
        abstract: "Measure marac at several store sizes.",
        subcommands: [Run.self, OpenOnce.self, WriteShared.self],
        defaultSubcommand: Run.self)

    static func main() {
        HugePages.preferForThisProcess()
        main(nil)
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Build stores and measure them (the default).")

    @Option(name: .long, help: "The scales to run, in cases, comma separated.")
    var cases: String = "1000,30000,300000"

    @Option(name: .long, help: "Also write the figures as JSON to this file.")
    var json: String?

    @Option(name: .long, help: "Where to build the stores (default: the temporary folder); they are removed afterwards.")
    var workdir: String?

    @Option(name: .long, help: "Cold opens to time at each scale (the median is reported).")
    var opens: Int = 5

    @Flag(name: .long, help: "Keep the stores built (for profiling with open-once).")
    var keep = false

    @Flag(name: .customLong("opens-only"), help: "Only build each store and time its cold opens and first screen (the largest scales, quickly).")
    var opensOnly = false

    func run() throws {
        let scales = cases.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !scales.isEmpty, scales.allSatisfy({ $0 > 0 }) else { throw ValidationError("--cases takes numbers like 1000,30000") }
        let base = workdir ?? NSTemporaryDirectory()
        var results: [ScaleResult] = []
        printHeader()
        for n in scales {
            let dir = base + "/marac-bench-\(n)-\(getpid())"
            try? FileManager.default.removeItem(atPath: dir)
            defer { if !keep { try? FileManager.default.removeItem(atPath: dir) } }
            let result = try Measure(cases: n, directory: dir, opens: opens, opensOnly: opensOnly).run()
            results.append(result)
            printRow(result)
        }
        if let json {
            let data = try JSONSerialization.data(withJSONObject: ["scales": results.map(\.json)], options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: json))
            print("Wrote \(json)")
        }
        printGrowth(results)
    }
}

/// Opens a store once, in a fresh process, and prints how long it took and the peak memory:
/// the parent times cold opens this way, so nothing of its own warms them. It opens as the screen
/// does: the key slot unlocked, then the store read on another thread while the first screen is
/// drawn from the opening summary beside it (or, without one that is current, from the store
/// once it is read).
struct OpenOnce: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open-once", abstract: "Open a store once and report (used by run).", shouldDisplay: false)

    @Argument var directory: String

    @Option(name: .customLong("spawned-at"), help: "The monotonic clock's nanoseconds when the parent started this process.")
    var spawnedAt: UInt64?

    func run() throws {
        let started = spawnedAt ?? DispatchTime.now().uptimeNanoseconds
        let key = try Store.unlock(at: directory, credentials: BenchStore.credentials)
        let reading = StoreReading(key, mode: .readOnly, clock: BenchStore.clock)
        let terminal = MemoryTerminal(rows: 40, columns: 120)
        var fromSummary = false
        if let summary = key.openingSummary(), summary.answers(for: BenchStore.today) {
            OpeningScreen(terminal: terminal, summary: summary, actor: key.actor, today: BenchStore.today).draw()
            fromSummary = true
        }
        var shownAt = DispatchTime.now().uptimeNanoseconds
        let store = try reading.result.get()
        if !fromSummary {
            let session = Session(actor: store.actor, connection: MemoryConnection(state: store.state, name: "bench"), clock: BenchStore.clock)
            RunLoop(terminal: terminal, app: App(session: session, showAttention: true)).draw()
            shownAt = DispatchTime.now().uptimeNanoseconds
        }
        guard terminal.screen.contains("awaiting triage") else { throw ValidationErrorText("the first screen does not show the attention screen") }
        let t = store.openTimings
        let firstScreen = Double(shownAt - started) / 1e6 - t.unlockMilliseconds
        print("\(t.loadMilliseconds) \(peakResidentKilobytes()) \(t.unlockMilliseconds) \(store.state.cases.count) \(firstScreen) \(fromSummary ? 1 : 0)")
        // Leave without freeing the state: the figure is the open, not the teardown.
        Foundation.exit(0)
    }
}

func peakResidentKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
    return 0
}
