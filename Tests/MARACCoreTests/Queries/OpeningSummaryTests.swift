import Testing
@testable import MARACCore

/// The opening summary: what the first screen shows, kept beside the store so it can be drawn
/// before the store is read. It must say what the whole state says, on the day it was made and
/// on any later day it is opened.
@Suite struct OpeningSummaryTests {
    static let madeOn = Day(year: 2026, month: 11, day: 28)!
    static let state = DemoGenerator(seed: 11, cases: 240, today: madeOn).generate { _ in }

    /// The attention screen's figures from the whole state's own queries, not from a summary.
    static func attentionFromTheWholeState(_ state: MARACState, on today: Day) -> Attention {
        let queue = state.triageQueue()
        let next = state.nextMeeting(onOrAfter: today)
        let overdue = state.overdueActionsByAgency(on: today)
        return Attention(awaitingTriage: queue.count, possibleRepeats: queue.filter { $0.flags.contains(.possibleRepeat) }.count,
                         nextMeeting: next?.id, nextMeetingCutoff: next.map(state.caseListCutoff(of:)),
                         casesOnNextMeeting: next?.listedCases.count ?? 0, missingResearchReturns: next.map(state.missingResearchReturns(for:)) ?? 0,
                         overdueActions: overdue.reduce(0) { $0 + $1.actions.count }, overdueAgencies: overdue.count,
                         meetingInProgress: state.meetingInProgress?.id, reportsToConfirm: state.reportsToConfirm())
    }

    @Test func aSummaryMadeOnOneDaySaysWhatTheWholeStateSaysOnThatDayAndEveryLaterOne() {
        let summary = Self.state.openingSummary(on: Self.madeOn)
        #expect(summary.awaitingTriage >= 2 && !summary.openActions.isEmpty && !summary.comingMeetings.isEmpty,
                "the demo has something on each line")
        var overdueSeen = Set<Int>()
        for days in stride(from: 0, through: 120, by: 3) {
            let day = Self.madeOn.adding(days: days)
            #expect(summary.answers(for: day))
            #expect(summary.attention(on: day) == Self.attentionFromTheWholeState(Self.state, on: day), "\(day)")
            overdueSeen.insert(summary.attention(on: day).overdueActions)
        }
        #expect(overdueSeen.count > 3, "the overdue count grows as days pass, from the due dates kept")
    }

    @Test func eachAgencysOverdueCountAndOldestDueAreTheWholeStates() {
        let day = Self.madeOn.adding(days: 30)
        let summary = Self.state.openingSummary(on: Self.madeOn)
        let fromSummary = Dictionary(uniqueKeysWithValues: summary.overdue(on: day).map { ($0.agency, ($0.name, $0.count, $0.oldestDue)) })
        let fromState = Dictionary(uniqueKeysWithValues: Self.state.overdueActionsByAgency(on: day).map {
            ($0.agency.id, ($0.agency.name, $0.actions.count, $0.actions.map(\.due).min()!))
        })
        #expect(fromSummary.count == fromState.count && fromSummary.count > 1)
        for (agency, row) in fromState { #expect(fromSummary[agency].map { $0 == row } == true, "\(agency)") }
        let counts = summary.overdue(on: day).map(\.count)
        #expect(counts == counts.sorted(by: >), "most overdue first")
    }

    @Test func itDoesNotAnswerForADayBeforeItWasMade() {
        let summary = Self.state.openingSummary(on: Self.madeOn)
        #expect(!summary.answers(for: Self.madeOn.adding(days: -1)), "it no longer holds the meetings before it")
    }

    @Test func itComesBackFromItsBinaryFormWholeAndRefusesAnotherVersion() throws {
        let summary = Self.state.openingSummary(on: Self.madeOn)
        var w = BinaryWriter()
        w.write(summary)
        let read = try BinaryReader.decode(OpeningSummary.self, from: w.bytes, version: MARACState.snapshotFormatVersion - 1)
        #expect(read == summary)
        var other = w.bytes
        other[0] = UInt8(OpeningSummary.formatVersion + 1) << 1
        #expect(throws: BinaryDecodingError.self) { try BinaryReader.decode(OpeningSummary.self, from: other, version: 8) }
        #expect(throws: BinaryDecodingError.self) { try BinaryReader.decode(OpeningSummary.self, from: Array(w.bytes.dropLast()), version: 8) }
    }

    @Test func aNewStoreSummaryListsTheSetUpStillToDo() {
        let summary = MARACState().openingSummary(on: Self.madeOn)
        #expect(summary.setupSteps == MARACState().setupSteps && summary.setupSteps.contains(.agencies))
        #expect(summary.attention(on: Self.madeOn).overdueActions == 0 && summary.nextMeeting(onOrAfter: Self.madeOn) == nil)
    }
}
