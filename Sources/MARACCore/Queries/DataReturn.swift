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
    /// National cases per 10,000 adult females, and the figure SafeLives recommends.
    public static let nationalCasesPer10k = 45.0
    public static let recommendedCasesPer10k = 40.0

    public func percent(_ n: Int) -> Double? {
        casesDiscussed == 0 ? nil : Double(n) * 100 / Double(casesDiscussed)
    }

    /// The figures as the report lists them: key, label, value, and what was counted.
    public var figures: [(key: String, label: String, value: Int?, percent: Double?, definition: String)] {
        [
            ("meetings", "Meetings held", meetingsHeld, nil, "Meetings dated in the quarter that started (not cancelled)."),
            ("cases", "Cases discussed", casesDiscussed, nil, "Cases heard at those meetings; a case heard twice counts twice."),
            ("repeat_cases", "Repeat cases", repeatCases, percent(repeatCases), "Cases discussed that were linked as a repeat of an earlier case inside its window."),
            ("children", "Children in the households", childrenInHouseholds, nil, "Children recorded on the referrals of the cases discussed."),
            ("police_referrals", "Referrals from the police", policeReferrals, percent(policeReferrals), "Cases discussed whose referring agency is of kind police."),
            ("non_police_referrals", "Referrals from other agencies", nonPoliceReferrals, percent(nonPoliceReferrals), "Cases discussed referred by any agency that is not the police."),
            ("male_victims", "Male victims", maleVictims, percent(maleVictims), "Cases discussed whose victim's gender is recorded as male."),
            ("victims_16_17", "Victims aged 16-17", victimsAged16to17, percent(victimsAged16to17), "Victims aged 16 or 17 on the referral date."),
            ("bame_victims", "Black, Asian and racially minoritised victims", raciallyMinoritisedVictims, percent(raciallyMinoritisedVictims), "Victims whose ethnic group is mixed, Asian, Black, other, or a White minority (Gypsy or Irish Traveller, Roma, other White)."),
            ("lgbt_victims", "LGBT+ victims", lgbtVictims, percent(lgbtVictims), "Victims recorded as LGBT+."),
            ("disabled_victims", "Victims with a disability", disabledVictims, percent(disabledVictims), "Victims recorded as having a disability."),
            ("perpetrators_17_under", "Perpetrators aged 17 or under", perpetratorsAged17OrUnder, nil, "Perpetrators named on the cases discussed who were 17 or under on the referral date."),
        ]
    }
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

    public func dataReturn(for quarter: Quarter) -> DataReturn {
        let discussed = casesDiscussed(from: quarter.firstDay, through: quarter.lastDay)
        var r = DataReturn(quarter: quarter,
                           meetingsHeld: Set(discussed.map(\.meeting.id)).union(
                               meetings.filter { quarter.contains($0.date) && $0.startedAt != nil && $0.status != .cancelled }.map(\.id)).count,
                           casesDiscussed: discussed.count, repeatCases: 0, childrenInHouseholds: 0,
                           referralsByAgencyKind: [:], policeReferrals: 0, maleVictims: 0, victimsAged16to17: 0,
                           raciallyMinoritisedVictims: 0, lgbtVictims: 0, disabledVictims: 0,
                           perpetratorsAged17OrUnder: 0, casesPer10kAdultFemales: nil)
        for (_, caseID) in discussed {
            guard let c = `case`(caseID), let ref = referral(c.referral) else { continue }
            let d = ref.details
            if c.repeatOf != nil { r.repeatCases += 1 }
            r.childrenInHouseholds += d.childrenInHousehold
            let kind = agency(d.agency)?.kind ?? .other
            r.referralsByAgencyKind[kind, default: 0] += 1
            if kind == .police { r.policeReferrals += 1 }
            if d.victim.gender == .male { r.maleVictims += 1 }
            if let age = d.victim.age(on: d.receivedOn), age == 16 || age == 17 { r.victimsAged16to17 += 1 }
            if d.victim.diversity.ethnicity.isRaciallyMinoritised { r.raciallyMinoritisedVictims += 1 }
            if d.victim.diversity.lgbt == .yes { r.lgbtVictims += 1 }
            if d.victim.diversity.disability == .yes { r.disabledVictims += 1 }
            r.perpetratorsAged17OrUnder += d.perpetrators.filter { ($0.person.age(on: d.receivedOn) ?? 99) <= 17 }.count
        }
        if profile.adultFemalePopulation > 0 {
            let yearStart = quarter.firstDay.adding(months: -9)
            let yearCases = casesDiscussed(from: yearStart, through: quarter.lastDay).count
            r.casesPer10kAdultFemales = Double(yearCases) * 10_000 / Double(profile.adultFemalePopulation)
        }
        return r
    }
}
