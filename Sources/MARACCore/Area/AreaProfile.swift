/// Every rule of the MARAC process that differs from one area to the next. Nothing in the core
/// hard-codes these: the defaults are the SafeLives guidance, and a store records its own.
public struct AreaProfile: Hashable, Sendable, Codable {
    /// The MARAC's name as it heads minutes and exports ("Northbridge MARAC").
    public var maracName: String
    public var riskTools: [RiskTool]
    /// The key of the tool new referrals are offered first.
    public var defaultRiskTool: String
    public var escalation: EscalationRule
    public var repeatWindowMonths: Int
    public var repeatAnchor: RepeatAnchor
    public var minimumAge: Int
    public var meetingPattern: MeetingPattern
    public var targetMinutesPerCase: Int
    /// How many working days before a meeting the case list is frozen and circulated.
    public var caseListCutoffWorkingDays: Int
    /// Months after a case's last activity before its personal data is due for destruction.
    public var retentionMonths: Int
    public var confidentialityStatement: String
    /// Adult female population of the area, for the cases per 10,000 figure.
    public var adultFemalePopulation: Int
    /// Postcode prefixes the MARAC covers ("NB1", "NB2"); a referral whose victim lives elsewhere
    /// is flagged out of area. Empty means no check.
    public var postcodePrefixes: [String]
    /// The nation whose bank holidays the case-list cut-off skips and meetings move off.
    public var bankHolidays: BankHolidayRegion = .none
    /// The IDVA service a case is referred to when it is accepted; nil: the first IDVA-kind
    /// agency that signed the ISP.
    public var idvaAgency: AgencyID?
    /// Minutes without a key before a screen locks (0: never), unless `--lock-after` says.
    public var idleLockMinutes: Int = 10
    /// The usual venue and chair, offered when a meeting is scheduled.
    public var defaultVenue: String = ""
    public var defaultChair: String = ""
    /// The area's own expected ranges for figures of the return, where it differs from
    /// SafeLives' (``ExpectedRange/safeLives``); read through ``expectedRange(for:)``.
    public var figureRanges: [FigureRangeSetting] = []

    public init(maracName: String,
                riskTools: [RiskTool] = [.dashRIC, .merit],
                defaultRiskTool: String = RiskTool.dashRIC.key,
                escalation: EscalationRule = EscalationRule(incidents: 3, months: 12),
                repeatWindowMonths: Int = 12,
                repeatAnchor: RepeatAnchor = .lastReferral,
                minimumAge: Int = 16,
                meetingPattern: MeetingPattern = MeetingPattern(everyDays: 28, weekday: 3),
                targetMinutesPerCase: Int = 12,
                caseListCutoffWorkingDays: Int = 8,
                retentionMonths: Int = 72,
                confidentialityStatement: String = AreaProfile.standardStatement,
                adultFemalePopulation: Int = 100_000,
                postcodePrefixes: [String] = []) {
        self.maracName = maracName
        self.riskTools = riskTools
        self.defaultRiskTool = defaultRiskTool
        self.escalation = escalation
        self.repeatWindowMonths = repeatWindowMonths
        self.repeatAnchor = repeatAnchor
        self.minimumAge = minimumAge
        self.meetingPattern = meetingPattern
        self.targetMinutesPerCase = targetMinutesPerCase
        self.caseListCutoffWorkingDays = caseListCutoffWorkingDays
        self.retentionMonths = retentionMonths
        self.confidentialityStatement = confidentialityStatement
        self.adultFemalePopulation = adultFemalePopulation
        self.postcodePrefixes = postcodePrefixes
    }

    public func riskTool(_ key: String) -> RiskTool? { riskTools.first { $0.key == key } }

    /// True when the postcode's district is one the area covers, when the postcode is too short
    /// to tell, or when the area has no list to check against. A prefix of letters only ("NB")
    /// covers every district of that postcode area; one with digits ("NB1") covers that district
    /// alone, so NB1 never covers NB12.
    public func covers(postcode: String) -> Bool {
        guard !postcodePrefixes.isEmpty else { return true }
        let compact = postcode.uppercased().filter { !$0.isWhitespace }
        guard compact.count >= 5 else { return true }
        let outward = compact.dropLast(3)
        return postcodePrefixes.contains { prefix in
            let p = prefix.uppercased().filter { !$0.isWhitespace }
            if p.allSatisfy(\.isLetter) {
                return outward.hasPrefix(p) && outward.dropFirst(p.count).first?.isNumber == true
            }
            return outward == p
        }
    }

    public static let standardStatement = """
        Information discussed by the agencies within the MARAC is strictly confidential and must \
        not be disclosed to third parties without the agreement of the partners of the MARAC. \
        All agencies should ensure that the minutes are retained in a confidential and \
        appropriately restricted manner. The MARAC aims to address the safety of the victim, \
        children and agency workers; any disclosure must be relevant, proportionate and in line \
        with the Information Sharing Protocol. Any risks to children or vulnerable adults \
        identified at the meeting will be referred on through the appropriate procedures.
        """
}

/// Potential escalation: this many incidents within this many months before the referral.
public struct EscalationRule: Hashable, Sendable, Codable {
    public var incidents: Int
    public var months: Int

    public init(incidents: Int, months: Int) {
        self.incidents = incidents
        self.months = months
    }
}

/// What the repeat window counts from: the last referral to MARAC, or the last MARAC meeting
/// that heard the case. Both dates are kept on every case, so changing the anchor needs no data.
public enum RepeatAnchor: String, Hashable, Sendable, Codable, CaseIterable {
    case lastReferral = "last-referral"
    case lastMeeting = "last-meeting"
}
