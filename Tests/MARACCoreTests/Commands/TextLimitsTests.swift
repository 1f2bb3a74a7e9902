import MARACCore
import Testing

/// What text a command may carry: no control characters in a one-line field, new lines and
/// tabs only in free text, and a length limit on each; every refusal names the field and the
/// limit, and nothing is recorded.
@Suite struct TextLimitsTests {
    static func scenario() -> (Scenario, AgencyID) {
        var s = Scenario()
        let police = s.agency("Police", .police)
        return (s, police)
    }

    static func refusal(_ command: Command, in s: Scenario) -> (field: String, message: String)? {
        guard let error = s.refusal(command) else { return nil }
        return (error.field ?? "", error.message)
    }

    @Test func aNulByteInANameIsRefusedNamingTheField() throws {
        let (s, police) = Self.scenario()
        let details = Scenario.details("NB-1", on: s.today, agency: police, victim: Scenario.victim("Alex\u{0}Example"))
        let refused = try #require(Self.refusal(.receiveReferral(details), in: s))
        #expect(refused.field == "victim name")
        #expect(refused.message.contains("control character (U+0000)"), "\(refused.message)")
    }

    @Test func aNameOfAHundredThousandCharactersIsRefusedNamingTheLimit() throws {
        let (s, police) = Self.scenario()
        var details = Scenario.details("NB-1", on: s.today, agency: police)
        details.perpetrators.append(Perpetrator(person: Person(name: String(repeating: "Zoë ", count: 25_000)), relationship: .partner))
        let refused = try #require(Self.refusal(.receiveReferral(details), in: s))
        #expect(refused.field == "perpetrator 2 name")
        #expect(refused.message.contains("longer than the \(TextLimits.lineLimit) characters a one-line field may have"))
    }

    @Test func aFiftyMegabyteSummaryIsRefused() throws {
        let (s, police) = Self.scenario()
        var details = Scenario.details("NB-1", on: s.today, agency: police)
        details.summary = String(repeating: "x", count: 50 << 20)
        let refused = try #require(Self.refusal(.receiveReferral(details), in: s))
        #expect(refused.field == "summary")
        #expect(refused.message.contains("\(TextLimits.noteLimit) characters free text may have"))
    }

    @Test func freeTextKeepsItsNewLinesAndTabsAndAOneLineFieldRefusesThem() throws {
        var (s, police) = Self.scenario()
        var details = Scenario.details("NB-1", on: s.today, agency: police)
        details.summary = "First line\n\tindented\r\nthird, with Nguyễn and 李"
        let referral = try s.receive(details)
        #expect(s.state.referral(referral)?.details.summary == details.summary)
        details.reference = "NB-2\tsecond"
        let refused = try #require(Self.refusal(.receiveReferral(details), in: s))
        #expect(refused.field == "reference")
        #expect(refused.message.contains("U+0009"))
    }

    @Test func freeTextWithNoNameIsNamedByItsCommand() throws {
        var (s, police) = Self.scenario()
        let meeting = s.meeting(on: s.today.adding(days: 7))
        let refused = try #require(Self.refusal(.addOtherBusiness(meeting, "Room change\u{7}"), in: s))
        #expect(refused.field == "add other business")
        #expect(refused.message.contains("U+0007"))
        _ = police
    }

    @Test func anActionsOwnerIsOneLineAndItsDescriptionFreeText() throws {
        let (s, police) = Self.scenario()
        let refused = try #require(Self.refusal(.agreeAction(caseID: CaseID(1), meeting: MeetingID(1), agency: police,
                                                             owner: "DS Ama\nOwusu", description: "ok", due: s.today), in: s))
        #expect(refused.field == "owner")
    }
}
