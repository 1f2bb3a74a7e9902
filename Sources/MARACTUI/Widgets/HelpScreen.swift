import MARACCore

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
        out.append(("Commands (: then the name; Tab completes)", .header))
        for c in App.commandCatalogue {
            out.append(("  :\(c.name.padded(toWidth: 21))\(c.help)", .normal))
        }
        return out
    }

    /// One column, scrolled; or, when the list is longer than the screen and the screen is wide,
    /// two columns split between sections.
    public func render(_ canvas: inout Canvas, region: Region, scroll: Int) {
        canvas.clear(region)
        let all = lines
        if all.count > region.height && region.width >= 170 {
            // Break at the section heading nearest the middle.
            var split = all.count / 2
            while split < all.count && all[split].1 != .header { split += 1 }
            let left = Array(all[..<split]), right = [all[0]] + [("", StyleRole.normal)] + Array(all[split...])
            let half = region.width / 2
            for (i, line) in left.dropFirst(scroll).prefix(region.height).enumerated() {
                canvas.put(line.0, in: Region(row: region.row, column: region.column, height: region.height, width: half - 1),
                           row: i, column: 1, role: line.1)
            }
            for (i, line) in right.dropFirst(2).dropFirst(scroll).prefix(region.height - 2).enumerated() {
                canvas.put(line.0, in: Region(row: region.row, column: region.column + half, height: region.height, width: half),
                           row: i + 2, column: 1, role: line.1)
            }
            return
        }
        for (i, line) in all.dropFirst(scroll).prefix(region.height).enumerated() {
            canvas.put(line.0, in: region, row: i, column: 1, role: line.1)
        }
    }
}
