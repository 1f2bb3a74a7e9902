/// The `?` screen: every binding in the keymap, grouped by where it applies. Generated from the
/// keymap, so it always tells the truth.
public struct HelpScreen {
    public let keymap: Keymap

    public init(keymap: Keymap) { self.keymap = keymap }

    public var lines: [(String, StyleRole)] {
        var out: [(String, StyleRole)] = [("Keys (press ? or Esc to close)", .title), ("", .normal)]
        for section in keymap.sections {
            out.append((section.context.title, .header))
            for b in section.bindings {
                let keys = b.keys.map(\.description).joined(separator: ", ")
                out.append(("  \(keys.padded(toWidth: 22))\(b.request.help)", .normal))
            }
            out.append(("", .normal))
        }
        return out
    }

    public func render(_ canvas: inout Canvas, region: Region, scroll: Int) {
        canvas.clear(region)
        for (i, line) in lines.dropFirst(scroll).prefix(region.height).enumerated() {
            canvas.put(line.0, in: region, row: i, column: 1, role: line.1)
        }
    }
}
