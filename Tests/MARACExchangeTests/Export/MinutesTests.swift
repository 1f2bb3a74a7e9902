import Foundation
import MARACCore
import Testing
@testable import MARACExchange

/// The minutes, section by section, against the SafeLives minutes checklist: MARAC, date,
/// venue, chair; attendance by agency; observers and confidentiality; apologies and whether
/// information was sent; each case's risks and actions with owner and due date; incomplete
/// actions in their two kinds; marked restricted.
@Suite struct MinutesTests {
    /// A meeting run the way the screen runs one, with something in every section: an earlier
    /// meeting's actions to review (one since found impossible, one not done), attendance of
    /// every kind, an observer, two cases heard and one not, a risk recorded in error.
    struct HeldMeeting {
        var desk: Desk
        var meeting: MeetingID
        var earlier: MeetingID
        var heard: [CaseID]
        var notHeard: CaseID
        var names: [CaseID: String]
        var erroneousRisk = "Wrong case: this risk belongs elsewhere."
    }

    static func heldMeeting() throws -> HeldMeeting {
        var desk = Desk.area()
        var names = FakeNames(seed: 21)
        let police = desk.agency("Testshire Police"), idva = desk.agency("Testshire IDVA Service")
        let homes = desk.agency("Testshire Homes"), csc = desk.agency("Children's Social Care")
        func schedule(_ day: Day) -> MeetingID {
            guard case .meetingScheduled(let m)? = desk.must(.scheduleMeeting(date: day, startTime: "10:00", venue: "Town Hall, Room 4", chair: "DI Ilse Varga")).first
            else { fatalError() }
            return m.id
        }
        func referral(_ ref: String, children: Int) -> ReferralID {
            let victim = Person(name: names.name(), dateOfBirth: names.birth(age: 20...60, on: desk.today), gender: .female)
            let d = ReferralDetails(reference: ref, receivedOn: desk.today, agency: police, victim: victim,
                                    perpetrators: [Perpetrator(person: Person(name: names.name(), dateOfBirth: names.birth(age: 20...60, on: desk.today)),
                                                               relationship: .exPartner)],
                                    childrenCount: children, assessment: .scored(.dashRIC, on: desk.today, score: 17))
            guard case .referralReceived(let r)? = desk.must(.receiveReferral(d)).first else { fatalError() }
            return r.id
        }
        func accept(_ r: ReferralID, _ m: MeetingID) -> CaseID {
            guard case .referralAccepted(_, let c, _, _, _)? = desk.must(.acceptReferral(r, onto: m)).first else { fatalError() }
            return c
        }
        // The earlier meeting, and three actions from it.
        let earlier = schedule(desk.today.adding(days: 14))
        let first = accept(referral("E-1", children: 0), earlier)
        desk.today = desk.today.adding(days: 14)
        desk.must(.startMeeting(earlier))
        desk.must(.startCaseDiscussion(earlier, first))
        var reviewed: [ActionID] = []
        for (agency, text) in [(homes, "Fit a door alarm."), (csc, "Visit the children at school."), (police, "Flag the address.")] {
            guard case .actionAgreed(let a)? = desk.must(.agreeAction(caseID: first, meeting: earlier, agency: agency, owner: "Owner \(agency)",
                                                                      description: text, due: desk.today.adding(days: 10))).first else { fatalError() }
            reviewed.append(a.id)
        }
        desk.must(.endMeeting(earlier))

        // This meeting, four weeks on.
        let meeting = schedule(desk.today.adding(days: 28))
        let withChildren = accept(referral("N-1", children: 2), meeting)
        let adultsOnly = accept(referral("N-2", children: 0), meeting)
        let notHeard = accept(referral("N-3", children: 0), meeting)
        desk.today = desk.today.adding(days: 20)
        desk.must(.updateActionStatus(reviewed[0], .notPossible, note: "Victim moved out of the area.", on: desk.today))
        desk.must(.updateActionStatus(reviewed[1], .notDone, note: "No capacity this month.", on: desk.today))
        desk.today = desk.state.meeting(meeting)!.date
        desk.must(.startMeeting(meeting))
        desk.must(.recordAttendance(meeting, police, .present(representative: "PC Dáire O'Rourke")))
        desk.must(.recordAttendance(meeting, idva, .present(representative: "Ngozi Żmuda")))
        desk.must(.recordAttendance(meeting, homes, .apologies(informationSent: true, from: "Marta Głowacka",
                                                               informationReceivedOn: desk.state.meeting(meeting)!.date.adding(days: -2))))
        desk.must(.recordAttendance(meeting, csc, .absent))
        desk.must(.recordObserver(meeting, Observer(name: "Siân Fenwick-Hale", organisation: "Student social worker", confidentialitySigned: true)))
        desk.must(.recordStatementRead(meeting))
        var names2: [CaseID: String] = [:]
        for c in [withChildren, adultsOnly, notHeard] { names2[c] = desk.state.referral(of: desk.state.case(c)!)!.details.victim.name }
        for c in [withChildren, adultsOnly] {
            desk.must(.startCaseDiscussion(meeting, c))
            desk.must(.shareInformation(meeting, c, police, "Two call-outs since the referral for \(c)."))
            desk.must(.identifyRisk(meeting, c, "Perpetrator released on bail for \(c)."))
            desk.must(.agreeAction(caseID: c, meeting: meeting, agency: idva, owner: "Ngozi Żmuda",
                                   description: "Safety plan with the victim of \(c), including a \"panic\" alarm & <refuge> options.",
                                   due: desk.today.adding(days: 7)))
        }
        desk.must(.recordCrimeDisclosed(meeting, withChildren, "Criminal damage to the victim's car on 2 November, not reported."))
        desk.must(.recordOutcomeTeller(meeting, withChildren, "Ngozi Żmuda (IDVA)"))
        desk.must(.identifyRisk(meeting, adultsOnly, "Wrong case: this risk belongs elsewhere."))
        let index = desk.state.meeting(meeting)!.discussion(of: adultsOnly)!.risks.count - 1
        desk.must(.markRecordedInError(.risk(meeting, adultsOnly, index: index), reason: "minuted against the wrong case"))
        desk.must(.addOtherBusiness(meeting, "Steering group to review the repeat rate."))
        desk.must(.endMeeting(meeting))
        return HeldMeeting(desk: desk, meeting: meeting, earlier: earlier, heard: [withChildren, adultsOnly], notHeard: notHeard, names: names2)
    }

    static func text(_ blocks: [Document.Block]) -> String {
        blocks.map { block -> String in
            switch block {
            case .heading(_, let t), .paragraph(let t), .note(let t), .picture(_, let t): t
            case .fields(let f): f.map { "\($0.label): \($0.value)" }.joined(separator: "\n")
            case .table(let h, let rows): ([h] + rows).map { $0.joined(separator: " | ") }.joined(separator: "\n")
            case .bullets(let items): items.joined(separator: "\n")
            }
        }.joined(separator: "\n")
    }

    static func tableRows(_ blocks: [Document.Block]) -> [[String]] {
        blocks.flatMap { block -> [[String]] in
            if case .table(_, let rows) = block { return rows }
            return []
        }
    }

    @Test func theHeadingNamesTheMARACDateVenueAndChairAndIsMarkedRestricted() throws {
        let held = try Self.heldMeeting()
        let m = held.desk.state.meeting(held.meeting)!
        let doc = try Minutes(state: held.desk.state, meeting: held.meeting, today: held.desk.today).document()
        let meeting = Self.text(doc.section("Meeting"))
        #expect(meeting.contains("MARAC: Testshire MARAC"))
        #expect(meeting.contains("Date: \(m.date.long) (\(m.date.iso))"))
        #expect(meeting.contains("Venue: Town Hall, Room 4"))
        #expect(meeting.contains("Chair: DI Ilse Varga"))
        #expect(meeting.contains("Signed off: not yet"))
        #expect(doc.marking?.hasPrefix("RESTRICTED") == true)
        for format in DocumentFormat.allCases {
            let rendered = doc.rendered(as: format)
            // HTML's body; its stylesheet puts the marking on every printed page besides.
            let body = format == .html ? String(rendered.split(separator: "<body>").last ?? "") : rendered
            #expect(body.components(separatedBy: "RESTRICTED").count - 1 == 2, "marked at top and bottom in \(format)")
        }
        let html = doc.rendered(as: .html)
        #expect(html.contains("@top-center { content: \"RESTRICTED\""), "the marking at the top of every printed page")
        #expect(html.contains("@bottom-center { content: \"RESTRICTED\""), "and at the bottom")
        #expect(html.contains("counter(page) \" of \" counter(pages)"), "with the page's number")
    }

    @Test func attendanceListsEachAgencyWithItsRepresentativeApologiesAndAbsence() throws {
        let held = try Self.heldMeeting()
        let doc = try Minutes(state: held.desk.state, meeting: held.meeting, today: held.desk.today).document()
        #expect(Self.tableRows(doc.section("Present")) == [["Testshire Police", "PC Dáire O'Rourke"], ["Testshire IDVA Service", "Ngozi Żmuda"]])
        let received = held.desk.state.meeting(held.meeting)!.date.adding(days: -2).british
        #expect(Self.tableRows(doc.section("Apologies")) == [["Testshire Homes", "Marta Głowacka", "yes", received]],
                "who sent the apologies, and when the information came in")
        #expect(doc.section("Absent without apologies") == [.bullets(["Children's Social Care"])])
    }

    @Test func observersAndTheConfidentialityStatementAreRecorded() throws {
        let held = try Self.heldMeeting()
        let doc = try Minutes(state: held.desk.state, meeting: held.meeting, today: held.desk.today).document()
        let section = doc.section("Observers and confidentiality")
        #expect(Self.tableRows(section) == [["Siân Fenwick-Hale", "Student social worker", "yes"]])
        #expect(Self.text(section).contains("read the confidentiality statement to those present"))
        #expect(!Self.text(section).contains("signed it"), "only the observers' signatures are recorded, and the minutes say no more")
        #expect(section.contains(.note(held.desk.state.profile.confidentialityStatement)))
    }

    /// SafeLives' minutes checklist: crimes disclosed, and who tells the victim the outcome.
    @Test func eachCaseRecordsTheCrimesDisclosedAndWhoTellsTheVictim() throws {
        let held = try Self.heldMeeting()
        let doc = try Minutes(state: held.desk.state, meeting: held.meeting, today: held.desk.today).document()
        let first = Self.text(doc.section("\(held.heard[0]): \(held.names[held.heard[0]]!)"))
        #expect(first.contains("Crimes disclosed") && first.contains("Criminal damage to the victim's car on 2 November"))
        #expect(first.contains("Tells the victim the outcome: Ngozi Żmuda (IDVA)"))
        let second = Self.text(doc.section("\(held.heard[1]): \(held.names[held.heard[1]]!)"))
        #expect(second.contains("Tells the victim the outcome: not recorded"))
    }

    @Test func outstandingActionsFromTheEarlierMeetingAreReviewedWithTheirStatus() throws {
        let held = try Self.heldMeeting()
        let state = held.desk.state
        let doc = try Minutes(state: state, meeting: held.meeting, today: held.desk.today).document()
        let rows = Self.tableRows(doc.section("Outstanding actions from previous meetings"))
        let earlierActions = state.actions.filter { $0.meeting == held.earlier }
        #expect(rows.map { $0[0] } == earlierActions.sorted { ($0.due, $0.id) < ($1.due, $1.id) }.map(\.id.description))
        #expect(rows.contains { $0[4] == "Fit a door alarm." && $0[6] == ActionStatus.notPossible.label && $0[7] == "Victim moved out of the area." })
    }

    @Test func eachHeardCaseHasItsPeopleInformationRisksAndActionsWithOwnerAndDue() throws {
        let held = try Self.heldMeeting()
        let state = held.desk.state
        let doc = try Minutes(state: state, meeting: held.meeting, today: held.desk.today).document()
        // Cases with children are heard first.
        let caseHeadings = doc.headings.filter { $0.hasPrefix("C-") }
        #expect(caseHeadings == held.heard.map { "\($0): \(held.names[$0]!)" })
        for c in held.heard {
            let section = doc.section("\(c): \(held.names[c]!)")
            let text = Self.text(section)
            #expect(text.contains("Victim: \(held.names[c]!)"))
            #expect(text.contains("Perpetrator: "))
            #expect(text.contains("Criteria: visible high risk"))
            #expect(text.contains("Testshire Police | Two call-outs since the referral for \(c)."))
            #expect(text.contains("Perpetrator released on bail for \(c)."))
            let actions = Self.tableRows(section)
            let agreed = state.actions.filter { $0.caseID == c && $0.meeting == held.meeting }
            #expect(actions.filter { $0.count == 6 }.map { [$0[0], $0[1], $0[2], $0[4]] }
                        == agreed.map { [$0.id.description, "Testshire IDVA Service", "Ngozi Żmuda", $0.due.british] })
        }
        #expect(!Self.text(doc.blocks).contains(held.erroneousRisk), "a line recorded in error is not minuted")
        #expect(Self.text(doc.section("Listed but not heard")).contains("\(held.notHeard) \(held.names[held.notHeard]!)"))
    }

    @Test func incompleteActionsAreSplitIntoTheirTwoKinds() throws {
        let held = try Self.heldMeeting()
        let doc = try Minutes(state: held.desk.state, meeting: held.meeting, today: held.desk.today).document()
        // Named once, with the reason; their rows are in the reviewed table, not repeated.
        let notPossible = Self.text(doc.section("Not possible: circumstances changed"))
        let notDone = Self.text(doc.section("Agency did not complete"))
        let alarm = try #require(held.desk.state.actions.first { $0.description == "Fit a door alarm." })
        let visit = try #require(held.desk.state.actions.first { $0.description == "Visit the children at school." })
        #expect(notPossible.contains(alarm.id.description) && !notPossible.contains(visit.id.description))
        #expect(notDone.contains(visit.id.description) && !notDone.contains(alarm.id.description))
        #expect(Self.text(doc.section("Any other business")) == "Steering group to review the repeat rate.")
    }

    @Test func htmlIsOneSelfContainedPrintableFileWithEverythingEscaped() throws {
        let held = try Self.heldMeeting()
        let html = try Minutes(state: held.desk.state, meeting: held.meeting, today: held.desk.today).document().rendered(as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("@media print"))
        for external in ["<script", "<link", "src=", "http://", "https://", "@import"] {
            #expect(!html.contains(external), "nothing fetched from elsewhere: \(external)")
        }
        #expect(html.contains("a &quot;panic&quot; alarm &amp; &lt;refuge&gt; options"))
        #expect(!html.contains("<refuge>"))
        // Every element opened is closed, in order.
        #expect(try HTMLBalance.check(html))
    }

    @Test func markdownAndTextCarryTheSameRecords() throws {
        let held = try Self.heldMeeting()
        let doc = try Minutes(state: held.desk.state, meeting: held.meeting, today: held.desk.today).document()
        let md = doc.rendered(as: .markdown), txt = doc.rendered(as: .text)
        for name in held.names.values { #expect(md.contains(name) && txt.contains(name)) }
        for a in held.desk.state.actions where a.meeting == held.meeting {
            #expect(md.contains(a.id.description) && txt.contains(a.id.description))
        }
        #expect(md.contains("\\<refuge\\>"), "Markdown escapes what it would read as markup")
        #expect(txt.split(separator: "\n").allSatisfy { TextWidth.of($0) <= 100 }, "plain text fits 100 columns")
    }

    /// A meeting from the demo store: every case heard there has its section, and every action
    /// agreed there appears once under its case.
    @Test func aDemoMeetingsMinutesCoverEveryCaseAndActionOnce() throws {
        let desk = Desk.demo()
        let state = desk.state
        let ended = state.meetings.filter { $0.status == .ended }
        let meeting = try #require(ended.last)
        let doc = try Minutes(state: state, meeting: meeting.id, today: desk.today).document()
        let heard = meeting.discussions.filter { $0.startedAt != nil }.map(\.caseID)
        #expect(Set(doc.headings.filter { $0.hasPrefix("C-") }.map { String($0.prefix(6)) }) == Set(heard.map(\.description)))
        let agreed = state.actions.filter { $0.meeting == meeting.id && $0.inError == nil }.map(\.id.description)
        let caseActionRows = heard.flatMap { c in
            Self.tableRows(doc.section(doc.headings.first { $0.hasPrefix(c.description) }!)).filter { $0.count == 6 }.map { $0[0] }
        }
        #expect(caseActionRows.sorted() == agreed.sorted())
        let present = meeting.attendance.filter { $0.attendance.isPresent }.count
        #expect(Self.tableRows(doc.section("Present")).count == present)
    }

    @Test func aMeetingNotYetHeldHasNoMinutes() throws {
        var desk = Desk.area()
        guard case .meetingScheduled(let m)? = desk.must(.scheduleMeeting(date: desk.today.adding(days: 7), startTime: "10:00", venue: "V", chair: "C")).first
        else { return }
        #expect(throws: Minutes.Failure.notHeld(m.id, .scheduled)) { try Minutes(state: desk.state, meeting: m.id, today: desk.today) }
        #expect(Minutes.Failure.notHeld(m.id, .scheduled).description.contains("export caselist"))
    }
}

/// A small check that HTML's elements nest properly (void elements aside).
enum HTMLBalance {
    struct Unbalanced: Error { var detail: String }

    static func check(_ html: String) throws -> Bool {
        let void: Set<String> = ["meta", "br", "hr", "img", "link", "input", "!doctype"]
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { throw Unbalanced(detail: "unclosed <") }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("/") {
                let name = tag.dropFirst().lowercased()
                guard stack.popLast() == name else { throw Unbalanced(detail: "</\(name)> closes the wrong element") }
            } else {
                let name = String(tag.split(separator: " ").first ?? "").lowercased()
                if !void.contains(name) { stack.append(name) }
            }
            if stack.last == "style", let end = rest.range(of: "</style>") { rest = rest[end.lowerBound...] }
        }
        guard stack.isEmpty else { throw Unbalanced(detail: "left open: \(stack)") }
        return true
    }
}

/// The case list agencies research from: only what they need to find the people.
@Suite struct CaseListTests {
    @Test func eachListedCaseHasItsPeopleWithTheirOtherNamesBirthsAddressAndChildren() throws {
        var desk = Desk.area()
        let police = desk.agency("Testshire Police")
        guard case .meetingScheduled(let m)? = desk.must(.scheduleMeeting(date: desk.today.adding(days: 14), startTime: "10:00", venue: "V", chair: "C")).first
        else { return }
        var names = FakeNames(seed: 31)
        let victim = Person(name: names.name(), aliases: [names.name()], dateOfBirth: names.birth(age: 20...50, on: desk.today),
                            address: Address(lines: "4 Mill Lane, Eastfold", postcode: "NB3 4QT"))
        let child = Child(name: names.name(), dateOfBirth: names.birth(age: 2...10, on: desk.today))
        let perpetrator = Perpetrator(person: Person(name: names.name(), dateOfBirth: names.birth(age: 20...50, on: desk.today)), relationship: .exPartner)
        guard case .referralReceived(let r)? = desk.must(.receiveReferral(ReferralDetails(
            reference: "CL-1", receivedOn: desk.today, agency: police, victim: victim, perpetrators: [perpetrator], children: [child],
            assessment: .scored(.dashRIC, on: desk.today, score: 16)))).first else { return }
        desk.must(.acceptReferral(r.id, onto: m.id))
        let list = try CaseList(state: desk.state, meeting: m.id)
        let row = try #require(list.rows.first)
        #expect(row == [desk.state.cases[0].id.description, victim.name, victim.aliases[0], victim.dateOfBirth!.british,
                        "4 Mill Lane, Eastfold, NB3 4QT", perpetrator.person.name, perpetrator.person.dateOfBirth!.british, "ex-partner",
                        "\(child.name), born \(child.dateOfBirth!.british)", "Testshire Police", ""])
        let text = list.document().rendered(as: .text)
        #expect(text.contains("RESTRICTED"))
        #expect(text.contains("not frozen yet"))
        #expect(!text.contains("DASH"), "no risk detail: only what is needed to search records")
    }
}
