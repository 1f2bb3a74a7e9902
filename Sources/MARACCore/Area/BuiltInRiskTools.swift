/// The risk tools every area profile starts with.
extension RiskTool {
    /// The SafeLives Domestic Abuse, Stalking and Harassment and Honour Based Violence Risk
    /// Identification Checklist (2009): 24 questions, each Yes / No / Don't know; only "yes"
    /// counts, and 14 or more is visible high risk.
    public static let dashRIC = RiskTool(
        key: "dash-ric",
        name: "SafeLives DASH RIC",
        version: "2009",
        items: dashQuestions.enumerated().map { RiskItem(number: $0.offset + 1, question: $0.element) },
        scoring: .countOfYes,
        threshold: 14,
        bands: [RiskBand(name: "Standard", from: 0), RiskBand(name: "Medium", from: 10),
                RiskBand(name: "High", from: 14)],
        acceptsScoreOnly: true
    )

    /// Merseyside's Risk Identification Tool: a weighted score where 72 or more ("Gold") is high
    /// risk. Its item weights are held by Merseyside Police, so the tool is carried here as a
    /// score with bands; an area that has the items adds them to its profile.
    public static let merit = RiskTool(
        key: "merit",
        name: "MeRIT",
        version: "1",
        items: [],
        scoring: .weightedSum,
        threshold: 72,
        bands: [RiskBand(name: "Bronze", from: 0), RiskBand(name: "Silver", from: 36),
                RiskBand(name: "Gold", from: 72)],
        acceptsScoreOnly: true,
        maximumScore: 200
    )

    public static let dashQuestions: [String] = [
        "Has the current incident resulted in injury?",
        "Is the victim very frightened?",
        "What is the victim afraid of (further injury or violence; to whom)?",
        "Does the victim feel isolated from family/friends, i.e. does (they) try to stop the victim seeing friends/family/doctor or others?",
        "Is the victim feeling depressed or having suicidal thoughts?",
        "Has the victim separated or tried to separate from (they) within the past year?",
        "Is there conflict over child contact?",
        "Does (they) constantly text, call, contact, follow, stalk or harass the victim?",
        "Is the victim pregnant or has she had a baby in the past 18 months?",
        "Is the abuse happening more often?",
        "Is the abuse getting worse?",
        "Does (they) try to control everything and/or are they excessively jealous?",
        "Has (they) ever used weapons or objects to hurt the victim?",
        "Has (they) ever threatened to kill the victim or someone else, and the victim believed it?",
        "Has (they) ever attempted to strangle, choke, suffocate or drown the victim?",
        "Does (they) do or say things of a sexual nature that make the victim feel bad or that physically hurt the victim or someone else?",
        "Is there any other person who has threatened the victim or whom the victim is afraid of?",
        "Does the victim know if (they) has hurt anyone else?",
        "Has (they) ever mistreated an animal or the family pet?",
        "Are there any financial issues?",
        "Has (they) had problems in the past year with drugs (prescription or other), alcohol or mental health leading to problems in leading a normal life?",
        "Has (they) ever threatened or attempted suicide?",
        "Has (they) ever broken bail, an injunction or a formal agreement about contact?",
        "Does the victim know if (they) has ever been in trouble with the police or has a criminal history?",
    ]
}
