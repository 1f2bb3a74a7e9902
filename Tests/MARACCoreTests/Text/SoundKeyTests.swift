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

    @Test func aWholeNameSoundsTheSameInAnyWordOrder() {
        #expect(SoundKey.ofName("Shivaun Marlow") == SoundKey.ofName("Marlow Siobhán"))
    }
}
