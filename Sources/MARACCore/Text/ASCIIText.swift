/// Text for a terminal that shows ASCII only (`--ascii`, a vt100, a console without UTF-8):
/// every character becomes ASCII of the same width, so columns stay aligned. Latin letters lose
/// their marks ("Zoë" is "Zoe", "Łódź" is "Lodz"), typographic punctuation becomes its plain
/// form ("…" is "~", "–" is "-"), and what has no ASCII form is "?" (a wide character "??").
/// A name drawn this way is still recognisable, and nothing sends a byte the terminal would
/// show as garbage.
public enum ASCIIText {
    public static func transliterate(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text { out += transliterate(c) }
        return out
    }

    /// One character as ASCII of its width: one character for a narrow one, two for a wide
    /// one, none for a mark that takes no cell.
    public static func transliterate(_ c: Character) -> String {
        if c.isASCII { return String(c) }
        let width = TextWidth.of(c)
        if width == 0 { return "" }
        guard let first = c.unicodeScalars.first else { return "" }
        if let plain = punctuation[first.value] { return width == 2 ? plain + plain : plain }
        if let letter = latinLetter(first) { return width == 2 ? letter + " " : letter }
        return String(repeating: "?", count: width)
    }

    /// A Latin letter with marks or a stroke, by its Unicode name: "LATIN CAPITAL LETTER L
    /// WITH STROKE" is "L".
    private static func latinLetter(_ scalar: Unicode.Scalar) -> String? {
        if let special = specialLetters[scalar.value] { return special }
        guard let name = scalar.properties.name else { return nil }
        let words = name.split(separator: " ")
        guard words.count >= 4, words[0] == "LATIN", words[2] == "LETTER", words[3].count == 1,
              let letter = words[3].unicodeScalars.first, (0x41...0x5A).contains(letter.value) else { return nil }
        switch words[1] {
        case "CAPITAL": return String(Character(letter))
        case "SMALL": return String(Character(Unicode.Scalar(letter.value + 32)!))
        default: return nil
        }
    }

    /// Letters whose names do not give a base letter of one character; one ASCII character
    /// each, to keep the width.
    private static let specialLetters: [UInt32: String] = [
        0x00DF: "s", 0x1E9E: "S", 0x00C6: "A", 0x00E6: "a", 0x0152: "O", 0x0153: "o",
        0x0131: "i", 0x00D0: "D", 0x00F0: "d", 0x00DE: "T", 0x00FE: "t",
    ]

    private static let punctuation: [UInt32: String] = [
        0x2026: "~",  // … (as the ASCII ellipsis glyph)
        0x2013: "-", 0x2014: "-", 0x2012: "-", 0x2010: "-", 0x2011: "-", 0x2212: "-",  // dashes, minus
        0x2022: "-", 0x00B7: "-", 0x2219: "-", 0x25CF: "*", 0x25CB: "o",  // bullets
        0x2018: "'", 0x2019: "'", 0x201A: "'", 0x2032: "'",  // single quotes
        0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x00AB: "\"", 0x00BB: "\"",  // double quotes
        0x2192: ">", 0x2190: "<", 0x2191: "^", 0x2193: "v", 0x25B6: ">", 0x25C0: "<",  // arrows
        0x2713: "x", 0x2714: "x", 0x2717: "x", 0x2718: "x",  // ticks and crosses
        0x2500: "-", 0x2502: "|", 0x250C: "+", 0x2510: "+", 0x2514: "+", 0x2518: "+", 0x253C: "+",  // box drawing
        0x2588: "#", 0x2591: ".", 0x2592: ":", 0x2593: "#",  // blocks
        0x00A0: " ", 0x2009: " ", 0x202F: " ", 0x2007: " ",  // spaces
        0x00D7: "x", 0x00F7: "/", 0x2264: "<", 0x2265: ">", 0x2260: "#", 0x00B1: "+",  // maths
        0x00A3: "L", 0x20AC: "E", 0x00A9: "c", 0x00AE: "r", 0x00B0: "o", 0x00A7: "S", 0x00B6: "P",
        0x00BD: "/", 0x00BC: "/", 0x00BE: "/", 0x2030: "%",
    ]
}
