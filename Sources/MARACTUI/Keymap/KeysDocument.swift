import MARACCore

/// The keymap written out as Markdown: Docs/keys.md is this text, and a test keeps it so.
/// Regenerate it with `marac keys --markdown > Docs/keys.md`.
extension Keymap {
    public func markdown(commands: [(name: String, help: String)] = App.commandCatalogue) -> String {
        var out = """
            # Keys

            Generated from `Keymap.standard` in `Sources/MARACTUI/Keymap/Keymap.swift` by
            `marac keys --markdown`; a test checks that this page matches the keymap. Press `?` in
            marac for the same list.

            """
        for section in sections {
            out += "\n## \(section.context.title)\n\n| Keys | Does |\n|---|---|\n"
            for b in section.bindings {
                out += "| \(b.keys.map { "`\($0.description)`" }.joined(separator: ", ")) | \(b.request.help) |\n"
            }
        }
        out += "\n## Trends (`:trends`, or `t` on the quarterly return)\n\n| Keys | Does |\n|---|---|\n"
        for k in TrendsView.keys { out += "| \(k.keys.split(separator: ",").map { "`\($0.trimmingSpaces())`" }.joined(separator: ", ")) | \(k.does) |\n" }
        out += "\n## Commands (`:`)\n\nType `:` and the command; Tab completes, Up and Down go through the history.\n\n| Command | Does |\n|---|---|\n"
        for c in commands { out += "| `:\(c.name)` | \(c.help) |\n" }
        out += """

            A mouse click selects a row where the terminal reports clicks; a second click opens it.
            The wheel scrolls.

            Home, End, Delete, PgUp, PgDn and F1–F5 are read from the sequences terminals commonly
            send (`ESC [1~`, `ESC [H`, `ESC OH`, `ESC [7~` for Home, and so on) whatever the terminfo
            entry says, so they work in tmux, PuTTY and over ssh. A sequence for a key marac has no
            use for (Ctrl-Left, Insert, a function key the terminal adds) is dropped whole: it is
            never read as Esc followed by typed characters.

            """
        return out
    }

    /// The keymap as plain text for the terminal.
    public func text(commands: [(name: String, help: String)] = App.commandCatalogue) -> String {
        var out = ""
        for section in sections {
            out += "\(section.context.title)\n"
            for b in section.bindings {
                out += "  \(b.keys.map(\.description).joined(separator: ", ").padded(toWidth: 24))\(b.request.help)\n"
            }
            out += "\n"
        }
        out += "Trends (:trends)\n"
        for k in TrendsView.keys { out += "  \(k.keys.padded(toWidth: 24))\(k.does)\n" }
        out += "\n"
        out += "Commands (:)\n"
        for c in commands { out += "  :\(c.name.padded(toWidth: 23))\(c.help)\n" }
        return out
    }
}
