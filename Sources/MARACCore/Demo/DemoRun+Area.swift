/// The area the demo is set in: its profile, agencies and their representatives, users.
extension DemoRun {
    func setUp(on day: Day) {
        let pastCasesPerYear = Double(max(1, g.cases)) * 365 / Double(max(28, meetings.first.map { $0.date.days(until: g.today) } ?? 28))
        let population = max(10_000, Int((pastCasesPerYear / 40 * 10_000 / 1000).rounded()) * 1000)
        let profile = AreaProfile(maracName: "Northbridge MARAC", caseListCutoffWorkingDays: 8,
                                  adultFemalePopulation: population,
                                  postcodePrefixes: ["NB"])
        run(.setAreaProfile(profile), as: coordinator, on: day)
        let agencies: [(String, AgencyKind, Bool)] = [
            ("Northbridge Police", .police, true),
            ("Probation Service", .probation, true),
            ("Northbridge GP Federation", .health, true),
            ("Northbridge Hospital", .health, true),
            ("Children's Social Care", .childrensSocialCare, true),
            ("Adult Social Care", .adultSocialCare, true),
            ("Northbridge Homes", .housing, true),
            ("Education Safeguarding", .education, true),
            ("Recovery Steps", .substanceMisuse, true),
            ("Mental Health Trust", .mentalHealth, true),
            ("Northbridge IDVA Service", .idvaService, true),
            ("Haven Women's Aid", .specialistDAService, true),
            ("Fire and Rescue", .fireAndRescue, true),
            ("Youth Justice Service", .youthOffending, true),
            ("Community Hub", .other, false),
        ]
        for (name, kind, signed) in agencies {
            let pool = FakePeople.pools[0].0
            let reps = (0..<rng.int(1...2)).map { _ in
                Representative(name: pool.name(gender: rng.chance(0.7) ? .female : .male, rng: &rng),
                               jobTitle: rng.pick(["MARAC representative", "Safeguarding lead", "Team manager", "Detective Sergeant"]),
                               contact: "marac@\(name.lowercased().filter(\.isLetter)).example")
            }
            run(.registerAgency(name: name, kind: kind, ispSignedOn: signed ? day.adding(days: -rng.int(30...400)) : nil,
                                representatives: reps), as: coordinator, on: day)
        }
    }
}
