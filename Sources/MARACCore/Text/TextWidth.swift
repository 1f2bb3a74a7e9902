/// How many terminal columns text takes. A terminal puts most characters in one cell, East
/// Asian wide characters (李) and emoji in two, and combining marks (the accents of "ễ" when
/// sent decomposed) in none. Columns only line up when every width agrees with the terminal's,
/// so this follows the Unicode East Asian Width table the terminals use (checked against the C
/// library's wcwidth in the tests).
public enum TextWidth {
    /// Columns for one grapheme cluster (a user-perceived character).
    public static func of(_ c: Character) -> Int {
        if c.isASCII { return c.asciiValue! >= 0x20 && c.asciiValue! < 0x7F ? 1 : 0 }
        var width = 0
        for scalar in c.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }  // emoji presentation selector
            let w = of(scalar)
            if w > 0 && width == 0 { width = w }
        }
        return width
    }

    /// Columns for one scalar on its own.
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }
        return isWide(v) ? 2 : 1
    }

    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII is one column a byte: most text, counted without forming characters.
        var ascii = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            ascii = false
            break
        }
        if ascii { return text.utf8.count }
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// True for East Asian Width W or F: a binary search of ``wideRanges``, which
    /// scripts/generate-text-width.py writes from the Unicode data (TextWidth+Table.swift).
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}

extension String {
    /// The text cut to at most `width` columns, with `…` (or `~` in ASCII mode) where it was
    /// cut, never splitting a wide character.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if TextWidth.of(self) <= width { return self }
        let ellipsisWidth = TextWidth.of(ellipsis)
        var out = ""
        var used = 0
        for c in self {
            let w = TextWidth.of(c)
            if used + w > width - ellipsisWidth { break }
            out.append(c)
            used += w
        }
        return out + ellipsis
    }

    /// The text cut from the front to at most `width` columns: for references, whose ends tell
    /// them apart ("…26-00008", not "NB-2026-0…").
    public func truncatedKeepingEnd(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if TextWidth.of(self) <= width { return self }
        var out = ""
        var used = TextWidth.of(ellipsis)
        for c in reversed() {
            let w = TextWidth.of(c)
            if used + w > width { break }
            out.insert(c, at: out.startIndex)
            used += w
        }
        return ellipsis + out
    }

    /// The text cut or padded with spaces to exactly `width` columns.
    public func padded(toWidth width: Int, ellipsis: String = "…", alignRight: Bool = false) -> String {
        let t = truncated(toWidth: width, ellipsis: ellipsis)
        let pad = String(repeating: " ", count: max(0, width - TextWidth.of(t)))
        return alignRight ? pad + t : t + pad
    }

    /// Replaces line breaks, tabs and other control characters (which would move the terminal's
    /// cursor) with spaces, so imported text cannot break the screen.
    public var singleLine: String {
        // Line breaks and controls are all below 0x20, 0x7F, or (NEL, LS, PS) multi-byte.
        if utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 < 0xC2 }) { return self }
        if allSatisfy({ !($0.isASCII && ($0.asciiValue! < 0x20 || $0.asciiValue! == 0x7F)) && !$0.isNewline }) { return self }
        return String(map { c -> Character in
            if c.isNewline { return " " }
            if let a = c.asciiValue, a < 0x20 || a == 0x7F { return " " }
            return c
        })
    }
}
