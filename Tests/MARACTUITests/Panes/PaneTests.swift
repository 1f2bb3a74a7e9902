import MARACCore
import Testing
@testable import MARACTUI

@Suite struct PaneTests {
    @Test func theReferralQueueListsEveryReferralAwaitingTriageOldestFirst() {
        let f = ScreenFixture.demo()
        let queue = f.app.session.state.triageQueue()
        #expect(!queue.isEmpty)
        #expect(f.screen.contains("\(queue.count) referral"))
        var rows: [Int] = []
        for row in queue {
            let r = f.app.session.state.referral(row.referral)!
            let at = f.lines.firstIndex { $0.contains(r.details.reference) }
            #expect(at != nil, "missing \(r.details.reference)")
            rows.append(at ?? -1)
        }
        #expect(rows == rows.sorted(), "oldest first")
        #expect(f.status.contains("Referral queue") == true)
        #expect(f.status.contains("user coordinator") == true)
        #expect(f.status.contains("~/demo") == true)
    }

    /// At 80x24 no column that carries a flag or a safety marker is dropped: the queue's Flags
    /// and the tracker's overdue status stay whole, and the names give way.
    @Test func at80x24TheFlagsAndTheOverdueStatusKeepTheirColumns() throws {
        let f = ScreenFixture.demo(rows: 24, columns: 80)
        f.press(.character("1"))
        let queue = f.app.session.state.triageQueue()
        let at = try #require(queue.firstIndex { !$0.flags.isEmpty })
        let flagged = queue[at]
        let header = try #require(f.lines.firstIndex { $0.contains("Flags") })
        let line = f.lines[header + 1 + at]
        #expect(line.contains(try #require(f.app.session.state.referral(flagged.referral)).details.receivedOn.british))
        let words = ReferralQueuePane.flagText(flagged.flags).split(separator: ",").map { $0.trimmingSpaces() }
        for word in words {
            let brief = ReferralQueuePane.flagAbbreviations.first { $0.0 == word }?.1 ?? word
            #expect(line.contains(word) || line.contains(brief), "\(word) in \(line)")
        }
        f.press(.character("4"), .character("f"))
        // The tracker lists them by due date: the oldest is on screen.
        let late = try #require(f.app.session.state.actions(matching: ActionFilter(overdueOn: ScreenFixture.today)).min { ($0.due, $0.id) < ($1.due, $1.id) })
        let days = late.due.days(until: ScreenFixture.today)
        #expect(f.screen.contains("\(days)d overdue"))
    }

    @Test func eachPaneShowsItsDataWhenItsNumberIsPressed() {
        let f = ScreenFixture.demo()
        let state = f.app.session.state
        f.press(.character("3"))
        let next = state.nextMeeting(onOrAfter: ScreenFixture.today)!
        #expect(f.lines[1].contains(next.id.description))
        #expect(f.screen.contains("Outstanding actions"))
        #expect(f.screen.contains("Adult-only cases"))
        f.press(.character("4"))
        let open = state.actions(matching: ActionFilter(status: .open)).count
        #expect(f.screen.contains("\(open) open actions"))
        f.press(.character("2"))
        #expect(f.screen.contains("No case is open"))
        f.press(.character("1"))
        #expect(f.screen.contains("awaiting triage"))
    }

    @Test func tabAndShiftTabCycleThroughThePanes() {
        let f = ScreenFixture.demo()
        var seen: [PaneKind] = [f.app.current]
        for _ in 0..<4 {
            f.press(.tab)
            seen.append(f.app.current)
        }
        #expect(seen == [.referrals, .caseView, .agenda, .actions, .referrals])
        f.press(.backTab)
        #expect(f.app.current == .actions)
    }

    @Test func enterOnAReferralOpensItInTheCaseView() {
        let f = ScreenFixture.demo()
        let first = f.app.session.state.triageQueue()[0]
        let r = f.app.session.state.referral(first.referral)!
        f.press(.enter)
        #expect(f.app.current == .caseView)
        #expect(f.lines[1].contains(r.details.victim.name))
        #expect(f.screen.contains("People"))
        #expect(f.screen.contains("awaiting triage"))
        f.press(.backspace)
        #expect(f.app.current == .referrals)
    }

    @Test func enterOnAnAgendaCaseOpensThatCase() {
        let f = ScreenFixture.demo()
        f.press(.character("3"))
        let agenda = f.app.session.state.agenda(for: f.app.agenda.meetingID!)!
        guard let firstCase = agenda.cases.first else {
            Issue.record("the next meeting has no cases")
            return
        }
        // The selection starts on the outstanding actions; the first case is one row down.
        #expect(agenda.outstandingActions.count > 0)
        f.press(.character("j"))
        f.press(.enter)
        #expect(f.app.current == .caseView)
        #expect(f.app.caseView.subject == .case(firstCase))
        #expect(f.lines[1].hasPrefix(" \(firstCase)"))
        #expect(f.screen.contains("Risk:"))
    }

    @Test func enterOnTheOutstandingActionsShowsThemInTheActionTracker() {
        let f = ScreenFixture.demo()
        f.press(.character("3"), .enter)
        let meeting = f.app.agenda.meetingID!
        let outstanding = f.app.session.state.outstandingActionsToReview(at: f.app.session.state.meeting(meeting)!)
        #expect(f.app.current == .actions)
        #expect(f.lines[1].contains("\(outstanding.count) outstanding at \(meeting) actions"))
    }

    @Test func enterOnAnActionOpensItsCase() {
        let f = ScreenFixture.demo()
        f.press(.character("4"))
        let first = f.app.session.state.actions(matching: ActionFilter(status: .open))
            .sorted { ($0.due, $0.id) < ($1.due, $1.id) }[0]
        f.press(.enter)
        #expect(f.app.caseView.subject == .case(first.caseID))
        #expect(f.lines[1].contains(first.caseID.description))
        let content = CaseViewContent(subject: .case(first.caseID), state: f.app.session.state, today: ScreenFixture.today,
                                      width: 118, glyphs: .unicode)
        #expect(content.lines.contains { $0.text.hasPrefix("\(first.id) ") })
    }

    @Test func selectionMovesAndTheListScrollsToKeepItVisible() {
        let f = ScreenFixture.demo(cases: 120)
        f.press(.character("4"), .character("f"), .character("f"), .character("g"))  // all actions, from the top
        let total = f.app.session.state.actions.filter { $0.inError == nil }.count
        #expect(total > 60)
        let firstRow = f.selectedRow
        #expect(firstRow == 3)
        f.press(.character("j"), .character("j"))
        #expect(f.selectedRow == 5)
        f.press(.character("k"))
        #expect(f.selectedRow == 4)
        f.press(.character("G"))
        // The last action is selected and shown on the last row of the list.
        let lastRow = f.selectedRow!
        #expect(lastRow > 30 && lastRow <= 38)
        let lastAction = f.app.session.state.actions.filter { $0.inError == nil }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }.last!
        #expect(f.lines[lastRow].contains(String(lastAction.id.number)))
        f.press(.character("g"))
        #expect(f.selectedRow == 3)
        f.press(.pageDown)
        #expect(f.selectedRow! > 20)
    }

    @Test func theHelpScreenListsEveryBindingInTheKeymap() {
        let f = ScreenFixture.demo()
        f.press(.character("?"))
        #expect(f.app.showingHelp)
        // The list is longer than the screen: read it all by scrolling, a page at a time, with
        // each page's wrapped lines joined as a reader reads them.
        func joined(_ screen: String) -> String { screen.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var pages = [joined(f.screen)]
        for _ in 0..<40 {
            f.press(.pageDown)
            pages.append(joined(f.screen))
        }
        #expect(pages.last == pages[pages.count - 2], "the last page is kept, not scrolled past")
        for binding in Keymap.standard.bindings {
            #expect(pages.contains { $0.contains(joined(binding.request.help)) }, "help lacks \(binding.request)")
            #expect(pages.contains { $0.contains(binding.keys[0].description) })
        }
        for line in f.screen.split(separator: "\n") {
            #expect(!line.hasSuffix("…"), "a help line is cut: \(line)")
        }
        f.press(.escape)
        #expect(!f.app.showingHelp)
    }

    @Test func qQuitsTheApp() {
        let f = ScreenFixture.demo()
        #expect(f.press(.character("q")) == false)
    }
}
