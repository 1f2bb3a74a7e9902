/// What a new passphrase must be, following the NCSC's advice (three random words) and NIST SP
/// 800-63B's (a length, and no password from a list of common ones): long enough that guessing
/// it from a stolen store is out of reach, and not one an attacker tries first.
enum PassphrasePolicy {
    static let minimumLength = 12

    static let advice = "Choose three or four random words you can remember, such as \"lantern orbit teacup\": "
        + "long is what makes a passphrase strong, not symbols."

    /// The common passwords, lower case, built once when first needed.
    static let common: Set<Substring> = Set(commonPasswordsText.split(whereSeparator: { $0 == " " || $0 == "\n" }))

    /// Why `passphrase` would not do for `user`, or nil when it will.
    static func refusal(_ passphrase: [UInt8], user: String) -> String? {
        let text = String(decoding: passphrase, as: UTF8.self)
        if text.count < minimumLength {
            return "A passphrase needs at least \(minimumLength) characters; this one has \(text.count). " + advice
        }
        let letters = text.lowercased().filter { $0.isLetter || $0.isNumber }
        if Set(letters).count <= 2 {
            return "A passphrase of one or two characters repeated is guessed at once. " + advice
        }
        // Common passwords, also with the digits and symbols people add at the end.
        let root = String(letters.reversed().drop { $0.isNumber }.reversed())
        if common.contains(Substring(letters)) || (root.count >= 4 && common.contains(Substring(root))) || knownPhrases.contains(letters) {
            return "That passphrase is on the lists of common passwords attackers try first. " + advice
        }
        let name = user.lowercased().filter { $0.isLetter || $0.isNumber }
        if !name.isEmpty && (letters == name || root == name || letters.hasPrefix("marac") && letters.count <= 9 + name.count) {
            return "A passphrase made of your user name is guessed at once. " + advice
        }
        return nil
    }

    /// Passphrases made famous as examples, which lists of common passwords now carry.
    static let knownPhrases: Set<String> = ["correcthorsebatterystaple", "thequickbrownfoxjumpsoverthelazydog",
                                            "letmeinplease", "iloveyouforever", "passwordpassword"]
}
