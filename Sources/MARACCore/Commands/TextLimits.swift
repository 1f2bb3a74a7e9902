/// What text a command may carry: a one-line field (a name, a reference, a postcode, an
/// owner) holds no control characters and at most ``lineLimit`` characters; free text (a
/// summary, a note, a reason, what an agency shared) may hold new lines and tabs but no other
/// control character, and at most ``noteLimit`` characters. A NUL byte, a name of 100,000
/// characters or a 50 MB spreadsheet cell is refused with the field and the limit named.
///
/// Every string a command holds is checked, found by walking the command's value, so a field
/// added later is checked without anyone remembering to. Which fields are free text is named
/// below; any other string is a line. Unlabelled strings (the text of `shareInformation`,
/// `addOtherBusiness`, …) are free text.
public enum TextLimits {
    public static let lineLimit = 300
    public static let noteLimit = 20_000

    /// Field names (as the model spells them) that hold free text.
    static let noteFields: Set<String> = [
        "summary", "professionalJudgement", "note", "reason", "missing", "description", "confidentialityStatement",
        "victimNotAwareReason", "sharingWithoutConsentReason", "bailAndOrders", "lines", "information", "risks", "text",
        "comment", "safeTimes",
    ]

    /// Refuses the first string in `command` that breaks the limits, naming its field.
    public static func check(_ command: Command) throws(DomainError) {
        if let problem = firstProblem(in: command, path: []) { throw problem }
    }

    static func firstProblem(in value: Any, path: [String]) -> DomainError? {
        if let text = value as? String { return problem(text, path: path) }
        let mirror = Mirror(reflecting: value)
        for (index, child) in mirror.children.enumerated() {
            let label = child.label ?? ""
            let step: String
            switch mirror.displayStyle {
            case .collection?, .set?: step = "#\(index + 1)"
            case .optional?: step = ""
            default: step = label
            }
            if let found = firstProblem(in: child.value, path: step.isEmpty ? path : path + [step]) { return found }
        }
        return nil
    }

    static func problem(_ text: String, path: [String]) -> DomainError? {
        let isNote = path.last.map { noteFields.contains($0) || $0.hasPrefix(".") } ?? true
        let field = fieldName(path)
        let limit = isNote ? noteLimit : lineLimit
        // Counting stops just past the limit: a 50 MB cell is not walked to its end.
        let count = text.prefix(limit + 1).count
        if count > limit {
            return .invalid(field: field, reason: "it is longer than the \(limit) characters "
                + (isNote ? "free text may have" : "a one-line field may have") + "; shorten it, or put the rest in a note")
        }
        for scalar in text.unicodeScalars where scalar.properties.generalCategory == .control {
            if isNote && (scalar == "\n" || scalar == "\t" || scalar == "\r") { continue }
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            return .invalid(field: field, reason: (isNote ? "it holds a control character (\(code)) other than a new line or a tab"
                : "it holds a control character (\(code))" + (scalar == "\n" ? ", a new line," : "") + " that a one-line field cannot")
                + "; type or paste the text again")
        }
        return nil
    }

    /// A field's path as words a coordinator reads: `victim name`, `perpetrator 1 name`,
    /// `child 2 name`, `summary`.
    static func fieldName(_ path: [String]) -> String {
        var words: [String] = []
        // The command's own name and the wrappers around a person or the details are not said.
        for (i, step) in path.enumerated() where i > 0 || path.count == 1 {
            if ["details", "person", "some"].contains(step) || step.hasPrefix(".") { continue }
            if step.hasPrefix("#") {
                if let last = words.popLast() { words.append(singular(last)) }
                words.append(String(step.dropFirst()))
                continue
            }
            words.append(spaced(step))
        }
        // Free text with no name of its own is named by its command: `share information`.
        return words.isEmpty ? spaced(path.first ?? "text") : words.joined(separator: " ")
    }

    static func singular(_ word: String) -> String {
        switch word {
        case "children": "child"
        case "aliases": "alias"
        case "representatives": "representative"
        default: word.hasSuffix("s") ? String(word.dropLast()) : word
        }
    }

    /// `professionalJudgement` as `professional judgement`.
    static func spaced(_ name: String) -> String {
        var out = ""
        for c in name {
            if c.isUppercase { out += " " + c.lowercased() } else { out.append(c) }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
