import MARACCore
import Testing
@testable import MARACTUI

/// The `:` line: every command has one name, and a line reaches the command it names.
@Suite struct CommandLineTests {
    static var names: [String] { Request.allCases.compactMap(\.paletteName) + App.commandsWithoutKeys.map(\.0) }

    @Test func noTwoCommandsShareAName() {
        var seen: [String: Int] = [:]
        for name in Self.names { seen[name, default: 0] += 1 }
        #expect(seen.filter { $0.value > 1 }.keys.sorted() == [], "a second command of the same name would silently replace the first")
        let f = ScreenFixture.demo()
        #expect(f.app.commands.count == Set(Self.names).count, "every name is registered, none replaced")
    }

    /// `:reopen referral R-0042` is the referral's reopening, not `:reopen` (an action's) with
    /// "referral R-0042" after it; every name, with an argument after it, reaches itself.
    @Test func aLineReachesTheCommandItNamesEvenWhenAShorterNameBeginsIt() throws {
        let f = ScreenFixture.demo()
        for name in Self.names {
            #expect(f.app.command(for: name)?.name == name)
            #expect(f.app.command(for: name.uppercased() + " R-0042 and a reason")?.name == name)
        }
        let shadowed = Self.names.filter { a in Self.names.contains { b in b != a && b.hasPrefix(a + " ") } }
        #expect(!shadowed.isEmpty, "some names begin others (reopen, reopen referral), which is why the longest wins")
        #expect(f.app.command(for: "nonsense") == nil)
    }
}
