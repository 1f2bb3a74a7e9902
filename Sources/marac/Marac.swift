import ArgumentParser

/// The one executable: the terminal screen, and subcommands for scripts and admins.
@main
struct Marac: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marac",
        abstract: "The MARAC coordinator's terminal application.",
        discussion: """
            Run without a subcommand to open the screen on the store (--store, else $MARAC_STORE, \
            else ~/.local/share/marac). Try it first with: marac demo
            """,
        version: "0.1.0",
        subcommands: [OpenCommand.self, DemoCommand.self, VerifyCommand.self, CompactCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}
