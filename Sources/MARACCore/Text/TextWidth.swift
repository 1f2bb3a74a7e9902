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

    /// East Asian Width W and F (Unicode 15), sorted.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x2E99,
        0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFF, 0x3000...0x303E, 0x3041...0x3096, 0x3099...0x30FF,
        0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E3, 0x31EF...0x321E, 0x3220...0x3247, 0x3250...0x4DBF,
        0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08, 0x1AFF0...0x1AFFE,
        0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152, 0x1B155...0x1B155, 0x1B164...0x1B167,
        0x1B170...0x1B2FB, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440,
        0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
        0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
        0x1FA70...0x1FA7C, 0x1FA80...0x1FA88, 0x1FA90...0x1FABD, 0x1FABF...0x1FAC5, 0x1FACE...0x1FADB,
        0x1FAE0...0x1FAE8, 0x1FAF0...0x1FAF8, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
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
