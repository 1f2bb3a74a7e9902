import ArgumentParser
import Foundation
import MARACCore
import MARACStore

/// Writes a line to standard error: messages for people, kept out of output meant for scripts.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// A failure a subcommand reports: its message on standard error and an exit status.
struct CommandFailure: Error {
    var message: String
    var code: Int32
}

/// Runs a subcommand's work; any failure is printed as `marac NAME: message` with its exit
/// status (1 unless the failure says otherwise).
func reporting(_ name: String, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as CommandFailure {
        printError("marac \(name): \(failure.message)")
        throw ExitCode(failure.code)
    } catch let error as StoreError {
        printError("marac \(name): \(error.message)")
        throw ExitCode(error.exitStatus)
    } catch let error as DomainError {
        printError("marac \(name): \(error.message)")
        throw ExitCode(1)
    }
}

extension StoreError {
    /// 2 for damage or tampering (Docs/cli.md), so a script can tell it from a refusal.
    var exitStatus: Int32 {
        switch self {
        case .corrupt, .headerTampered: 2
        default: 1
        }
    }
}
