import Foundation
import MARACCore
import Testing
@testable import MARACExchange

/// `marac show case`: one case whole, for people and scripts.
@Suite struct CaseFileTests {
    /// The held meeting the minutes' tests use: two cases heard, each with information, a risk
    /// and an action, one with a risk already recorded in error; minutes not signed off.
    static func held() throws -> (desk: Desk, c: Case, m: Meeting) {
        let held = try MinutesTests.heldMeeting()
        let c = try #require(held.desk.state.case(held.heard[1]))
        return (held.desk, c, try #require(held.desk.state.meeting(held.meeting)))
    }

    @Test func itIsFoundByCaseReferralOrReference() throws {
        var (desk, c, _) = try Self.held()
        let r = try #require(desk.state.referral(c.referral))
        for name in [c.id.description, r.id.description, r.details.reference, " \(c.id) "] {
            #expect(try CaseFile(state: desk.state, naming: name, today: desk.today).caseValue.id == c.id)
        }
        #expect(throws: CaseFile.Failure.self) { try CaseFile(state: desk.state, naming: "C-9999", today: desk.today) }
        let details = ReferralDetails(reference: "W-1", receivedOn: desk.today, agency: desk.agency("Testshire Police"),
                                      victim: Person(name: "Zoë Łódź-Ashby", dateOfBirth: Day(year: 1990, month: 5, day: 4)), assessment: .scored(.dashRIC, on: desk.today, score: 15))
        guard case .referralReceived(let waiting)? = desk.must(.receiveReferral(details)).first else { Issue.record("not received"); return }
        #expect(throws: CaseFile.Failure.self, "a referral not yet accepted is not a case") {
            try CaseFile(state: desk.state, naming: waiting.id.description, today: desk.today)
        }
    }

    @Test func theJSONHoldsEveryLineSaidActionAndStatusChange() throws {
        var (desk, c, m) = try Self.held()
        desk.must(.markRecordedInError(.information(m.id, c.id, index: 0), reason: "said of another family"))
        let file = try CaseFile(state: desk.state, naming: c.id.description, today: desk.today)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(file.json().utf8)) as? [String: Any])
        #expect((object["case"] as? [String: Any])?["id"] as? String == c.id.description)
        #expect((object["referral"] as? [String: Any])?["id"] as? String == c.referral.description)
        let meetings = try #require(object["meetings"] as? [[String: Any]])
        let heardAt = desk.state.meetings.filter { $0.discussion(of: c.id) != nil }
        #expect(meetings.map { $0["id"] as? String } == heardAt.map(\.id.description))
        let first = try #require(meetings.first { $0["id"] as? String == m.id.description })
        let information = try #require(first["information"] as? [[String: Any]])
        #expect(information.count == m.discussion(of: c.id)!.information.count)
        #expect(information[0]["in_error"] as? String == "said of another family")
        #expect(information.dropFirst().allSatisfy { $0["in_error"] is NSNull })
        #expect(information.map { $0["number"] as? Int } == Array(1...information.count))
        let actions = try #require(object["actions"] as? [[String: Any]])
        #expect(actions.map { $0["id"] as? String } == desk.state.actions(of: c.id).map(\.id.description))
        let history = try #require(object["history"] as? [[String: Any]])
        #expect(history.count == desk.state.referral(c.referral)!.history.count)
        let contact = try #require(object["victim_contact"] as? [String: Any])
        #expect(contact["postcode"] as? String == desk.state.referral(c.referral)!.details.victim.address?.postcode ?? "")
    }

    @Test func theTextMarksALineRecordedInErrorAndNamesEveryone() throws {
        var (desk, c, m) = try Self.held()
        desk.must(.markRecordedInError(.risk(m.id, c.id, index: 0), reason: "duplicate"))
        desk.must(.signOffMinutes(m.id))
        let text = try CaseFile(state: desk.state, naming: c.id.description, today: desk.today).document().rendered(as: .text)
        let d = desk.state.referral(c.referral)!.details
        #expect(text.hasPrefix(CaseFile.marking))
        #expect(text.contains("r1 Risk: [recorded in error: duplicate]"))
        #expect(text.contains("r2 Risk: [recorded in error: minuted against the wrong case]"))
        for p in d.perpetrators {
            #expect(text.replacingOccurrences(of: "\n", with: " ").contains(p.person.name.split(separator: " ").first!))
        }
        for a in desk.state.actions(of: c.id) { #expect(text.contains(a.id.description)) }
    }
}
