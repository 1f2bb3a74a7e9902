/// How a name sounds, for names spelt as they are heard: "Shivaun" for Siobhán, "Neeve" for
/// Niamh, "Kathryn" for Catherine, "Steven" for Stephen.
///
/// No maintained phonetic library exists for Swift, so this is small and our own. Its rules are
/// the core of Lawrence Philips' Metaphone ("Hanging on the Metaphone", Computer Language, Dec.
/// 1990: c as k or s, ph and v as f, th as one sound, sh as x, vowels dropped after the first
/// letter, doubles collapsed) with the lenition of Irish spelling added (bh and mh as v, an s
/// before e or i and another vowel as sh: Seán, Siobhán), since Irish names are common among
/// the victims a MARAC in these islands hears. It is only ever used with a matching date of
/// birth, never alone.
public enum SoundKey {
    /// The key of one word (folded first: "Siobhán" and "SIOBHAN" are the same).
    public static func of(_ word: String) -> String {
        let s = Array(NameFolding.fold(word))
        guard !s.isEmpty else { return "" }
        func isVowel(_ c: Character) -> Bool { "aeiouy".contains(c) }
        var out: [Character] = []
        var i = 0
        // An initial s before e or i and another vowel is sh (Seán, Séamus, Siobhán).
        if s.count >= 3, s[0] == "s", s[1] == "e" || s[1] == "i", isVowel(s[2]) { out = ["x"]; i = 1 }
        while i < s.count {
            let c = s[i], next: Character? = i + 1 < s.count ? s[i + 1] : nil
            switch (c, next) {
            case ("b", "h"), ("m", "h"): out.append("f"); i += 2; continue
            case ("p", "h"): out.append("f"); i += 2; continue
            case ("t", "h"): out.append("0"); i += 2; continue
            case ("s", "h"): out.append("x"); i += 2; continue
            case ("c", "k"): out.append("k"); i += 2; continue
            case ("k", "n") where i == 0, ("g", "n") where i == 0: out.append("n"); i += 2; continue
            case ("w", "r") where i == 0: out.append("r"); i += 2; continue
            case ("c", let n?) where "eiy".contains(n): out.append("s")
            case ("c", _), ("q", _): out.append("k")
            case ("x", _): out.append(contentsOf: "ks")
            case ("z", _): out.append("s")
            case ("v", _): out.append("f")
            case ("h", _), ("w", _): if i == 0 { out.append(c) }
            default:
                if isVowel(c) { if i == 0 { out.append("a") } } else { out.append(c) }
            }
            i += 1
        }
        // Doubled sounds once.
        var key: [Character] = []
        for c in out where key.last != c { key.append(c) }
        return String(key)
    }

    /// The key of a whole name, its words in any order.
    public static func ofName(_ name: String) -> String {
        name.split(whereSeparator: { $0 == " " || $0 == "-" }).map { of(String($0)) }.filter { !$0.isEmpty }.sorted().joined(separator: " ")
    }
}
