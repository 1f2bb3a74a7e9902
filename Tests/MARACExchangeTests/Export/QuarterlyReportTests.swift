import Foundation
import MARACCore
import Testing
@testable import MARACExchange

/// The quarterly return of the demo store, against a count made by hand: by walking the
/// store's history event by event, as a coordinator would go through the meeting minutes with a
/// tally sheet, without any of the core's queries.
@Suite struct QuarterlyReportTests {
    struct Tally {
        var meetings = 0, cases = 0, repeats = 0, children = 0, police = 0, male = 0, aged16to17 = 0
        var minoritised = 0, lgbt = 0, disabled = 0, youngPerpetrators = 0
        var byKind: [AgencyKind: Int] = [:]
    }

    static func handCount(_ changes: [Change], quarter: Quarter) -> Tally {
        var agencyKind: [AgencyID: AgencyKind] = [:]
        var details: [ReferralID: ReferralDetails] = [:]
        var repeatOf: [ReferralID: CaseID] = [:]
        var caseReferral: [CaseID: ReferralID] = [:]
        var meetingDate: [MeetingID: Day] = [:]
        var started: Set<MeetingID> = [], cancelled: Set<MeetingID> = []
        var heard: [(MeetingID, CaseID)] = []
        for change in changes {
            for event in change.events {
                switch event {
                case .agencyRegistered(let a), .agencyUpdated(let a): agencyKind[a.id] = a.kind
                case .referralReceived(let r): details[r.id] = r.details
                case .referralUpdated(let id, let d): details[id] = d
                case .referralRepeatLinked(let id, let c): repeatOf[id] = c
                case .referralAccepted(let r, let c, _, _, _): caseReferral[c] = r
                case .meetingScheduled(let m): meetingDate[m.id] = m.date
                case .meetingChanged(let id, let date, _, _, _): meetingDate[id] = date
                case .meetingCancelled(let id, _): cancelled.insert(id)
                case .meetingStarted(let id): started.insert(id)
                case .caseDiscussionStarted(let m, let c):
                    if !heard.contains(where: { $0 == (m, c) }) { heard.append((m, c)) }
                default: break
                }
            }
        }
        func inQuarter(_ m: MeetingID) -> Bool {
            started.contains(m) && !cancelled.contains(m) && meetingDate[m].map(quarter.contains) == true
        }
        var t = Tally()
        t.meetings = started.filter(inQuarter).count
        for (m, c) in heard where inQuarter(m) {
            let r = caseReferral[c]!
            let d = details[r]!
            t.cases += 1
            if repeatOf[r] != nil { t.repeats += 1 }
            t.children += max(d.children.count, d.childrenCount ?? 0)
            let kind = agencyKind[d.agency]!
            t.byKind[kind, default: 0] += 1
            if kind == .police { t.police += 1 }
            if d.victim.gender == .male { t.male += 1 }
            if let born = d.victim.dateOfBirth {
                let age = born.age(on: d.receivedOn)
                if age == 16 || age == 17 { t.aged16to17 += 1 }
            }
            // Every group but White British and not known: White minorities count (SafeLives).
            if [.mixed, .asian, .black, .other, .gypsyOrIrishTraveller, .roma, .otherWhite].contains(d.victim.diversity.ethnicity) { t.minoritised += 1 }
            if d.victim.diversity.lgbt == .yes { t.lgbt += 1 }
            if d.victim.diversity.disability == .yes { t.disabled += 1 }
            t.youngPerpetrators += d.perpetrators.filter { p in p.person.dateOfBirth.map { $0.age(on: d.receivedOn) <= 17 } ?? false }.count
        }
        return t
    }

    static let today = Day(year: 2026, month: 11, day: 28)!

    @Test(arguments: [Quarter(year: 2026, number: 3)!, Quarter(year: 2026, number: 4)!])
    func theDemoStoresReturnMatchesTheHandCount(quarter: Quarter) throws {
        let generator = DemoGenerator(seed: 1, cases: 160, today: Self.today)
        var changes: [Change] = []
        let state = generator.generate { changes.append($0) }
        let tally = Self.handCount(changes, quarter: quarter)
        #expect(tally.cases > 20, "the quarter has meetings to count")

        let r = state.dataReturn(for: quarter)
        #expect(r.meetingsHeld == tally.meetings)
        #expect(r.casesDiscussed == tally.cases)
        #expect(r.repeatCases == tally.repeats)
        #expect(r.childrenInHouseholds == tally.children)
        #expect(r.policeReferrals == tally.police)
        #expect(r.nonPoliceReferrals == tally.cases - tally.police)
        #expect(r.maleVictims == tally.male)
        #expect(r.victimsAged16to17 == tally.aged16to17)
        #expect(r.raciallyMinoritisedVictims == tally.minoritised)
        #expect(r.lgbtVictims == tally.lgbt)
        #expect(r.disabledVictims == tally.disabled)
        #expect(r.perpetratorsAged17OrUnder == tally.youngPerpetrators)
        #expect(r.referralsByAgencyKind == tally.byKind)

        // The report says the same in JSON, with percentages of the cases discussed.
        let json = QuarterlyReport(state: state, quarter: quarter).render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["quarter"] as? String == quarter.description)
        let figures = try #require(object["figures"] as? [[String: Any]])
        func figure(_ key: String) -> [String: Any]? { figures.first { $0["key"] as? String == key } }
        #expect(figure("cases")?["value"] as? Int == tally.cases)
        #expect(figure("repeat_cases")?["value"] as? Int == tally.repeats)
        let percent = try #require(figure("repeat_cases")?["percent"] as? Double)
        #expect(abs(percent - Double(tally.repeats) * 100 / Double(tally.cases)) < 0.051)
        #expect(figure("repeat_cases")?["national"] as? Double == 32)
        #expect(figures.allSatisfy { ($0["definition"] as? String)?.isEmpty == false }, "every figure says what was counted")
        #expect(figure("referrals_from_police")?["value"] as? Int == tally.police)
    }

    @Test func everyFormatListsEveryFigureWithItsDefinition() {
        let state = Desk.demo().state
        let report = QuarterlyReport(state: state, quarter: Quarter(year: 2026, number: 4)!)
        let table = report.render(.table)
        let csv = report.render(.csv)
        for row in report.rows {
            #expect(table.contains(row.label))
            #expect(table.contains(String(row.definition.prefix(30))))
            #expect(csv.contains(row.key + ","))
        }
        #expect(csv.hasPrefix("key,label,value,percent,national,definition\r\n"))
    }

    @Test func anEmptyQuarterReportsZerosNotFailures() throws {
        let state = Desk.area().state
        let json = QuarterlyReport(state: state, quarter: Quarter(year: 2020, number: 1)!).render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let figures = try #require(object["figures"] as? [[String: Any]])
        #expect(figures.first { $0["key"] as? String == "cases" }?["value"] as? Int == 0)
        #expect(figures.first { $0["key"] as? String == "repeat_cases" }?["percent"] is NSNull)
    }
}
