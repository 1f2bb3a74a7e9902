import ArgumentParser
import Foundation
import MARACCore
import MARACStore

/// A screen's saves, for the shared-writer figures: opened as a screen opens (the lock per
/// change), `count` views of a case recorded 2 ms apart, each timed.
enum SharedWriter {
    static func save(in directory: String, count: Int) throws -> [Double] {
        let store = try BenchStore.open(directory, mode: .shared(waitSeconds: 30))
        defer { store.close() }
        store.lockWait = 30
        let context = DecisionContext(actor: store.actor, now: Instant.noon(of: BenchStore.today), today: BenchStore.today)
        var samples: [Double] = []
        for i in 0..<count {
            samples.append(try milliseconds {
                _ = try store.save { state in
                    try state.change(for: .recordCaseViewed(CaseID(i % max(1, state.cases.count) + 1)), context: context)
                }
            })
            usleep(2_000)
        }
        return samples
    }
}

struct WriteShared: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "write-shared", abstract: "Save beside the measured writer (used by run).", shouldDisplay: false)

    @Argument var directory: String
    @Argument var count: Int

    func run() throws {
        _ = try SharedWriter.save(in: directory, count: count)
    }
}
