/// A risk identification tool described as data, so an area can use the SafeLives DASH RIC,
/// Merseyside's MeRIT, or its own, without a change to the code.
public struct RiskTool: Hashable, Sendable, Codable {
    /// Stable key stored with every assessment (`dash-ric`), so an assessment is always read
    /// against the tool and version it was made with.
    public var key: String
    public var name: String
    public var version: String
    public var items: [RiskItem]
    public var scoring: Scoring
    /// The score at or above which the referral meets the visible-high-risk criterion.
    public var threshold: Int
    /// Named bands, lowest first; a score belongs to the last band whose `from` it reaches.
    public var bands: [RiskBand]
    /// True when a bare total may be recorded without per-item answers (tools whose weights are
    /// held by another agency, or scores copied from a referral form).
    public var acceptsScoreOnly: Bool
    /// Highest score the tool can give; a recorded score above it is refused.
    public var maximumScore: Int

    public enum Scoring: String, Hashable, Sendable, Codable, CaseIterable {
        /// Each "yes" answer counts one (DASH): "don't know" and "no" count nothing.
        case countOfYes
        /// Each "yes" answer counts its item's weight.
        case weightedSum
    }

    public init(key: String, name: String, version: String, items: [RiskItem], scoring: Scoring,
                threshold: Int, bands: [RiskBand], acceptsScoreOnly: Bool, maximumScore: Int? = nil) {
        self.key = key
        self.name = name
        self.version = version
        self.items = items
        self.scoring = scoring
        self.threshold = threshold
        self.bands = bands
        self.acceptsScoreOnly = acceptsScoreOnly
        self.maximumScore = maximumScore ?? (scoring == .countOfYes ? items.count : items.reduce(0) { $0 + $1.weight })
    }

    /// The score given by a set of answers, by this tool's rule.
    public func score(_ answers: [RiskAnswer]) -> Int {
        var total = 0
        for (i, answer) in answers.enumerated() where i < items.count && answer.value == .yes {
            total += scoring == .countOfYes ? 1 : items[i].weight
        }
        return total
    }

    public func band(for score: Int) -> RiskBand? {
        bands.last { score >= $0.from }
    }

    public func meetsThreshold(_ score: Int) -> Bool { score >= threshold }
}

public struct RiskItem: Hashable, Sendable, Codable {
    public var number: Int
    public var question: String
    public var weight: Int

    public init(number: Int, question: String, weight: Int = 1) {
        self.number = number
        self.question = question
        self.weight = weight
    }
}

public struct RiskBand: Hashable, Sendable, Codable {
    public var name: String
    public var from: Int

    public init(name: String, from: Int) {
        self.name = name
        self.from = from
    }
}
