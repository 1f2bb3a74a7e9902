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
                      VerifyCommand.self, RepairCommand.self, CompactCommand.self, AuditCommand.self, RetentionCommand.self, PurgeCommand.self,
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
        main(nil)
    }
}
