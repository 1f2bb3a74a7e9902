import ArgumentParser
import MARACTUI

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List the screen's keys (the same list as ? on the screen).")

    @Flag(name: .long, help: "As Markdown (Docs/keys.md is this output).")
    var markdown = false

    func run() {
        print(markdown ? Keymap.standard.markdown() : Keymap.standard.text(), terminator: "")
    }
}
