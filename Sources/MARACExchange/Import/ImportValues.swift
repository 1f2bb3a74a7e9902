import MARACCore

/// Why a cell is not the value its column holds, in words for the person who filled it in.
struct CellProblem: Error, ExpressibleByStringInterpolation {
    var reason: String
    init(stringLiteral value: String) { reason = value }
    init(stringInterpolation: DefaultStringInterpolation) { reason = String(stringInterpolation: stringInterpolation) }
}

typealias Parsed<T> = Result<T, CellProblem>

/// Reading a cell's text as a value, with the reason when it is not one.
enum ImportValues {
    static func day(_ text: String) -> Parsed<Day> { day(text, today: nil, kind: .event) }

    /// A day whose two-digit year (`1/3/90`) is read against today as DayParsing reads it:
    /// the nearest past year for a date of birth, the nearest year for an event.
    static func day(_ text: String, today: Day?, kind: DayParsing.Kind) -> Parsed<Day> {
        let t = text.trimmingSpaces()
        // Spreadsheets write "01/03/2026 00:00" or "2026-03-01T00:00:00" for dates with no time.
        let datePart = datePart(of: t)
        if let d = DayParsing.parse(datePart, today: today, kind: kind) { return .success(d) }
        return .failure("\"\(t)\" is not a date (write 2026-03-01 or 01/03/2026)")
    }

    static func datePart(of text: String) -> String {
        String(text.trimmingSpaces().split(whereSeparator: { $0 == " " || $0 == "T" }).first ?? "")
    }

    static func yesNo(_ text: String) -> Parsed<Bool> {
        switch text.trimmingSpaces().lowercased() {
        case "yes", "y", "true", "1": .success(true)
        case "no", "n", "false", "0": .success(false)
        default: .failure("\"\(text.trimmingSpaces())\" is not yes or no (yes, no, y, n, true, false, 1, 0)")
        }
    }

    /// The ways trackers and monitoring forms say that something was not recorded, or that the
    /// person chose not to say: all of them are marac's "not known", never a refusal.
    static func saysNotKnown(_ text: String) -> Bool {
        let t = NameFolding.fold(text)
        if text.trimmingSpaces() == "?" { return true }
        return ["notknown", "unknown", "dontknow", "dk", "nk", "na", "notstated", "notrecorded", "notgiven", "declined",
                "prefernottosay", "prefernotto", "prefernot", "notsaid", "notdisclosed", "notasked"].contains(t)
    }

    static func yesNoUnknown(_ text: String) -> Parsed<YesNoUnknown> {
        if saysNotKnown(text) { return .success(.notKnown) }
        switch yesNo(text) {
        case .success(let b): return .success(b ? .yes : .no)
        case .failure:
            return .failure("\"\(text.trimmingSpaces())\" is not yes, no or not known (yes, no, y, n, not known, unknown, prefer not to say; or leave it empty)")
        }
    }

    /// A number that may be not known (`children_count`): nil for "not known" and its kin.
    static func countOrNotKnown(_ text: String, maximum: Int) -> Parsed<Int?> {
        if saysNotKnown(text) { return .success(nil) }
        switch count(text, maximum: maximum) {
        case .success(let n): return .success(n)
        case .failure(let p): return .failure("\(p.reason) (write a number, or not known, or leave it empty)")
        }
    }

    static func count(_ text: String, maximum: Int) -> Parsed<Int> {
        let t = text.trimmingSpaces()
        guard let n = Int(t), n >= 0 else { return .failure("\"\(t)\" is not a whole number") }
        guard n <= maximum else { return .failure("\(n) is more than \(maximum)") }
        return .success(n)
    }

    static func gender(_ text: String) -> Parsed<Gender> {
        switch NameFolding.fold(text) {
        case "f", "female", "woman", "w": .success(.female)
        case "m", "male", "man": .success(.male)
        case "nonbinary", "nb": .success(.nonBinary)
        case "other": .success(.other)
        case "": .success(.notKnown)
        case _ where saysNotKnown(text): .success(.notKnown)
        default: .failure("\"\(text.trimmingSpaces())\" is not a gender marac records (female, male, non-binary, other, not known; prefer not to say is recorded as not known)")
        }
    }

    /// Ethnic group from the census names and the usual shorthand; the words are kept as detail.
    static func ethnicity(_ text: String) -> Parsed<EthnicGroup> {
        let t = NameFolding.fold(text)
        if t.isEmpty || saysNotKnown(text) || t.contains("notknown") || t.contains("unknown") || t.contains("notstated") || t.contains("declined")
            || t.contains("prefernot") { return .success(.notKnown) }
        if t.contains("mixed") || t.contains("dual") { return .success(.mixed) }
        if t.contains("gypsy") || t.contains("traveller") { return .success(.gypsyOrIrishTraveller) }
        if t.contains("easterneuropean") || t.contains("polish") || t.contains("romanian") || t.contains("lithuanian") { return .success(.otherWhite) }
        if t.contains("roma") { return .success(.roma) }
        if t.contains("white") && (t.contains("other") || t.contains("european")) { return .success(.otherWhite) }
        if t.contains("white") || t.contains("irish") { return .success(.white) }
        if t.contains("black") || t.contains("african") || t.contains("caribbean") { return .success(.black) }
        if t.contains("asian") || t.contains("indian") || t.contains("pakistani") || t.contains("bangladeshi") || t.contains("chinese") {
            return .success(.asian)
        }
        if t.contains("arab") || t.contains("other") { return .success(.other) }
        return .failure("\"\(text.trimmingSpaces())\" is not an ethnic group marac knows (white, mixed, Asian, Black, other, Gypsy or Irish Traveller, Roma, other White, not known; prefer not to say is recorded as not known)")
    }

    static func relationship(_ text: String) -> Parsed<Relationship> {
        let t = NameFolding.fold(text)
        if t.isEmpty { return .success(.partner) }
        if t.hasPrefix("ex") || t.contains("former") { return .success(.exPartner) }
        if ["partner", "husband", "wife", "boyfriend", "girlfriend", "spouse", "civilpartner", "current"].contains(where: { t.contains($0) }) {
            return .success(.partner)
        }
        if ["son", "daughter", "mother", "father", "brother", "sister", "family", "parent", "child", "uncle", "aunt", "cousin", "grand", "inlaw"]
            .contains(where: { t.contains($0) }) {
            return .success(.family)
        }
        if t == "other" { return .success(.other) }
        return .failure("\"\(text.trimmingSpaces())\" is not a relationship marac knows (partner, ex-partner, family member, other)")
    }

    /// "12 Mill Lane, Eastfold, NB3 4QT": the postcode, if the address ends with one, is kept apart.
    static func address(_ text: String) -> Address {
        let t = text.singleLine.trimmingSpaces()
        let parts = t.split(separator: ",").map { $0.trimmingSpaces() }
        if let last = parts.last, parts.count > 1, looksLikePostcode(last) {
            return Address(lines: parts.dropLast().joined(separator: ", "), postcode: last.uppercased())
        }
        return Address(lines: t)
    }

    static func looksLikePostcode(_ s: String) -> Bool {
        let compact = s.uppercased().filter { !$0.isWhitespace }
        guard (5...7).contains(compact.count), let first = compact.first, first.isLetter else { return false }
        let tail = Array(compact.suffix(3))
        return tail[0].isNumber && tail[1].isLetter && tail[2].isLetter
    }
}
