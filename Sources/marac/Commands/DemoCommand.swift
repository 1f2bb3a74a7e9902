import ArgumentParser
import Foundation
import MARACCore
import MARACStore
import MARACTUI

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a store of invented but realistic MARAC data and open the screen on it.",
        discussion: """
            Every name, address and date in it is generated; the same seed always gives the same store. \
            It has four users, coordinator, admin, chair and viewer, each with the passphrase "demo"; \
            the screen opens as coordinator without asking.
            """)

    @Option(name: .long, help: "Where to create the demo store (default: a new folder under the temporary folder).")
    var store: String?

    @Option(name: .long, help: "The generator's seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "How many cases to generate.")
    var cases: Int = 160

    @Flag(name: .customLong("no-tui"), help: "Create the store and exit without opening the screen.")
    var noTUI = false

    @OptionGroup var screen: ScreenOptions

    static let passphrase = "demo"

    func validate() throws {
        guard cases >= 1 && cases <= 1_000_000 else { throw ValidationError("--cases must be between 1 and 1000000.") }
    }

    func run() throws {
        try reporting("demo") {
            let path: String
            if let store {
                path = store
            } else {
                var template = Array((NSTemporaryDirectory() + "/marac-demo-XXXXXX").utf8CString)
                guard let made = mkdtemp(&template) else { throw CommandFailure(message: "could not create a temporary folder", code: 1) }
                path = String(cString: made)
            }
            let users = DemoGenerator.users.map { NewUser(name: $0.name, role: $0.role, passphrase: Self.passphrase) }
            let changes = DemoGenerator(seed: seed, cases: cases, today: ProgramClock.current.today()).changes()
            let created = try Store.create(at: path, changes: changes, users: users, kdf: .demo, clock: ProgramClock.current)
            defer { created.close() }
            let s = created.state
            print("Demo store created in \(created.path): \(s.cases.count) cases, \(s.referrals.count) referrals, "
                  + "\(s.meetings.count) meetings, \(s.actions.count) actions (seed \(seed)). Every person in it is invented.")
            print("Users: coordinator, admin, chair and viewer, each with the passphrase \"\(Self.passphrase)\".")
            if noTUI { return }
            created.lockForEachChange()
            try ScreenLauncher.run(store: created, screen: screen)
        }
    }
}
