import ArgumentParser
import Foundation
import MARACStore

/// The one executable: the terminal screen, and subcommands for scripts and admins.
@main
struct Marac: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marac",
        abstract: "The MARAC coordinator's terminal application.",
        discussion: """
            Run without a subcommand to open the screen on the store (--store, else $MARAC_STORE, \
            else ~/.local/share/marac), as --user (else $MARAC_USER, else your login name). \
            Passphrases are asked at the terminal without echo, or read from the file named by \
            $MARAC_PASSPHRASE_FILE; never from the command line. Try it first with: marac demo
            """,
        version: "0.1.0",
        subcommands: [OpenCommand.self, DemoCommand.self, InitCommand.self, AreaCommand.self, AgencyCommand.self, MeetingCommand.self,
                      UserCommand.self, PasswdCommand.self,
                      VerifyCommand.self, RepairCommand.self, CompactCommand.self, StoreCommand.self, AuditCommand.self, RetentionCommand.self, PurgeCommand.self,
                      KeysCommand.self, ImportCommand.self, ListCommand.self, ShowCommand.self, ExportCommand.self, ReportCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    static func main() {
        HugePages.preferForThisProcess()
        do {
            ProgramClock.install(try ProgramClock.make(environment: ProcessInfo.processInfo.environment))
        } catch {
            printError("marac: \(error)")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        if let unknown = unknownSubcommand(in: Array(CommandLine.arguments.dropFirst())) {
            printError("marac: there is no command \"\(unknown.word)\"" + (unknown.suggestion.map { "; did you mean marac \($0)?" } ?? ".")
                + " marac --help lists the commands.")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(nil)
    }

    /// A first word that names no command would otherwise be taken as an argument of the
    /// screen (the default command) and answered with its usage: `marac lsit` is told of
    /// `marac list` instead.
    static func unknownSubcommand(in arguments: [String]) -> (word: String, suggestion: String?)? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        let suggestion = names.map { ($0, editDistance(first.lowercased(), $0)) }.filter { $0.1 <= 2 || $0.0.hasPrefix(first.lowercased()) }
            .min { $0.1 < $1.1 }?.0
        return (first, suggestion)
    }

    /// Letters to add, remove or change, two swapped counting as one (optimal string
    /// alignment), so a typing slip such as `lsit` is one from `list`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = (0...a.count).map { i in (0...b.count).map { j in i == 0 ? j : (j == 0 ? i : 0) } }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
