import MARACCore
import Testing
@testable import MARACTUI

/// The admin's job, typed as an admin types it: a referral entered with the DASH checklist,
/// linked as a repeat, and decided.
@Suite struct TriageJobTests {
    /// A demo case's victim, for a referral that repeats it.
    static func earlierVictim(_ state: MARACState) -> Person {
        let c = state.cases.last { $0.status == .heard && $0.repeatOf == nil }!
        return state.referral(of: c)!.details.victim
    }

    func enterReferral(_ f: ScreenFixture, reference: String, victim: Person, yes: Int) {
        f.press(.character("1"), .character("n"))
        f.type(reference)
        f.press(.tab, .tab)
        f.type("pol")
        f.press(.tab)
        f.type("PC Example")
        f.press(.tab)
        f.type(victim.name)
        f.press(.tab, .tab)
        f.type(victim.dateOfBirth!.british)
        f.press(.control("s"))
        for _ in 0..<yes { f.press(.character("y")) }
        for _ in yes..<24 { f.press(.character("n")) }
    }

    @Test func aReferralWithFourteenYesAnswersIsSavedAtTheThresholdAndFlaggedAsARepeat() throws {
        let f = ScreenFixture.demo()
        let victim = Self.earlierVictim(f.app.session.state)
        enterReferral(f, reference: "T-1", victim: victim, yes: 14)
        #expect(f.screen.contains("Score 14 of 24"))
        #expect(f.screen.contains("threshold 14 reached"))
        f.press(.control("s"))
        let r = try #require(f.app.session.state.referral(withReference: "T-1"))
        #expect(r.details.assessment?.score == 14)
        #expect(r.details.assessment?.answers.count == 24)
        #expect(r.details.agency == f.app.session.state.agencies.first { $0.kind == .police }?.id)
        #expect(f.app.current == .referrals)
        #expect(f.screen.contains("Possible repeat of"))
        #expect(f.screen.contains("repeat?"))

        f.press(.character("l"))
        let linked = try #require(f.app.session.state.referral(r.id)?.repeatOf)
        #expect(f.app.session.state.case(linked).flatMap { f.app.session.state.referral(of: $0) }?.details.victim.name == victim.name)

        f.press(.character("a"))
        #expect(f.screen.contains("Accept \(r.id)"))
        f.press(.enter)
        guard case .accepted(let c)? = f.app.session.state.referral(r.id)?.status else {
            Issue.record("not accepted: \(f.status)")
            return
        }
        let made = try #require(f.app.session.state.case(c))
        #expect(made.meeting == f.app.session.state.nextMeeting(onOrAfter: ScreenFixture.today)?.id)
        #expect(made.idvaService != nil, "the IDVA referral is recorded")
        #expect(f.status.contains("Accepted \(r.id) as \(c)") == true)
    }

    @Test func goingBackFromTheChecklistKeepsTheAnswersAndTheForm() {
        let f = ScreenFixture.demo()
        enterReferral(f, reference: "T-2", victim: Person(name: "Zoë Łódź-Ashby", dateOfBirth: Day(year: 1990, month: 4, day: 3)), yes: 3)
        f.press(.escape)
        #expect(f.screen.contains("New referral"))
        #expect(f.screen.contains("Zoë Łódź-Ashby"))
        f.press(.control("s"))
        #expect(f.screen.contains("Score 3 of 24"), "the answers are still there")
    }

    @Test func aRefusalFromTheChecklistGoesBackToTheFieldItConcerns() {
        let f = ScreenFixture.demo()
        // Born after the referral date.
        enterReferral(f, reference: "T-3", victim: Person(name: "Ilse Varga", dateOfBirth: ScreenFixture.today.adding(days: 3)), yes: 15)
        f.press(.control("s"))
        #expect(f.app.session.state.referral(withReference: "T-3") == nil)
        #expect(f.screen.contains("New referral"))
        #expect(f.screen.contains("after the referral date"))
    }

    /// The form has every field the referral form and the quarterly return have: diversity,
    /// language, safe contact, the police reference, further perpetrators and children one a
    /// line; the case view then shows them.
    @Test func aReferralIsEnteredWithEveryFieldTheReturnCountsAndTheCaseViewShowsThem() throws {
        let f = ScreenFixture.demo()
        f.press(.character("1"), .character("n"))
        f.fill(["reference": "T-9", "agency": "Northbridge Police", "victim name": "Nguyễn Thị Lan", "victim date of birth": "04/05/1991",
                "gender": "female", "pregnant": "yes", "ethnicity": "asian", "ethnicity detail": "Vietnamese", "disability": "yes", "lgbt": "no",
                "language": "Vietnamese", "interpreter": "yes", "phone": "07700 900123", "safe to call": "no", "safe times": "via the IDVA only",
                "perpetrator 1 name": "Bartłomiej Żmuda", "perpetrator 1 date of birth": "02/02/1988", "relationship": "partner",
                "further perpetrators": "Mårten Kessler; 03/03/2009; family member\nAoife Varga",
                "children named": "李华 Żmuda; 12/12/2015; Castlegate Primary\nSiân Żmuda; 01/06/2019",
                "risk tool": "DASH score only", "risk score": "16", "police reference": "NB/12345/26", "referrer contact": "pc@police.example",
                "consent": "no", "sharing without consent reason": "Risk to life.", "transferred in from": "Eastvale MARAC"])
        f.press(.control("s"))
        let r = try #require(f.app.session.state.referral(withReference: "T-9"), "\(f.status)")
        let d = r.details
        #expect(d.victim.diversity == Diversity(ethnicity: .asian, ethnicityDetail: "Vietnamese", disability: .yes, lgbt: .no))
        #expect(d.victim.language == "Vietnamese" && d.victim.needsInterpreter)
        #expect(d.victim.contact == SafeContact(phone: "07700 900123", safeToCall: .no, safeTimes: "via the IDVA only"))
        #expect(d.victimPregnant == .yes && d.consent == .no && d.sharingWithoutConsentReason == "Risk to life.")
        #expect(d.policeReference == "NB/12345/26" && d.referrerContact == "pc@police.example")
        #expect(d.perpetrators.map(\.person.name) == ["Bartłomiej Żmuda", "Mårten Kessler", "Aoife Varga"])
        #expect(d.perpetrators.map(\.relationship) == [.partner, .family, .exPartner])
        #expect(d.perpetrators[1].person.dateOfBirth == Day(year: 2009, month: 3, day: 3))
        #expect(d.children.map(\.name) == ["李华 Żmuda", "Siân Żmuda"])
        #expect(d.children.map(\.school) == ["Castlegate Primary", ""])
        #expect(d.childrenInHousehold == 2)
        #expect(d.transferredInFrom == Transfer(marac: "Eastvale MARAC", on: d.receivedOn), "a case that moved here from another MARAC")

        f.app.run("referral T-9")
        f.loop.draw()
        for shown in ["language Vietnamese, interpreter needed", "ethnicity asian", "disability", "Mårten Kessler", "Child: 李华 Żmuda",
                      "Castlegate Primary", "Police reference: NB/12345/26", "safe to call: no (via the IDVA only)",
                      "TRANSFERRED IN from Eastvale MARAC"] {
            #expect(f.screen.contains(shown), "the case view shows \(shown)")
        }
    }

    /// A referral below the threshold comes in on an escalation in severity, with its reason;
    /// the two-digit year of a date of birth is the nearest past one.
    @Test func aReferralIsEnteredOnEscalationInSeverityWithItsReason() throws {
        let f = ScreenFixture.demo()
        f.press(.character("1"), .character("n"))
        f.fill(["reference": "T-11", "agency": "Northbridge Police", "victim name": "Ilse Varga", "victim date of birth": "4/5/91",
                "risk tool": "DASH score only", "risk score": "9", "severity": "yes"])
        f.press(.control("s"))
        guard case .form(let session)? = f.app.overlay else { Issue.record("the form closed: \(f.status)"); return }
        #expect(session.form.field("severity reason")?.error?.contains("how the abuse is more severe") == true)
        f.fill(["severity reason": "First attempt to strangle her", "incident dates": "01/03/2026\n14/10/2026"])
        f.press(.control("s"))
        let r = try #require(f.app.session.state.referral(withReference: "T-11"), "\(f.status)")
        #expect(r.details.incidents?.severityEscalates == true)
        #expect(r.details.incidents?.incidentDates == [Day(year: 2026, month: 3, day: 1)!, Day(year: 2026, month: 10, day: 14)!])
        #expect(r.details.victim.dateOfBirth == Day(year: 1991, month: 5, day: 4))
        #expect(f.app.session.state.criteria(of: r).contains(.escalation))
    }

    /// A victim referred again before her case is heard: the queue flags it `further?`, `+`
    /// asks, and the referral joins the case as a further incident; `u` takes it back.
    @Test func aFurtherReferralBeforeTheHearingIsAddedToTheCaseWithPlus() throws {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let next = try #require(state.nextMeeting(onOrAfter: ScreenFixture.today))
        let listed = try #require(state.orderedCases(of: next).compactMap(state.case).first { $0.status == .listed })
        var details = try #require(state.referral(of: listed)).details
        details.reference = "FURTHER-1"
        details.receivedOn = ScreenFixture.today
        details.summary = "Second call-out since the referral."
        #expect(f.app.perform(.receiveReferral(details)))
        let id = try #require(f.app.session.state.referral(withReference: "FURTHER-1")?.id)
        f.press(.character("1"))
        f.app.referrals.select(id, context: f.app.context)
        f.loop.draw()
        #expect(f.lines.contains { $0.contains("further?") || $0.contains("FUR?") })
        f.press(.character("+"))
        #expect(f.status.contains("Add \(id) to \(listed.id)"))
        f.press(.character("y"))
        #expect(f.app.session.state.referral(id)?.status == .addedToCase(listed.id))
        #expect(f.status.contains("further incident"))
        f.press(.character("u"))
        #expect(f.app.session.state.referral(id)?.status == .awaitingTriage, "undone: back in the queue")
    }

    @Test func aChildsBadDateIsShownBesideTheChildrenWithItsLine() throws {
        let f = ScreenFixture.demo()
        f.press(.character("1"), .character("n"))
        f.fill(["reference": "T-10", "agency": "Northbridge Police", "victim name": "Ilse Varga", "victim date of birth": "04/05/1991",
                "risk tool": "DASH score only", "risk score": "15", "children named": "Zoë Varga; 12/12/2015\nDáire Varga; 31/02/2018"])
        f.press(.control("s"))
        #expect(f.app.session.state.referral(withReference: "T-10") == nil)
        guard case .form(let session)? = f.app.overlay else { Issue.record("the form closed"); return }
        #expect(session.form.fields[session.form.focus].key == "children named")
        #expect(session.form.field("children named")?.error?.contains("line 2: \"31/02/2018\" is not a date") == true)
        // A child born after the referral is the core's refusal, routed to the same field.
        f.fill(["children named": "Zoë Varga; \(ScreenFixture.today.adding(days: 10).british)"])
        f.press(.control("s"))
        guard case .form(let again)? = f.app.overlay else { Issue.record("the form closed"); return }
        #expect(again.form.field("children named")?.error?.contains("child 1 date of birth") == true)
    }

    /// Correcting starts from every value; a child and a perpetrator added keep the others' details
    /// that the form does not show (relationships, aliases), and the checklist's answers are kept.
    @Test func correctingAReferralShowsEveryFieldAndKeepsWhatTheFormCannotShow() throws {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        let r = try #require(state.referrals.first { r in
            r.details.assessment?.answers.isEmpty == false && !r.details.children.isEmpty && r.details.perpetrators.count == 1
        })
        f.app.run("referral \(r.id)")
        f.press(.character("e"))
        guard case .form(let session)? = f.app.overlay else { Issue.record("no form: \(f.status)"); return }
        let d = r.details
        #expect(session.form["children named"] == d.children.map(ReferralForm.childLine).joined(separator: "\n"))
        #expect(session.form["ethnicity"] == ReferralForm.label(d.victim.diversity.ethnicity))
        #expect(session.form["risk tool"] == "DASH checklist")
        f.fill(["children named": session.form["children named"] + "\nNew Baby; \(d.receivedOn.adding(days: -30).british)",
                "further perpetrators": "Aoife Kessler; ; other"])
        f.press(.control("s"))
        if case .form(let open)? = f.app.overlay {
            Issue.record("not saved: \(open.form.message ?? "") \(open.form.fields.compactMap { field in field.error.map { "\(field.key): \($0)" } })")
        }
        let after = try #require(f.app.session.state.referral(r.id)).details
        #expect(after.children.count == d.children.count + 1)
        #expect(Array(after.children.prefix(d.children.count)) == d.children, "the children already recorded keep their relationships")
        #expect(after.perpetrators.first == d.perpetrators.first)
        #expect(after.perpetrators.last?.relationship == .other)
        #expect(after.assessment == d.assessment, "the checklist answers are kept")
        #expect(after.victim == d.victim)
    }

    @Test func returnDeclineAndTransferEachRecordTheirReasonInTheHistory() throws {
        let f = ScreenFixture.demo()
        let queue = f.app.session.state.triageQueue().map(\.referral)
        try #require(queue.count >= 3)
        let decisions: [(Key, String, (ReferralStatus) -> Bool)] = [
            (.character("r"), "The DASH form is missing page 2.", { if case .returned = $0 { true } else { false } }),
            (.character("x"), "Lives outside the area and is not at high risk.", { if case .notEligible = $0 { true } else { false } }),
            (.character("t"), "Southvale MARAC", { if case .transferredOut = $0 { true } else { false } }),
        ]
        for (key, text, check) in decisions {
            f.press(.character("1"), .character("g"))
            let id = try #require(f.app.referrals.selectedReferral)
            f.press(key)
            f.type(text)
            f.press(.control("s"))
            let r = try #require(f.app.session.state.referral(id))
            #expect(check(r.status), "\(key) gave \(r.status)")
            #expect(r.history.count >= 1)
        }
    }
}
