import MARACCore
import MARACExchange
import Testing

/// The words agencies write in a returned sheet's status column, read as the four outcomes.
@Suite struct ActionUpdateWordsTests {
    @Test(arguments: [("Done", ActionStatus.done), ("COMPLETED", .done), ("Completed 12/3", .done), ("in progress", .open), ("In-progress", .open),
                      ("ongoing", .open), ("in hand", .open), ("N/A - moved away", .notPossible), ("not possible", .notPossible),
                      ("not-possible", .notPossible), ("Circumstances changed", .notPossible), ("not done", .notDone), ("Not completed", .notDone),
                      ("not-done", .notDone)])
    func anAgencysWordsAreReadAsTheOutcome(words: String, status: ActionStatus) {
        #expect(ActionUpdateImporter.status(from: words) == status)
    }

    @Test(arguments: ["sort of", "maybe", "see notes", "?"])
    func wordsThatSayNoOutcomeAreNotGuessed(words: String) {
        #expect(ActionUpdateImporter.status(from: words) == nil)
    }
}
