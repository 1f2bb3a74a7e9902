import ArgumentParser
import Foundation
import MARACCore
import MARACExchange
import MARACStore

/// `marac area show | set`: the area's settings, each change a command in the log and the
/// audit trail.
struct AreaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "area",
        abstract: "Show or change the area's settings: risk tool, threshold, meetings, cut-off, bank holidays, population…",
        subcommands: [Show.self, Set.self],
        defaultSubcommand: Show.self)

    enum Format: String, ExpressibleByArgument { case table, json }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every setting with its value and what it means.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .long, help: "table (default) or json.") var format: Format = .table

        func run() throws {
            try reporting("area show") {
                let store = try storeOptions.open(.readOnly)
                defer { store.close() }
                let profile = store.state.profile
                switch format {
                case .json:
                    print(JSONOutput.render(AreaSettings.all.map {
                        SettingRecord(setting: $0.name, value: $0.value(profile, store.state), meaning: $0.meaning, accepts: $0.accepts)
                    }), terminator: "")
                case .table:
                    let width = AreaSettings.all.map(\.name.count).max() ?? 10
                    for s in AreaSettings.all {
                        var value = s.value(profile, store.state)
                        if s.name == "confidentiality-statement" { value = value.count > 60 ? String(value.prefix(57)) + "..." : value }
                        print(s.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + (value.isEmpty ? "(none)" : value))
                        print(String(repeating: " ", count: width + 2) + s.meaning)
                    }
                    print("Change one with: marac area set SETTING VALUE (confidentiality-statement-file FILE reads the statement from a file).")
                }
            }
        }
    }

    struct SettingRecord: Encodable {
        var setting: String
        var value: String
        var meaning: String
        var accepts: String
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change one setting (coordinators only).",
            discussion: "Settings: \(AreaSettings.all.map(\.name).joined(separator: ", ")), and confidentiality-statement-file FILE.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The setting's name (marac area show lists them).") var setting: String
        @Argument(help: "Its new value; quote it if it has spaces.") var value: String

        func run() throws {
            try reporting("area set") {
                var name = setting.lowercased()
                var text = value
                if name == "confidentiality-statement-file" {
                    guard let data = FileManager.default.contents(atPath: value), let statement = String(data: data, encoding: .utf8) else {
                        throw CommandFailure(message: "cannot read the confidentiality statement from \(value)", code: 1)
                    }
                    name = "confidentiality-statement"
                    text = statement.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.joined(separator: " ").trimmingSpaces()
                }
                guard let s = AreaSettings.named(name) else {
                    throw CommandFailure(message: "there is no setting \"\(setting)\"; the settings are: \(AreaSettings.all.map(\.name).joined(separator: ", ")), confidentiality-statement-file", code: 1)
                }
                let store = try storeOptions.openForWriting()
                defer { store.close() }
                let before = s.value(store.state.profile, store.state)
                let profile = try AreaSettings.set(s, to: text, in: store.state.profile, state: store.state)
                try perform(.setAreaProfile(profile), in: store)
                let after = s.value(store.state.profile, store.state)
                print(before == after ? "\(s.name) is \(after) (unchanged)." : "\(s.name): \(before.isEmpty ? "(none)" : before) → \(after.isEmpty ? "(none)" : after)")
            }
        }
    }
}
