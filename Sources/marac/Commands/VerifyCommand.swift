import ArgumentParser
import MARACStore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every record, the hash chain and the snapshot of a store; exit 0 when intact.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let report: VerificationReport
        do {
            report = try Store.verify(at: storeOptions.storePath, credentials: try storeOptions.credentials())
        } catch let error as StoreError {
            printError("marac verify: \(error.message)")
            if case .corrupt = error { throw ExitCode(2) }
            if case .headerTampered = error { throw ExitCode(2) }
            throw ExitCode(1)
        }
        print("store:             \(storeOptions.storePath)")
        print("users:             \(report.users.map { "\($0.name) (\($0.role.rawValue))" }.joined(separator: ", "))")
        print("snapshot:          \(report.snapshotBytes) bytes, generation \(report.generation), sequence \(report.snapshotSequence), key epoch \(report.keyEpoch)")
        print("log:               \(report.logBytes) bytes, \(report.records) records, \(report.events) events")
        print("last sequence:     \(report.lastSequence)")
        print("chain head:        \(report.chainHead)")
        print("cases:             \(report.state.cases.count)")
        if let tail = report.incompleteTail {
            printError("marac verify: \(storeOptions.storePath)/log.bin ends with an incomplete record at byte \(tail.offset) "
                + "(\(tail.bytes) bytes); opening the store for writing will set it aside.")
            throw ExitCode(1)
        }
        if report.interruptedCompaction {
            printError("marac verify: a compaction was interrupted; opening the store for writing will finish it.")
            throw ExitCode(1)
        }
        // Intact, but reachable by the wrong accounts (or not by the right ones): said, exit 1.
        let problems = StoreSharing.problems(in: storeOptions.storePath)
        for line in problems { printError("marac verify: \(line)") }
        if !problems.isEmpty { throw ExitCode(1) }
        print("intact")
    }
}
