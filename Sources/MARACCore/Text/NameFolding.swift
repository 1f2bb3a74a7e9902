/// Folds names for matching: "Nguyễn Thị Lan", "NGUYEN thi-lan" and "Nguyen Thi Lan" must all be
/// recognised as the same person when the admin looks for earlier cases, and "lodz" must find
/// "Łódź". Folding lower-cases, removes accents and strokes from Latin letters, and drops
/// spaces, hyphens, apostrophes and dots.
///
/// Written without Foundation: a Latin letter with a mark is recognised by its Unicode name
/// ("LATIN SMALL LETTER E WITH CIRCUMFLEX AND TILDE" is an "e"), which also covers letters that
/// canonical decomposition leaves alone, such as Ł and Ø.
public enum NameFolding {
    public static func fold(_ text: String) -> String {
        // Most text is ASCII: its bytes are folded as bytes, without building the result a
        // scalar at a time (a search folds a row's text on every key, 240,000 rows of actions).
        var text = text
        let ascii: String? = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                for b in bytes {
                    switch b {
                    case 0x41...0x5A: out[n] = b + 32; n += 1
                    case 0x61...0x7A, 0x30...0x39: out[n] = b; n += 1
                    default: continue
                    }
                }
                return n
            }
        }
        if let ascii { return ascii }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                if (0x41...0x5A).contains(v) {
                    out.append(Unicode.Scalar(v + 32)!)
                } else if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) {
                    out.append(scalar)
                }
                // Spaces, punctuation and symbols separate nothing in a name key.
                continue
            }
            appendFolded(scalar, to: &out)
        }
        return String(out)
    }

    /// A name folded word by word with the words sorted: "Marlow Siobhán" and "Siobhán Marlow",
    /// "Nguyễn Thị Hương" and "Hương Nguyễn Thị" give the same key (family name first or last).
    public static func unorderedKey(_ name: String) -> String {
        name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," }).map { fold(String($0)) }.filter { !$0.isEmpty }
            .sorted().joined(separator: " ")
    }

    /// The keys a person is matched by: their name and each alias, folded; empty ones dropped.
    public static func keys(name: String, aliases: [String]) -> [String] {
        var keys: [String] = []
        for n in [name] + aliases {
            let k = fold(n)
            if !k.isEmpty && !keys.contains(k) { keys.append(k) }
        }
        return keys
    }

    private static func appendFolded(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let props = scalar.properties
        switch props.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control,
             .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .dashPunctuation, .otherPunctuation, .initialPunctuation, .finalPunctuation,
             .openPunctuation, .closePunctuation, .connectorPunctuation:
            return
        default:
            break
        }
        if let special = specialLetters[scalar.value] {
            out.append(contentsOf: special.unicodeScalars)
            return
        }
        if let name = props.name, name.hasPrefix("LATIN "), let base = latinBase(name) {
            out.append(base)
            return
        }
        // Other scripts: lower-case and drop marks (already skipped above), keep the letter.
        for lower in props.lowercaseMapping.unicodeScalars { out.append(lower) }
    }

    /// "LATIN CAPITAL LETTER L WITH STROKE" → "l"; nil for names of another shape (ligatures
    /// such as "LATIN SMALL LETTER AE" are handled as special letters).
    private static func latinBase(_ name: String) -> Unicode.Scalar? {
        let words = name.split(separator: " ")
        guard words.count >= 4, words[0] == "LATIN", words[1] == "SMALL" || words[1] == "CAPITAL",
              words[2] == "LETTER", words[3].count == 1, let letter = words[3].unicodeScalars.first,
              (0x41...0x5A).contains(letter.value) else { return nil }
        return Unicode.Scalar(letter.value + 32)
    }

    private static let specialLetters: [UInt32: String] = [
        0x00DF: "ss", 0x1E9E: "ss",  // ß ẞ
        0x00C6: "ae", 0x00E6: "ae",  // Æ æ
        0x0152: "oe", 0x0153: "oe",  // Œ œ
        0x0131: "i",  // ı
        0x00D0: "d", 0x00F0: "d",  // Ð ð
        0x00DE: "th", 0x00FE: "th",  // Þ þ
    ]
}

/// Edit distance with a cap: enough to say "one letter out" without paying for a full matrix
/// on names that are obviously different.
public enum EditDistance {
    /// True when `a` can be turned into `b` by at most one insertion, deletion, substitution
    /// or swap of two neighbouring characters.
    public static func withinOne(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > 1 { return false }
        if x.count == y.count {
            var diffs: [Int] = []
            for i in 0..<x.count where x[i] != y[i] {
                diffs.append(i)
                if diffs.count > 2 { return false }
            }
            if diffs.count == 1 { return true }
            if diffs.count == 2 {
                let (i, j) = (diffs[0], diffs[1])
                return j == i + 1 && x[i] == y[j] && x[j] == y[i]
            }
            return true
        }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        var i = 0, j = 0, skipped = false
        while i < short.count && j < long.count {
            if short[i] == long[j] {
                i += 1
                j += 1
            } else {
                if skipped { return false }
                skipped = true
                j += 1
            }
        }
        return true
    }
}
