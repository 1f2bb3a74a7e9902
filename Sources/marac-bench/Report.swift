import Foundation

func printHeader() {
    print("marac-bench: release build expected (swift run -c release marac-bench); times in ms, medians unless p99")
    print("cases     events  tail   first  open (+unlock)   append p50/p99   fdatasync  triage agenda overdue search switch render trends trkey  RSS MB  store MB  build s")
}

func printRow(_ r: ScaleResult) {
    func f(_ x: Double, _ w: Int) -> String { String(format: "%\(w).2f", x) }
    let k = r.keystrokeP99
    print("\(String(r.cases).padding(toLength: 7, withPad: " ", startingAt: 0)) \(String(format: "%8d", r.events)) \(String(format: "%5.0f%%", Double(r.tailEvents) * 100 / Double(max(1, r.events)))) "
          + "\(f(r.firstScreenMilliseconds, 6)) \(f(r.openMilliseconds, 7)) (+\(f(r.unlockMilliseconds, 5))) \(f(r.appendP50, 7))/\(f(r.appendP99, 6)) \(f(r.fdatasyncP50, 9)) "
          + ScaleResult.paths.map { f(k[$0] ?? 0, 6) }.joined(separator: " ")
          + " \(f(r.peakResidentMB, 7)) \(f(Double(r.storeBytes) / 1_048_576, 8)) \(f(r.buildSeconds, 7))")
}

/// How each figure grew from one scale to the next.
func printGrowth(_ results: [ScaleResult]) {
    for (a, b) in zip(results, results.dropFirst()) {
        let factor = Double(b.cases) / Double(a.cases)
        func g(_ x: Double, _ y: Double) -> String { x > 0 ? String(format: "%.1fx", y / x) : "-" }
        var parts = ["open \(g(a.openMilliseconds, b.openMilliseconds))", "append \(g(a.appendP50, b.appendP50))",
                     "memory \(g(a.peakResidentMB, b.peakResidentMB))", "size \(g(Double(a.storeBytes), Double(b.storeBytes)))"]
        for p in ScaleResult.paths { parts.append("\(p) \(g(a.keystrokeP99[p] ?? 0, b.keystrokeP99[p] ?? 0))") }
        print("from \(a.cases) to \(b.cases) cases (\(String(format: "%.0f", factor))x): " + parts.joined(separator: ", "))
    }
    for r in results where r.sharedOne.0 > 0 {
        print("shared writers at \(r.cases) cases: save p50/p99 \(String(format: "%.2f/%.2f", r.sharedOne.0, r.sharedOne.1)) ms alone, "
              + "\(String(format: "%.2f/%.2f", r.sharedThree.0, r.sharedThree.1)) ms with two others saving (p50 "
              + "\(String(format: "%.2f", r.sharedThree.0 / max(0.0001, r.sharedOne.0)))x; target <= 2x)")
    }
    for r in results where r.cases >= 300_000 {
        print("first screen at \(r.cases) cases: \(String(format: "%.0f", r.firstScreenMilliseconds)) ms (<= 400 at 300,000)")
    }
    for r in results where !r.screenKeys.isEmpty {
        let slow = r.screenKeys.sorted { $0.p99 > $1.p99 }
        let over = slow.filter { $0.p99 > 16 }.count
        print("screen keys at \(r.cases) cases: \(r.screenKeys.count) paths, \(over) over 16 ms at p99; slowest: "
              + slow.prefix(6).map { "\($0.name) \(String(format: "%.1f", $0.p99))" }.joined(separator: ", "))
    }
    if let r = results.first(where: { $0.cases == 30_000 }) {
        let worst = max(r.keystrokeP99.values.max() ?? 0, r.screenKeys.map(\.p99).max() ?? 0)
        print("targets at 30,000 cases: first screen \(String(format: "%.0f", r.firstScreenMilliseconds)) ms (<= 250), open \(String(format: "%.0f", r.openMilliseconds)) ms (<= 300), keystroke p99 \(String(format: "%.1f", worst)) ms (<= 16), "
              + "append p50 \(String(format: "%.2f", r.appendP50 / max(0.0001, r.fdatasyncP50)))x fdatasync (<= 1.5), memory \(String(format: "%.0f", r.peakResidentMB)) MB (<= 300)")
    }
}
