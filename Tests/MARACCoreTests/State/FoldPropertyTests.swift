import Foundation
import MARACCore
import PropertyBased
import Testing

/// The state is a pure fold of its events, and every event survives being stored.
@Suite struct FoldPropertyTests {
    @Test func foldingTheEventsAgainGivesTheSameStateAndEveryEventRoundTrips() async {
        await propertyCheck(count: 40, input: Gen.uint64(), Gen.int(in: 50...400)) { seed, steps in
            var history = RandomHistory(seed: seed)
            history.run(steps: steps)
            let refolded = MARACState.folding(history.changes)
            #expect(refolded == history.state, "seed \(seed), \(steps) steps")
            let decoder = JSONDecoder()
            let encoder = JSONEncoder()
            for change in history.changes {
                #expect((try? Change.decode(change.encoded())) == change)
                let json = try? encoder.encode(change)
                #expect(json.flatMap { try? decoder.decode(Change.self, from: $0) } == change)
            }
            #expect(history.state.lookupsAgreeWithRecords(), "seed \(seed): the lookups kept by the fold drifted")
            let restored = try? MARACState(snapshot: history.state.snapshotBytes())
            #expect(restored == history.state, "the snapshot restores the state")
            #expect(restored?.lookupsAgreeWithRecords() == true)
        }
    }

    @Test func randomHistoriesExerciseMostOfTheModel() {
        var history = RandomHistory(seed: 42)
        history.run(steps: 3000)
        let kinds = Set(history.changes.flatMap(\.events).map { String(describing: $0).prefix { $0 != "(" } })
        #expect(kinds.count >= 25, "only \(kinds.sorted())")
        #expect(history.state.cases.count > 10)
        #expect(history.state.actions.count > 10)
    }

    @Test func theDemoHistoryFoldsAndRoundTripsToo() throws {
        let changes = DemoGenerator(seed: 11, cases: 40, today: Day(year: 2026, month: 11, day: 28)!).changes()
        let state = MARACState.folding(changes)
        for change in changes { #expect(try Change.decode(change.encoded()) == change) }
        #expect(try MARACState(snapshot: state.snapshotBytes()) == state)
    }
}
