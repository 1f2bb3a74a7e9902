/// The area profile's settings by the names people use: `marac area set threshold 72` and the
/// settings screen read and write them through this one table, so both accept the same forms
/// and refuse with the same words.
public struct AreaSetting: Sendable {
    /// As typed: `threshold`, `meetings`.
    public let name: String
    /// What it decides, for `marac area show` and the screen.
    public let meaning: String
    /// What a value looks like, for messages: `a whole number, 1 to 200`.
    public let accepts: String
    /// The current value in the form ``apply`` takes.
    public let value: @Sendable (AreaProfile, MARACState) -> String
    /// Sets the value from text, or refuses naming the setting and what it accepts.
    public let apply: @Sendable (String, inout AreaProfile, MARACState) throws(DomainError) -> Void
}

public enum AreaSettings {
    public static func named(_ name: String) -> AreaSetting? {
        let key = name.lowercased().trimmingSpaces()
        return all.first { $0.name == key }
    }

    /// A copy of `profile` with `setting` set to `text`.
    ///
    /// - Throws: ``DomainError/invalid(field:reason:)`` with the setting's name as the field and
    ///   what it accepts, or ``DomainError/unknownAgency(_:)``.
    public static func set(_ setting: AreaSetting, to text: String, in profile: AreaProfile,
                           state: MARACState) throws(DomainError) -> AreaProfile {
        var p = profile
        try setting.apply(text.trimmingSpaces(), &p, state)
        return p
    }

    static func refuse(_ name: String, _ text: String, _ accepts: String) -> DomainError {
        .invalid(field: name, reason: "\"\(text)\" is not \(accepts)")
    }

    static func number(_ name: String, _ text: String, _ range: ClosedRange<Int>) throws(DomainError) -> Int {
        guard let n = Int(text.filter { $0 != "," && $0 != "_" }), range.contains(n) else {
            throw refuse(name, text, "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    static func text(_ name: String, _ text: String) throws(DomainError) -> String {
        guard !text.isEmpty else { throw .invalid(field: name, reason: "give a value (it cannot be empty)") }
        return text
    }

    static func tool(_ p: AreaProfile) -> RiskTool? { p.riskTool(p.defaultRiskTool) }

    static func setTool(_ p: inout AreaProfile, _ change: (inout RiskTool) -> Void) {
        guard let i = p.riskTools.firstIndex(where: { $0.key == p.defaultRiskTool }) else { return }
        change(&p.riskTools[i])
    }

    /// Every setting, in the order `marac area show` lists them.
    public static let all: [AreaSetting] = basic + ranges

    /// One setting per figure the trends read against a range: "28-40", "at least 5",
    /// "at most 10", `none` for no range, or `safelives` for SafeLives' own.
    static let ranges: [AreaSetting] = ExpectedRange.rangedFigures.map { figure in
        let accepts = "a range such as \"28-40\", \"at least 5\" or \"at most 10\"; none; or safelives for SafeLives' own"
        let standard = ExpectedRange.safeLives[figure.key].map { "SafeLives: \($0.text)" } ?? "SafeLives sets none"
        return AreaSetting(
            name: figure.setting, meaning: "the range the trends expect for \(figure.label) (\(standard))",
            accepts: accepts,
            value: { p, _ in
                guard let own = p.figureRanges.first(where: { $0.key == figure.key }) else { return "safelives" }
                return own.range?.text ?? "none"
            },
            apply: { t, p, _ throws(DomainError) in
                p.figureRanges.removeAll { $0.key == figure.key }
                switch t.lowercased() {
                case "safelives", "default": return
                case "none", "": p.figureRanges.append(FigureRangeSetting(key: figure.key, range: nil))
                default:
                    guard let range = ExpectedRange(parsing: t) else { throw refuse(figure.setting, t, accepts) }
                    p.figureRanges.append(FigureRangeSetting(key: figure.key, range: range))
                }
            })
    }

    static let basic: [AreaSetting] = [
        AreaSetting(name: "name", meaning: "the MARAC's name, as it heads minutes and exports", accepts: "a name",
                    value: { p, _ in p.maracName },
                    apply: { t, p, _ throws(DomainError) in p.maracName = try text("name", t) }),
        AreaSetting(name: "risk-tool", meaning: "the risk assessment new referrals use: the DASH RIC (14 yes answers) or MeRIT (a weighted score)",
                    accepts: "dash or merit",
                    value: { p, _ in p.defaultRiskTool == RiskTool.merit.key ? "merit" : "dash" },
                    apply: { t, p, _ throws(DomainError) in
                        switch t.lowercased() {
                        case "dash", "dash-ric", "dash ric": p.defaultRiskTool = RiskTool.dashRIC.key
                        case "merit": p.defaultRiskTool = RiskTool.merit.key
                        default: throw refuse("risk-tool", t, "dash or merit")
                        }
                        if p.riskTool(p.defaultRiskTool) == nil { p.riskTools.append(p.defaultRiskTool == RiskTool.merit.key ? .merit : .dashRIC) }
                    }),
        AreaSetting(name: "threshold", meaning: "the score at which the risk tool makes a referral visible high risk", accepts: "a whole number the tool can score",
                    value: { p, _ in tool(p).map { "\($0.threshold)" } ?? "" },
                    apply: { t, p, _ throws(DomainError) in
                        let most = tool(p)?.maximumScore ?? 24
                        let n = try number("threshold", t, 1...most)
                        setTool(&p) { $0.threshold = n }
                    }),
        AreaSetting(name: "bands", meaning: "the risk tool's named bands, lowest first", accepts: "names with the score each starts at: \"Bronze 0, Silver 36, Gold 72\"",
                    value: { p, _ in tool(p).map { $0.bands.map { "\($0.name) \($0.from)" }.joined(separator: ", ") } ?? "" },
                    apply: { t, p, _ throws(DomainError) in
                        var bands: [RiskBand] = []
                        for part in t.split(separator: ",") {
                            let words = part.split(separator: " ")
                            guard words.count >= 2, let from = Int(words.last!), from >= 0 else {
                                throw refuse("bands", t, "names with the score each starts at: \"Bronze 0, Silver 36, Gold 72\"")
                            }
                            bands.append(RiskBand(name: words.dropLast().joined(separator: " "), from: from))
                        }
                        guard !bands.isEmpty, zip(bands, bands.dropFirst()).allSatisfy({ $0.from < $1.from }) else {
                            throw .invalid(field: "bands", reason: "give at least one band, each starting higher than the one before")
                        }
                        setTool(&p) { $0.bands = bands }
                    }),
        AreaSetting(name: "escalation", meaning: "potential escalation: this many incidents within this many months", accepts: "\"3 in 12 months\"",
                    value: { p, _ in "\(p.escalation.incidents) in \(p.escalation.months) months" },
                    apply: { t, p, _ throws(DomainError) in
                        let words = t.lowercased().split(separator: " ")
                        guard words.count >= 3, words[1] == "in", let n = Int(words[0]), let m = Int(words[2]), (1...50).contains(n), (1...36).contains(m),
                              words.count == 3 || words[3].hasPrefix("month") else { throw refuse("escalation", t, "incidents in months: \"3 in 12 months\"") }
                        p.escalation = EscalationRule(incidents: n, months: m)
                    }),
        AreaSetting(name: "repeat-anchor", meaning: "what the 12-month repeat window counts from", accepts: "last-referral or last-meeting",
                    value: { p, _ in p.repeatAnchor.rawValue },
                    apply: { t, p, _ throws(DomainError) in
                        guard let a = RepeatAnchor(rawValue: t.lowercased()) else { throw refuse("repeat-anchor", t, "last-referral or last-meeting") }
                        p.repeatAnchor = a
                    }),
        AreaSetting(name: "repeat-window-months", meaning: "how long after the anchor a new incident makes a repeat", accepts: "a number of months",
                    value: { p, _ in "\(p.repeatWindowMonths)" },
                    apply: { t, p, _ throws(DomainError) in p.repeatWindowMonths = try number("repeat-window-months", t, 1...36) }),
        AreaSetting(name: "minimum-age", meaning: "the youngest victim the MARAC hears", accepts: "an age",
                    value: { p, _ in "\(p.minimumAge)" },
                    apply: { t, p, _ throws(DomainError) in p.minimumAge = try number("minimum-age", t, 0...25) }),
        AreaSetting(name: "postcodes", meaning: "the postcode districts the MARAC covers; a referral from elsewhere is flagged out of area",
                    accepts: "districts separated by commas (\"L32,L33\"), or nothing for no check",
                    value: { p, _ in p.postcodePrefixes.joined(separator: ",") },
                    apply: { t, p, _ throws(DomainError) in
                        let parts = t.split(separator: ",").map { $0.trimmingSpaces().uppercased() }.filter { !$0.isEmpty }
                        guard parts.allSatisfy({ $0.count <= 4 && $0.first?.isLetter == true && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else {
                            throw refuse("postcodes", t, "postcode areas or districts separated by commas (\"L32,L33\" or \"NB\")")
                        }
                        p.postcodePrefixes = parts
                    }),
        AreaSetting(name: "adult-female-population", meaning: "women aged 16 and over in the area, for the return's cases per 10,000", accepts: "a number of people",
                    value: { p, _ in "\(p.adultFemalePopulation)" },
                    apply: { t, p, _ throws(DomainError) in p.adultFemalePopulation = try number("adult-female-population", t, 1...20_000_000) }),
        AreaSetting(name: "meetings", meaning: "when meetings fall; dates are proposed from it", accepts: "a pattern such as " + MeetingPattern.forms.prefix(3).map { "\"\($0)\"" }.joined(separator: ", "),
                    value: { p, _ in p.meetingPattern.text },
                    apply: { t, p, _ throws(DomainError) in
                        guard let pattern = MeetingPattern(parsing: t) else {
                            throw refuse("meetings", t, "a pattern such as " + MeetingPattern.forms.map { "\"\($0)\"" }.joined(separator: ", "))
                        }
                        p.meetingPattern = pattern
                    }),
        AreaSetting(name: "cut-off-working-days", meaning: "working days before a meeting that its case list is frozen and circulated", accepts: "a number of working days",
                    value: { p, _ in "\(p.caseListCutoffWorkingDays)" },
                    apply: { t, p, _ throws(DomainError) in p.caseListCutoffWorkingDays = try number("cut-off-working-days", t, 0...30) }),
        AreaSetting(name: "bank-holidays", meaning: "whose bank holidays the cut-off and proposed dates skip", accepts: "england-and-wales, scotland, northern-ireland or none",
                    value: { p, _ in p.bankHolidays.rawValue },
                    apply: { t, p, _ throws(DomainError) in
                        guard let r = BankHolidayRegion(rawValue: t.lowercased()) else {
                            throw refuse("bank-holidays", t, "england-and-wales, scotland, northern-ireland or none")
                        }
                        p.bankHolidays = r
                    }),
        AreaSetting(name: "confidentiality-statement", meaning: "what the chair reads at the start of each meeting", accepts: "the statement's text",
                    value: { p, _ in p.confidentialityStatement },
                    apply: { t, p, _ throws(DomainError) in p.confidentialityStatement = try text("confidentiality-statement", t) }),
        AreaSetting(name: "retention-months", meaning: "months after a case's last activity that its personal data is due for destruction", accepts: "a number of months",
                    value: { p, _ in "\(p.retentionMonths)" },
                    apply: { t, p, _ throws(DomainError) in p.retentionMonths = try number("retention-months", t, 1...600) }),
        AreaSetting(name: "idva-agency", meaning: "the IDVA service every accepted case is referred to", accepts: "an agency's name, or none (the first IDVA service that signed)",
                    value: { p, s in p.idvaAgency.flatMap(s.agency)?.name ?? "none" },
                    apply: { t, p, s throws(DomainError) in
                        if t.lowercased() == "none" || t.isEmpty { p.idvaAgency = nil; return }
                        let found = s.agencies(matching: t).filter(\.isActive)
                        guard found.count == 1 else {
                            throw .invalid(field: "idva-agency", reason: found.isEmpty ? "no agency is called \"\(t)\"; add it first (marac agency add)"
                                : "\"\(t)\" could be \(found.map(\.name).joined(separator: ", "))")
                        }
                        p.idvaAgency = found[0].id
                    }),
        AreaSetting(name: "idle-lock-minutes", meaning: "minutes without a key before a screen locks (0 never); --lock-after overrides it", accepts: "a number of minutes",
                    value: { p, _ in "\(p.idleLockMinutes)" },
                    apply: { t, p, _ throws(DomainError) in p.idleLockMinutes = try number("idle-lock-minutes", t, 0...240) }),
        AreaSetting(name: "minutes-per-case", meaning: "the time each case is given at a meeting (the timer turns red past it)", accepts: "a number of minutes",
                    value: { p, _ in "\(p.targetMinutesPerCase)" },
                    apply: { t, p, _ throws(DomainError) in p.targetMinutesPerCase = try number("minutes-per-case", t, 1...120) }),
        AreaSetting(name: "venue", meaning: "the usual venue, offered when a meeting is scheduled", accepts: "a place, or nothing",
                    value: { p, _ in p.defaultVenue },
                    apply: { t, p, _ throws(DomainError) in p.defaultVenue = t }),
        AreaSetting(name: "chair", meaning: "the usual chair, offered when a meeting is scheduled", accepts: "a name, or nothing",
                    value: { p, _ in p.defaultChair },
                    apply: { t, p, _ throws(DomainError) in p.defaultChair = t }),
    ]
}
