import MARACCore
import Testing

/// Issue 23: every screen can save, so a meeting in progress is run from the screen of the
/// person who started it. Others add to it only once a coordinator lets them, and never move it
/// along; a coordinator can always take it over.
@Suite struct MeetingRunnerTests {
    static let admin = Actor(name: "aled", role: .admin)

    @Test func anotherScreenAddsNothingUntilACoordinatorLetsIt() throws {
        var h = try MeetingRulesTests.meetingInProgress()
        #expect(h.s.state.runner(of: h.meeting) == "coordinator")
        let info = Command.shareInformation(h.meeting, h.caseID, h.agencies.police, "Bail conditions until March.")
        h.s.actor = Self.admin
        let refused = try #require(h.s.refusal(info))
        #expect(refused.message.contains("\(h.meeting) is being run by coordinator on their screen"), "\(refused.message)")
        #expect(refused.message.contains(":meeting share"))
        #expect(h.s.refusal(.letOthersAdd(h.meeting, allowed: true)) != nil, "only a coordinator lets others add")

        h.s.actor = Actor(name: "coordinator", role: .coordinator)
        try h.s.run(.letOthersAdd(h.meeting, allowed: true))
        #expect(h.s.state.meeting(h.meeting)?.othersMayAdd == true)
        h.s.actor = Self.admin
        try h.s.run(info)
        try h.s.run(.identifyRisk(h.meeting, h.caseID, "Separation within the last month."))
        // Adding, yes; moving the meeting along, no.
        let moving = try #require(h.s.refusal(.endCaseDiscussion(h.meeting, h.caseID)))
        #expect(moving.message.contains("only they move it along"))
        #expect(h.s.refusal(.endMeeting(h.meeting)) != nil)

        h.s.actor = Actor(name: "coordinator", role: .coordinator)
        try h.s.run(.letOthersAdd(h.meeting, allowed: false))
        h.s.actor = Self.admin
        #expect(h.s.refusal(.identifyRisk(h.meeting, h.caseID, "Another risk.")) != nil, "unshared again")
    }

    @Test func anotherCoordinatorCanTakeTheMeetingOver() throws {
        var h = try MeetingRulesTests.meetingInProgress()
        h.s.actor = Actor(name: "cora", role: .coordinator)
        try h.s.run(.endCaseDiscussion(h.meeting, h.caseID))
        try h.s.run(.endMeeting(h.meeting))
        #expect(h.s.state.meeting(h.meeting)?.status == .ended)
    }

    @Test func whetherOthersMayAddSurvivesASnapshot() throws {
        var h = try MeetingRulesTests.meetingInProgress()
        try h.s.run(.letOthersAdd(h.meeting, allowed: true))
        let read = try MARACState(snapshot: h.s.state.snapshotBytes())
        #expect(read.meeting(h.meeting)?.othersMayAdd == true)
        #expect(read.runner(of: h.meeting) == "coordinator", "who runs it comes from the journal, kept in snapshots")
    }
}
