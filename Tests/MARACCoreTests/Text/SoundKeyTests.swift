import MARACCore
import Testing

/// Names spelt as they are heard sound alike; different names do not.
@Suite struct SoundKeyTests {
    @Test(arguments: [("Siobhán", "Shivaun"), ("Niamh", "Neeve"), ("Catherine", "Kathryn"), ("Stephen", "Steven"),
                      ("Seán", "Shaun"), ("Séamus", "Shamus"), ("Philippa", "Filipa"), ("Knight", "Night"), ("Jayne", "Jane")])
    func spellingsOfOneNameSoundAlike(a: String, b: String) {
        #expect(SoundKey.of(a) == SoundKey.of(b), "\(a) is \(SoundKey.of(a)), \(b) is \(SoundKey.of(b))")
    }

    @Test(arguments: [("Megan", "Morgan"), ("Simon", "Siobhán"), ("Laura", "Lara Smith"), ("Sarah", "Susan")])
    func differentNamesDoNot(a: String, b: String) {
        #expect(SoundKey.ofName(a) != SoundKey.ofName(b))
    }

    /// Metaphone's published examples where its rules and ours overlap (Philips 1990, as the
    /// jellyfish and Talisman libraries give them: "Klumpz" and "Clumps" are KLMPS, "pheasant" is
    /// FSNT). Ours leaves out Metaphone's d-as-t and -tion-as-x, which names rarely need.
    @Test(arguments: [("Klumpz", "KLMPS"), ("Clumps", "KLMPS"), ("pheasant", "FSNT"), ("hello", "HL"), ("well", "WL"),
                      ("say", "S"), ("am", "AM"), ("Thomas", "0MS")])
    func publishedMetaphoneExamplesGiveTheirCodes(word: String, code: String) {
        #expect(SoundKey.of(word).uppercased() == code)
    }

    @Test func aWholeNameSoundsTheSameInAnyWordOrder() {
        #expect(SoundKey.ofName("Shivaun Marlow") == SoundKey.ofName("Marlow Siobhán"))
    }
}
