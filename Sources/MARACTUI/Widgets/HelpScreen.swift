import MARACCore

/// The `?` screen: every binding in the keymap, grouped by where it applies. Generated from the
/// keymap, so it always tells the truth. What a key does wraps under itself, never cut off.
public struct HelpScreen {
    public let keymap: Keymap
    /// Where the explanation starts, after the keys.
    static let keyColumn = 24

    public init(keymap: Keymap) { self.keymap = keymap }

    /// Every line of help for a screen `width` columns wide.
    public func lines(width: Int) -> [(String, StyleRole)] {
        var out: [(String, StyleRole)] = [("Keys (press ? or Esc to close; j/k and Page keys scroll)", .title), ("", .normal)]
        func entry(_ head: String, _ help: String) {
            let hang = String(repeating: " ", count: Self.keyColumn)
            var lead = hang
            if TextWidth.of(head) < Self.keyColumn { lead = head.padded(toWidth: Self.keyColumn) } else { out.append((head, .normal)) }
            for line in wrap(help, width: max(10, width - Self.keyColumn - 2)) {
                out.append((lead + line, .normal))
                lead = hang
            }
        }
        for section in keymap.sections {
            out.append((section.context.title, .header))
            for b in section.bindings { entry("  " + b.keys.map(\.description).joined(separator: ", "), b.request.help) }
            out.append(("", .normal))
        }
        out.append(("Trends (:trends, or t on the quarterly return)", .header))
        for k in TrendsView.keys { entry("  " + k.keys, k.does) }
        out.append(("", .normal))
        out.append(("Commands (: then the name; Tab completes)", .header))
        for c in App.commandCatalogue { entry("  :" + c.name, c.help) }
        return out
    }

    /// The furthest `scroll` that still fills `region`.
    public func lastScroll(region: Region) -> Int {
        max(0, lines(width: columnWidth(region)).count - region.height)
    }

    func columnWidth(_ region: Region) -> Int { region.width >= 170 ? region.width / 2 - 1 : region.width - 1 }

    /// One column, scrolled; or, when the list is longer than the screen and the screen is wide,
    /// two columns split between sections.
    public func render(_ canvas: inout Canvas, region: Region, scroll: Int) {
        canvas.clear(region)
        let all = lines(width: columnWidth(region))
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
