import MARACCore
import Testing

/// Who may do what: viewers change nothing; chairs follow up actions and sign off minutes;
/// admins and coordinators do the rest; only coordinators set the profile and purge.
@Suite struct RolesTests {
    /// One command of every kind against a small store, each one a coordinator may make.
    static func everyKindOfCommand() throws -> (Scenario, [Command]) {
        var s = Scenario()
        let a = s.standardAgencies()
        let m = s.meeting(on: s.today)
        let later = s.meeting(on: s.today.adding(days: 28))
        let r = try s.receive(Scenario.details("R1", on: s.today, agency: a.police))
        let r2 = try s.receive(Scenario.details("R2", on: s.today, agency: a.police, victim: Scenario.victim("Other Person", born: Day(year: 1970, month: 1, day: 1)!)))
        let c = try s.accept(r, onto: m)
        try s.run(.startMeeting(m))
        try s.run(.startCaseDiscussion(m, c))
        try s.run(.identifyRisk(m, c, "Risk"))
        try s.run(.agreeAction(caseID: c, meeting: m, agency: a.police, owner: "", description: "Do", due: s.today.adding(days: 7)))
        let profile = s.state.profile
        let commands: [Command] = [
            .setAreaProfile(profile),
            .registerAgency(name: "New Agency", kind: .other, ispSignedOn: nil, representatives: []),
            .updateAgency(a.police, name: "Police", kind: .police, representatives: []),
            .recordISPSigned(a.unsigned, on: s.today),
            .receiveReferral(Scenario.details("R3", on: s.today, agency: a.police)),
            .updateReferral(r2, s.state.referral(r2)!.details),
            .linkRepeat(r2, c),
            .acceptReferral(r2, onto: later),
            .returnReferral(r2, missing: "DASH"),
            .declineReferral(r2, reason: "Not eligible"),
            .transferReferralOut(r2, Transfer(marac: "Elsewhere", on: s.today)),
            .transferCaseOut(c, Transfer(marac: "Elsewhere", on: s.today)),
            .moveCase(c, to: later),
            .scheduleMeeting(date: s.today.adding(days: 50), startTime: "10:00", venue: "V", chair: "C"),
            .changeMeeting(later, date: s.today.adding(days: 29), startTime: "10:00", venue: "V", chair: "C"),
            .cancelMeeting(later, reason: "Moved"),
            .freezeCaseList(later),
            .recordResearchReturn(c, a.housing, receivedOn: s.today),
            .reorderAgenda(m, [c]),
            .addOtherBusiness(m, "AOB"),
            .startMeeting(later),
            .recordAttendance(m, a.police, .absent),
            .recordObserver(m, Observer(name: "O", organisation: "X", confidentialitySigned: true)),
            .recordStatementRead(m),
            .startCaseDiscussion(m, c),
            .shareInformation(m, c, a.police, "Info"),
            .identifyRisk(m, c, "Risk"),
            .recordCrimeDisclosed(m, c, "Criminal damage to the front door, 3 May"),
            .recordOutcomeTeller(m, c, "The IDVA"),
            .addToCase(ReferralID(2), c),
            .endCaseDiscussion(m, c),
            .endMeeting(m),
            .signOffMinutes(m),
            .agreeAction(caseID: c, meeting: m, agency: a.police, owner: "", description: "More", due: s.today.adding(days: 7)),
            .updateActionStatus(ActionID(1), .done, note: "", on: s.today),
            .changeAction(ActionID(1), owner: "X", description: "Do it", due: s.today.adding(days: 9)),
            .markRecordedInError(.risk(m, c, index: 0), reason: "Wrong"),
            .recordCaseViewed(c),
            .recordExport(what: "minutes", cases: [c]),
            .recordExportFailed(what: "case list", cases: [c], reason: "the folder does not exist"),
            .purgeCase(c),
            .withdrawAcceptance(r2, reason: "Mistake"),
            .reopenTriage(r2, reason: "Mistake"),
            .unfreezeCaseList(later),
            .importReferrals(newAgencies: [], referrals: [Scenario.details("R9", on: s.today, agency: a.police)]),
            .retireAgency(a.unsigned),
            .reinstateAgency(a.unsigned),
            .withdrawMeetingStart(later),
            .letOthersAdd(m, allowed: true),
            .noteAction(ActionID(1), note: "Called the owner", on: s.today),
            .extendActionDue(ActionID(1), to: s.today.adding(days: 30), reason: "Awaiting a court date"),
            .addMinutesAddendum(m, "The date of the hearing was 3 March"),
            .recordActionReports(source: "police-actions.csv", [ActionReportLine(action: ActionID(1), agency: a.police, status: .done, note: "", on: s.today)]),
            .confirmActionReport(ActionID(1), report: 0),
            .rejectActionReport(ActionID(1), report: 0, reason: "Not on the system"),
            .reopenActionReport(ActionID(1), report: 0),
            .importResearch(source: "housing-research.csv", agency: a.housing,
                            [ResearchLine(caseID: c, known: .yes, information: "Tenant since 2019", risks: "", lastContact: nil, receivedOn: s.today)]),
        ]
        return (s, commands)
    }

    @Test func theSampleCoversEveryKindOfCommand() throws {
        let (_, commands) = try Self.everyKindOfCommand()
        #expect(Set(commands.map(\.kind)) == Set(CommandKind.allCases).subtracting(CommandKind.madeByTheStore))
    }

    @Test(arguments: Role.allCases)
    func eachRoleMayMakeOnlyItsCommands(role: Role) throws {
        let (scenario, commands) = try Self.everyKindOfCommand()
        var s = scenario
        s.actor = Actor(name: "someone", role: role)
        for command in commands {
            let refusal = s.refusal(command)
            let allowed = command.allowedRoles.contains(role)
            if allowed {
                if case .notPermitted? = refusal { Issue.record("\(role) was refused \(command.name)") }
            } else {
                #expect(refusal == .notPermitted(command: command.name, role: role, needs: command.allowedRoles), "\(role) may \(command.name)")
            }
        }
        let permitted = commands.filter { $0.allowedRoles.contains(role) }.map(\.kind)
        switch role {
        // A viewer reads on screen: no export holding cases, only the record of a failed try.
        case .viewer: #expect(Set(permitted) == [.recordCaseViewed, .recordExportFailed])
        case .chair: #expect(Set(permitted) == [.updateActionStatus, .noteAction, .extendActionDue, .signOffMinutes, .addMinutesAddendum,
                                                 .confirmActionReport, .rejectActionReport, .reopenActionReport,
                                                 .recordCaseViewed, .recordExport, .recordExportFailed])
        case .admin: #expect(!permitted.contains(.setAreaProfile) && !permitted.contains(.purgeCase) && !permitted.contains(.letOthersAdd)
                             && permitted.contains(.acceptReferral))
        case .coordinator: #expect(permitted.count == CommandKind.allCases.count - CommandKind.madeByTheStore.count)
        }
    }
}
