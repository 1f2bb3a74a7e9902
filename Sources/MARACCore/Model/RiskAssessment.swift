public enum RiskAnswerValue: String, Hashable, Sendable, Codable, CaseIterable {
    case yes, no
    case dontKnow = "dont-know"

    /// The key that answers a question on the checklist screen.
    public var letter: Character {
        switch self {
        case .yes: "y"
        case .no: "n"
        case .dontKnow: "d"
        }
    }
}

public struct RiskAnswer: Hashable, Sendable, Codable {
    public var value: RiskAnswerValue
    /// Source and comment, as the checklist asks for each answer.
    public var comment: String

    public init(_ value: RiskAnswerValue, comment: String = "") {
        self.value = value
        self.comment = comment
    }
}

/// One completed risk assessment, kept with the tool and version it was made with: per-item
/// answers where the referrer sent them, or the bare total where only a score is known.
public struct RiskAssessment: Hashable, Sendable, Codable {
    public var toolKey: String
    public var toolVersion: String
    public var completedOn: Day
    /// Empty when only a score was recorded.
    public var answers: [RiskAnswer]
    /// The total, computed from the answers by the tool when there are answers.
    public var score: Int

    public init(toolKey: String, toolVersion: String, completedOn: Day, answers: [RiskAnswer], score: Int) {
        self.toolKey = toolKey
        self.toolVersion = toolVersion
        self.completedOn = completedOn
        self.answers = answers
        self.score = score
    }

    /// An assessment scored by its tool from the answers given.
    public static func answered(_ tool: RiskTool, on day: Day, answers: [RiskAnswer]) -> RiskAssessment {
        RiskAssessment(toolKey: tool.key, toolVersion: tool.version, completedOn: day,
                       answers: answers, score: tool.score(answers))
    }

    /// An assessment known only by its total.
    public static func scored(_ tool: RiskTool, on day: Day, score: Int) -> RiskAssessment {
        RiskAssessment(toolKey: tool.key, toolVersion: tool.version, completedOn: day, answers: [], score: score)
    }

    public var isScoreOnly: Bool { answers.isEmpty }
}
