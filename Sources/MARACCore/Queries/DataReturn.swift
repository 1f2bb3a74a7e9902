/// A calendar quarter: Q1 is January to March. Written `2026-Q3`.
public struct Quarter: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var number: Int

    public init?(year: Int, number: Int) {
        guard (1...4).contains(number), (1...9999).contains(year) else { return nil }
        self.year = year
        self.number = number
    }

    public init(containing day: Day) {
        self.year = day.year
        self.number = (day.month - 1) / 3 + 1
    }

    /// Reads `2026-Q3`, `2026Q3` or `Q3 2026`.
    public init?(parsing text: String) {
        let t = text.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        if let q = t.firstIndex(of: "Q") {
            let before = t[..<q], after = t[t.index(after: q)...]
            if before.count == 4, let y = Int(before), after.count == 1, let n = Int(after) {
                self.init(year: y, number: n)
                return
            }
            if before.isEmpty, after.count == 5, let n = Int(after.prefix(1)), let y = Int(after.dropFirst()) {
                self.init(year: y, number: n)
                return
            }
        }
        return nil
    }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }

    public var firstDay: Day { Day(year: year, month: (number - 1) * 3 + 1, day: 1)! }
    public var lastDay: Day { firstDay.adding(months: 3).adding(days: -1) }
    public func contains(_ day: Day) -> Bool { day >= firstDay && day <= lastDay }

    public var previous: Quarter { number == 1 ? Quarter(year: year - 1, number: 4)! : Quarter(year: year, number: number - 1)! }

    public var description: String { "\(year)-Q\(number)" }
}

/// The SafeLives MARAC data return for one quarter, from the cases discussed at meetings held
/// in it. Each figure keeps its definition, so the report can say what was counted.
public struct DataReturn: Hashable, Sendable {
    public var quarter: Quarter
    public var meetingsHeld: Int
    public var casesDiscussed: Int
    public var repeatCases: Int
    public var childrenInHouseholds: Int
    /// Referring agency kind of each case discussed.
    public var referralsByAgencyKind: [AgencyKind: Int]
    public var policeReferrals: Int
    public var maleVictims: Int
    public var victimsAged16to17: Int
    public var raciallyMinoritisedVictims: Int
    public var lgbtVictims: Int
    public var disabledVictims: Int
    public var perpetratorsAged17OrUnder: Int
    /// Cases discussed in the twelve months ending with this quarter, per 10,000 adult females.
    public var casesPer10kAdultFemales: Double?

    public var nonPoliceReferrals: Int { casesDiscussed - policeReferrals }

    /// SafeLives' national percentages for the twelve months to June 2023, by figure key: what
    /// a chair compares the area with.
    public static let nationalPercent: [String: Double] = [
        "repeat_cases": 32, "non_police_referrals": 36, "bame_victims": 16.1, "lgbt_victims": 1.6,
        "disabled_victims": 10.0, "male_victims": 6.5, "victims_16_17": 1.3,
    ]
    /// The figures that are shares of the cases discussed (the others are counts), whatever a
    /// quarter holds: a quarter with no cases has no percent to tell them by.
    public static let shareKeys: Set<String> = [
        "repeat_cases", "police_referrals", "non_police_referrals", "male_victims", "victims_16_17",
        "bame_victims", "lgbt_victims", "disabled_victims",
    ]
    /// National cases per 10,000 adult females, and the figure SafeLives recommends.
    public static let nationalCasesPer10k = 45.0
    public static let recommendedCasesPer10k = 40.0

    public func percent(_ n: Int) -> Double? {
        casesDiscussed == 0 ? nil : Double(n) * 100 / Double(casesDiscussed)
    }

    /// The figures as the report lists them: key, label, value, and what was counted.
    /// Each a share of the cases discussed where its key is one of ``shareKeys``.
    public var figures: [(key: String, label: String, value: Int?, percent: Double?, definition: String)] {
        let counts: [(String, String, Int, String)] = [
            ("meetings", "Meetings held", meetingsHeld, "Meetings dated in the quarter that started (not cancelled)."),
            ("cases", "Cases discussed", casesDiscussed, "Cases heard at those meetings; a case heard twice counts twice."),
            ("repeat_cases", "Repeat cases", repeatCases, "Cases discussed that were linked as a repeat of an earlier case inside its window."),
            ("children", "Children in the households", childrenInHouseholds, "Children recorded on the referrals of the cases discussed."),
            ("police_referrals", "Referrals from the police", policeReferrals, "Cases discussed whose referring agency is of kind police."),
            ("non_police_referrals", "Referrals from other agencies", nonPoliceReferrals, "Cases discussed referred by any agency that is not the police."),
            ("male_victims", "Male victims", maleVictims, "Cases discussed whose victim's gender is recorded as male."),
            ("victims_16_17", "Victims aged 16-17", victimsAged16to17, "Victims aged 16 or 17 on the referral date."),
            ("bame_victims", "Black, Asian and racially minoritised victims", raciallyMinoritisedVictims, "Victims whose ethnic group is mixed, Asian, Black, other, or a White minority (Gypsy or Irish Traveller, Roma, other White)."),
            ("lgbt_victims", "LGBT+ victims", lgbtVictims, "Victims recorded as LGBT+."),
            ("disabled_victims", "Victims with a disability", disabledVictims, "Victims recorded as having a disability."),
            ("perpetrators_17_under", "Perpetrators aged 17 or under", perpetratorsAged17OrUnder, "Perpetrators named on the cases discussed who were 17 or under on the referral date."),
        ]
        return counts.map { key, label, value, definition in
            (key, label, value, Self.shareKeys.contains(key) ? percent(value) : nil, definition)
        }
    }

    /// The twelve-month rate, as the report and the trends name and define it.
    public static let casesPer10k = (
        key: "cases_per_10k_adult_females", label: "Cases per 10,000 adult females (12 months)",
        definition: "Cases discussed in the twelve months ending with the quarter, per 10,000 adult females in the area profile's population; SafeLives recommends about \(Int(recommendedCasesPer10k)).")
}

extension MARACState {
    /// The cases discussed at meetings held in a date range, once per meeting that heard them.
    public func casesDiscussed(from: Day, through: Day) -> [(meeting: Meeting, caseID: CaseID)] {
        var out: [(Meeting, CaseID)] = []
        for m in meetings where m.date >= from && m.date <= through && m.startedAt != nil && m.status != .cancelled {
            for d in m.discussions where d.startedAt != nil {
                if let c = `case`(d.caseID), c.status != .recordedInError { out.append((m, d.caseID)) }
            }
        }
        return out
    }

    /// What one case discussed adds to the return: the one place each figure's rule is written,
    /// so the quarterly return, its trends and the cases behind a trend's bar always agree.
    ///
    /// Fields are read in place (`referrals[r].details.victim.gender`), not through a copy of
    /// the case and the referral: the trends read eight quarters of cases at once.
    public func returnContribution(of caseID: CaseID) -> ReturnContribution? {
        let c = caseID.index
        guard cases.indices.contains(c) else { return nil }
        let r = cases[c].referral.index
        guard referrals.indices.contains(r) else { return nil }
        let agencyID = referrals[r].details.agency
        let received = referrals[r].details.receivedOn
        let kind = agencies.indices.contains(agencyID.index) ? agencies[agencyID.index].kind : .other
        let age = referrals[r].details.victim.dateOfBirth.map { $0.age(on: received) }
        return ReturnContribution(
            caseID: caseID, agency: agencyID, agencyKind: kind, isRepeat: cases[c].repeatOf != nil,
            children: referrals[r].details.childrenInHousehold, isPolice: kind == .police,
            isMale: referrals[r].details.victim.gender == .male,
            isAged16to17: age == 16 || age == 17,
            isRaciallyMinoritised: referrals[r].details.victim.diversity.ethnicity.isRaciallyMinoritised,
            isLGBT: referrals[r].details.victim.diversity.lgbt == .yes,
            isDisabled: referrals[r].details.victim.diversity.disability == .yes,
            perpetratorsAged17OrUnder: referrals[r].details.perpetrators.filter { ($0.person.age(on: received) ?? 99) <= 17 }.count)
    }

    /// The meetings held in a date range and the cases heard at them (once per meeting that
    /// heard them), read in place: what ``casesDiscussed(from:through:)`` gives without a copy
    /// of each meeting.
    func heard(from: Day, through: Day) -> (meetings: Set<MeetingID>, cases: [CaseID]) {
        var held: Set<MeetingID> = [], heard: [CaseID] = []
        for m in meetings.indices where meetings[m].date >= from && meetings[m].date <= through
            && meetings[m].startedAt != nil && meetings[m].status != .cancelled {
            held.insert(meetings[m].id)
            for d in meetings[m].discussions.indices where meetings[m].discussions[d].startedAt != nil {
                let id = meetings[m].discussions[d].caseID
                if cases.indices.contains(id.index), cases[id.index].status != .recordedInError { heard.append(id) }
            }
        }
        return (held, heard)
    }

    public func dataReturn(for quarter: Quarter) -> DataReturn {
        let discussed = heard(from: quarter.firstDay, through: quarter.lastDay)
        var r = DataReturn(quarter: quarter, meetingsHeld: discussed.meetings.count, casesDiscussed: discussed.cases.count, repeatCases: 0, childrenInHouseholds: 0,
                           referralsByAgencyKind: [:], policeReferrals: 0, maleVictims: 0, victimsAged16to17: 0,
                           raciallyMinoritisedVictims: 0, lgbtVictims: 0, disabledVictims: 0,
                           perpetratorsAged17OrUnder: 0, casesPer10kAdultFemales: nil)
        for caseID in discussed.cases {
            guard let c = returnContribution(of: caseID) else { continue }
            if c.isRepeat { r.repeatCases += 1 }
            r.childrenInHouseholds += c.children
            r.referralsByAgencyKind[c.agencyKind, default: 0] += 1
            if c.isPolice { r.policeReferrals += 1 }
            if c.isMale { r.maleVictims += 1 }
            if c.isAged16to17 { r.victimsAged16to17 += 1 }
            if c.isRaciallyMinoritised { r.raciallyMinoritisedVictims += 1 }
            if c.isLGBT { r.lgbtVictims += 1 }
            if c.isDisabled { r.disabledVictims += 1 }
            r.perpetratorsAged17OrUnder += c.perpetratorsAged17OrUnder
        }
        if profile.adultFemalePopulation > 0 {
            let yearStart = quarter.firstDay.adding(months: -9)
            let yearCases = heard(from: yearStart, through: quarter.lastDay).cases.count
            r.casesPer10kAdultFemales = Double(yearCases) * 10_000 / Double(profile.adultFemalePopulation)
        }
        return r
    }
}

/// One case discussed, as the data return counts it.
public struct ReturnContribution: Hashable, Sendable {
    public var caseID: CaseID
    public var agency: AgencyID
    public var agencyKind: AgencyKind
    public var isRepeat: Bool
    public var children: Int
    public var isPolice: Bool
    public var isMale: Bool
    public var isAged16to17: Bool
    public var isRaciallyMinoritised: Bool
    public var isLGBT: Bool
    public var isDisabled: Bool
    public var perpetratorsAged17OrUnder: Int

    /// Whether the case is counted in the figure with this key (every case counts in "cases").
    public func counts(in key: String) -> Bool {
        switch key {
        case "repeat_cases": isRepeat
        case "children": children > 0
        case "police_referrals": isPolice
        case "non_police_referrals": !isPolice
        case "male_victims": isMale
        case "victims_16_17": isAged16to17
        case "bame_victims": isRaciallyMinoritised
        case "lgbt_victims": isLGBT
        case "disabled_victims": isDisabled
        case "perpetrators_17_under": perpetratorsAged17OrUnder > 0
        default: true
        }
    }
}
