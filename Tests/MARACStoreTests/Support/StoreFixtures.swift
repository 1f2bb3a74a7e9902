import Foundation
import MARACCore
@testable import MARACStore

/// A fresh folder under the temporary folder, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init(_ name: String = "store") {
        var template = Array((NSTemporaryDirectory() + "/marac-test-XXXXXX").utf8CString)
        path = String(cString: mkdtemp(&template)!) + "/" + name
    }

    deinit { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }

    func file(_ name: String) -> String { path + "/" + name }

    func bytes(_ name: String) -> [UInt8] { Array(FileManager.default.contents(atPath: file(name)) ?? Data()) }

    func write(_ name: String, _ bytes: [UInt8]) { _ = FileManager.default.createFile(atPath: file(name), contents: Data(bytes)) }

    func names() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? [] }
}

enum StoreFixtures {
    static let today = Day(year: 2026, month: 11, day: 28)!

    /// A small, realistic history to store.
    static func demoChanges(cases: Int = 12, seed: UInt64 = 5) -> [Change] {
        DemoGenerator(seed: seed, cases: cases, today: today).changes()
    }

    /// The n-th of a stream of small, distinct changes, for appending many times.
    static func change(_ n: Int) -> Change {
        Change(stamp: Stamp(actor: "coordinator", at: Instant(milliseconds: Int64(n) * 1000)),
               events: [.exported(what: "test export \(n)", cases: [CaseID(n % 7 + 1)])])
    }
}
