/// Where a figure of the data return is expected to lie: a steering group reads its trends
/// against these, and a figure outside is named in words ("below the range"), never by colour
/// alone. A percent of the cases discussed, or cases per 10,000 adult women for that figure.
public struct ExpectedRange: Hashable, Sendable, Codable {
    public var low: Double?
    public var high: Double?

    public init(low: Double? = nil, high: Double? = nil) {
        self.low = low
        self.high = high
    }

    public enum Position: Hashable, Sendable {
        case below, within, above

        /// The words a chart and a report put beside a point outside.
        public var words: String {
            switch self {
            case .below: "below the range"
            case .within: "within the range"
            case .above: "above the range"
            }
        }
    }

    public func position(of value: Double) -> Position {
        if let low, value < low { return .below }
        if let high, value > high { return .above }
        return .within
    }

    /// "28-40", "at least 5", "at most 10": also the form ``init(parsing:)`` reads.
    public var text: String {
        switch (low, high) {
        case let (l?, h?): "\(Self.number(l))-\(Self.number(h))"
        case let (l?, nil): "at least \(Self.number(l))"
        case let (nil, h?): "at most \(Self.number(h))"
        case (nil, nil): "none"
        }
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String((v * 10).rounded() / 10)
    }

    /// Reads "28-40", "28 to 40", "at least 5", "5+", "at most 10", "under 10" (a trailing %
    /// is allowed); nil for anything else, or a range whose low end is above its high end.
    public init?(parsing text: String) {
        let t = String(text.lowercased().filter { $0 != "%" }).trimmingSpaces()
        func value<S: StringProtocol>(_ s: S) -> Double? {
            guard let v = Double(String(s).trimmingSpaces()), v.isFinite, v >= 0 else { return nil }
            return v
        }
        for prefix in ["at least ", "over ", "above ", "from "] where t.hasPrefix(prefix) {
            guard let v = value(t.dropFirst(prefix.count)) else { return nil }
            self.init(low: v)
            return
        }
        for prefix in ["at most ", "under ", "below ", "up to "] where t.hasPrefix(prefix) {
            guard let v = value(t.dropFirst(prefix.count)) else { return nil }
            self.init(high: v)
            return
        }
        if t.hasSuffix("+"), let v = value(t.dropLast()) {
            self.init(low: v)
            return
        }
        let words = t.split(separator: " ")
        let parts: [Substring]
        if words.count == 3, words[1] == "to" { parts = [words[0], words[2]] } else {
            parts = t.split(whereSeparator: { $0 == "-" || $0 == "\u{2013}" })
        }
        guard parts.count == 2, let l = value(parts[0]), let h = value(parts[1]), l <= h else { return nil }
        self.init(low: l, high: h)
    }

    /// The ranges SafeLives publishes for a MARAC's data (see Docs/domain.md, "Expected
    /// ranges", for the source of each), by figure key. The repeat rate and the referral
    /// routes are bands; the diversity figures are levels a MARAC should reach; Black, Asian
    /// and racially minoritised victims are expected in line with the area's own population,
    /// so that range is the area's to set.
    public static let safeLives: [String: ExpectedRange] = [
        "cases_per_10k_adult_females": ExpectedRange(low: 40),
        "repeat_cases": ExpectedRange(low: 28, high: 40),
        "police_referrals": ExpectedRange(low: 60, high: 75),
        "non_police_referrals": ExpectedRange(low: 25, high: 40),
        "male_victims": ExpectedRange(low: 5, high: 10),
        "lgbt_victims": ExpectedRange(low: 5),
        "disabled_victims": ExpectedRange(low: 16),
    ]

    /// The figures a range can be set for, in the order the area settings list them.
    public static let rangedFigures: [(key: String, setting: String, label: String)] = [
        ("cases_per_10k_adult_females", "range-cases-per-10k", "cases a year per 10,000 adult women"),
        ("repeat_cases", "range-repeat-cases", "the share of repeat cases, in %"),
        ("police_referrals", "range-police-referrals", "the share of referrals from the police, in %"),
        ("non_police_referrals", "range-other-referrals", "the share of referrals from other agencies, in %"),
        ("male_victims", "range-male-victims", "the share of male victims, in %"),
        ("victims_16_17", "range-victims-16-17", "the share of victims aged 16-17, in %"),
        ("bame_victims", "range-minoritised-victims", "the share of Black, Asian and racially minoritised victims, in % (set it to your area's population)"),
        ("lgbt_victims", "range-lgbt-victims", "the share of LGBT+ victims, in %"),
        ("disabled_victims", "range-disabled-victims", "the share of victims with a disability, in %"),
    ]
}

/// The area's own range for one figure, replacing SafeLives' (`range` nil: no range at all).
public struct FigureRangeSetting: Hashable, Sendable, Codable {
    public var key: String
    public var range: ExpectedRange?

    public init(key: String, range: ExpectedRange?) {
        self.key = key
        self.range = range
    }
}

extension AreaProfile {
    /// The range a figure is read against, and whose it is: the area's where it set one, else
    /// SafeLives'.
    public func expectedRange(for key: String) -> (range: ExpectedRange, source: String)? {
        if let own = figureRanges.first(where: { $0.key == key }) {
            return own.range.map { ($0, "area") }
        }
        return ExpectedRange.safeLives[key].map { ($0, "SafeLives") }
    }
}
