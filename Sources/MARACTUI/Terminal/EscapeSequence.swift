/// What follows an Esc that curses did not turn into a key.
///
/// curses matches the sequences its terminfo entry names (and those `defineCommonKeys` adds);
/// any other one — Ctrl-Right as `ESC [1;5C`, Insert as `ESC [2~`, a function key the entry
/// lacks — comes back as Esc followed by its bytes as if typed. Esc closes a form and `[`, `1`,
/// `~` would be typed into the next field, so such a sequence is read whole here and dropped.
/// An Esc followed by anything else (nothing, or a key typed after it) is a real Esc.
public enum EscapeSequence {
    /// What to do with the characters after an Esc.
    public enum Reading: Equatable, Sendable {
        /// A lone Esc: the key itself. `pushBack` is a character read ahead that is not part of a
        /// sequence, to be given back to the input.
        case escape(pushBack: UInt32?)
        /// A whole control sequence the program has no key for: nothing happened.
        case dropped
    }

    static let csiIntroducer: UInt32 = 0x5B  // [
    static let ss3Introducer: UInt32 = 0x4F  // O

    /// Reads the rest of a sequence after Esc. `next` gives the character already waiting, or nil
    /// when none is (the caller reads without waiting: a sequence's bytes arrive together).
    ///
    /// A CSI sequence (`ESC [`) runs through parameter bytes 0x30–0x3F and intermediates
    /// 0x20–0x2F to one final byte 0x40–0x7E (ECMA-48 5.4); the Linux console's `ESC [[A`
    /// puts a `[` before its final letter. SS3 (`ESC O`) is followed by one final character.
    public static func read(next: () -> UInt32?) -> Reading {
        guard let first = next() else { return .escape(pushBack: nil) }
        switch first {
        case csiIntroducer:
            var sawBracket = false
            while let c = next() {
                if (0x30...0x3F).contains(c) || (0x20...0x2F).contains(c) { continue }
                if c == csiIntroducer && !sawBracket { sawBracket = true; continue }
                // A final byte ends the sequence; anything else (a control, a letter from a
                // cut-off sequence) ends it too, dropped with it.
                return .dropped
            }
            return .dropped
        case ss3Introducer:
            // Esc then a capital O typed at once has nothing after it: a real Esc and an O.
            return next() == nil ? .escape(pushBack: first) : .dropped
        default:
            return .escape(pushBack: first)
        }
    }
}
