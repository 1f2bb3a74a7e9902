import Foundation
import Testing
@testable import MARACTUI

/// Docs/keys.md is the keymap written out: every binding must be on it, as the help screen has it.
@Suite struct KeysDocumentTests {
    static var document: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("Docs/keys.md"), encoding: .utf8)) ?? ""
    }

    @Test func theDocumentIsTheKeymapWrittenOut() {
        #expect(Self.document == Keymap.standard.markdown(), "regenerate with: swift run marac keys --markdown > Docs/keys.md")
    }

    @Test func everyBindingIsDocumentedWithItsKeysAndWhatItDoes() {
        let doc = Self.document
        #expect(!doc.isEmpty)
        for section in Keymap.standard.sections {
            #expect(doc.contains("## \(section.context.title)"), "no section for \(section.context)")
            for b in section.bindings {
                let keys = b.keys.map { "`\($0.description)`" }.joined(separator: ", ")
                #expect(doc.contains("| \(keys) | \(b.request.help) |"), "Docs/keys.md lacks \(keys) → \(b.request.help)")
            }
        }
    }

    /// Every command the `:` line knows is on the page, with what it does.
    @Test func everyCommandOfTheCommandLineIsDocumented() {
        let f = ScreenFixture.demo(cases: 5)
        let doc = Self.document
        for command in f.app.commands {
            #expect(doc.contains("| `:\(command.name)` | \(command.help) |"), "Docs/keys.md lacks :\(command.name)")
        }
        #expect(Set(f.app.commands.map(\.name)) == Set(App.commandCatalogue.map(\.name)))
    }
}
