import MARACCore
import Testing
@testable import MARACTUI

/// Finding anyone from anywhere on the screen: Ctrl-F from every pane, `:find`, and `:case`,
/// `:open` and `:referral` straight to a record.
@Suite struct FindViewTests {
    /// A victim of the demo with two words to her name, and the case her referral became.
    static func someone(_ f: ScreenFixture) throws -> (name: String, caseID: CaseID) {
        let state = f.app.session.state
        let r = try #require(state.referrals.first { r in
            guard case .accepted = r.status else { return false }
            return r.details.victim.name.split(separator: " ").count == 2 && r.details.victim.name.split(separator: " ").allSatisfy { $0.count >= 5 }
        })
        guard case .accepted(let c) = r.status else { throw CancellationError() }
        return (r.details.victim.name, c)
    }

    @Test(arguments: ["1", "2", "3", "4"])
    func ctrlFFindsHerFromEveryPaneByHerNameTurnedRoundWithOneTypo(pane: String) throws {
        let f = ScreenFixture.demo()
        let (name, caseID) = try Self.someone(f)
        let words = name.split(separator: " ").map(String.init)
        // The surname first, and two letters of the given name swapped.
        var given = Array(words[0])
        given.swapAt(1, 2)
        f.press(.character(Character(pane)))
        f.press(.control("f"))
        #expect(f.app.modeName == "Find")
        f.type("\(words[1]) \(String(given))")
        #expect(f.screen.contains(name))
        #expect(f.screen.contains("victim"))
        f.press(.enter)
        #expect(f.app.current == .caseView)
        #expect(f.app.caseView.subject == .case(caseID))
    }

    @Test func theCommandLineOpensARecordByIdOrReferenceOrFindsWhatItIsGiven() throws {
        let f = ScreenFixture.demo()
        let (name, caseID) = try Self.someone(f)
        f.app.run("case \(caseID)")
        #expect(f.app.caseView.subject == .case(caseID))
        f.press(.character("1"))
        let waiting = try #require(f.app.session.state.referrals.first { $0.status == .awaitingTriage })
        f.app.run("open \(waiting.id)")
        #expect(f.app.caseView.subject == .referral(waiting.id))
        f.app.run("referral \(waiting.details.reference.lowercased())")
        #expect(f.app.caseView.subject == .referral(waiting.id))
        f.app.run("find \(name.split(separator: " ")[1])")
        f.loop.draw()
        #expect(f.app.modeName == "Find")
        #expect(f.screen.contains(name))
        f.press(.escape)
        #expect(f.app.modeName == "Case view")
    }

    @Test func nothingFoundSaysSo() {
        let f = ScreenFixture.demo()
        f.press(.control("f"))
        f.type("Qqqqxq")
        #expect(f.screen.contains("No one matches \"Qqqqxq\""))
    }

    /// The index of people is built again after a change that may change a person, and only
    /// then: opening cases (each viewing recorded) keeps it; a name another screen corrected is
    /// found at once.
    @Test func theIndexOfPeopleIsKeptUntilSomeoneChanges() throws {
        let f = ScreenFixture.demo()
        let (name, caseID) = try Self.someone(f)
        f.press(.control("f"))
        f.press(.escape)
        let built = f.app.peopleIndex.buildCount
        #expect(built == 1)
        f.app.run("case \(caseID)")
        #expect(f.app.session.state.journal.entries.last?.command == .recordCaseViewed)
        f.app.stateChanged()
        f.press(.control("f"))
        f.type(String(name.split(separator: " ")[1]))
        #expect(f.screen.contains(name))
        f.press(.escape)
        #expect(f.app.peopleIndex.buildCount == built, "opening a case rebuilt the index")
        // Another screen corrects her name.
        let state = f.app.session.state
        let referral = try #require(state.case(caseID)?.referral)
        var details = try #require(state.referral(referral)?.details)
        details.victim.name = "Ysolde Quarrington"
        try f.savedByAnotherScreen(.updateReferral(referral, details))
        f.press(.control("f"))
        f.type("quarrington")
        #expect(f.screen.contains("Ysolde Quarrington"))
        #expect(f.app.peopleIndex.buildCount == built + 1)
    }
}
