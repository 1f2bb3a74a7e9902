import MARACCore
import Testing
@testable import MARACTUI

/// Names in any script must line up in columns: the referral queue is built from referrals
/// whose victims have accented, Polish and Chinese names.
@Suite struct UnicodeAlignmentTests {
    static let names = ["Nguyễn Thị Lan", "Zoë Łukasiewicz", "李小龍", "Amy Ashworth", "Siobhán Ó Briain"]

    static func state() -> MARACState {
        let today = ScreenFixture.today
        var state = MARACState()
        let context = DecisionContext(actor: Actor(name: "admin", role: .admin), now: .noon(of: today), today: today)
        func run(_ c: Command) {
            let change = try! state.change(for: c, context: context)
            state.apply(change)
        }
        run(.registerAgency(name: "Northbridge Police", kind: .police, ispSignedOn: today.adding(days: -100), representatives: []))
        for (i, name) in names.enumerated() {
            let details = ReferralDetails(
                reference: "REF-\(i)", receivedOn: today.adding(days: -5 + i), agency: AgencyID(1),
                victim: Person(name: name, dateOfBirth: Day(year: 1990, month: 1 + i, day: 10)),
                assessment: .scored(.dashRIC, on: today, score: 14 + i))
            run(.receiveReferral(details))
        }
        return state
    }

    @Test func victimNamesLineUpWithTheColumnsAfterThem() {
        let f = ScreenFixture(state: Self.state())
        var columns: Set<Int> = []
        for (i, name) in Self.names.enumerated() {
            guard let line = f.lines.first(where: { $0.contains(name) }) else {
                Issue.record("\(name) is not on the screen")
                continue
            }
            let criteria = displayColumn(of: "VHR", in: line)
            let risk = displayColumn(of: "DASH \(14 + i)", in: line)
            #expect(criteria != nil && risk != nil)
            columns.insert(criteria ?? -1)
            columns.insert(1000 + (risk ?? -1))
            #expect(TextWidth.of(line) <= 120)
        }
        #expect(columns.count == 2, "criteria and risk start at the same column on every row: \(columns)")
    }

    @Test func theCaseViewShowsTheNameWhole() {
        let f = ScreenFixture(state: Self.state())
        f.press(.character("G"), .enter)
        #expect(f.lines[1].contains("Siobhán Ó Briain"))
        f.press(.character("1"), .character("g"), .enter)
        #expect(f.lines[1].contains("Nguyễn Thị Lan"))
    }
}
