/// Who records in a meeting in progress: the screen that runs it.
///
/// Every screen can save (the store locks per change), so during a meeting the admin's screen
/// could otherwise move the case on, or end the meeting, under the coordinator's. The person who
/// started the meeting runs it, and a coordinator can always take it over (a screen that
/// crashed); anyone else adds information, risks, crimes disclosed and who tells the victim only
/// once a coordinator has let them (`:meeting share`), and never moves the meeting along.
extension MARACState {
    /// Who started the meeting (the last start, if it was withdrawn and started again), from
    /// the journal: read from its end, where a meeting in progress began.
    public func runner(of meeting: MeetingID) -> String? {
        let journal = self.journal
        var i = journal.count - 1
        while i >= 0 {
            let entry = journal[i]
            if entry.command == .startMeeting, entry.record == .meeting(meeting) { return entry.stamp.actor }
            i -= 1
        }
        return nil
    }

    /// The meeting a command records in while it is in progress, and whether it only adds to
    /// a case's record (which others may do when let) rather than moving the meeting along.
    static func meetingRecorded(by command: Command) -> (MeetingID, adds: Bool)? {
        switch command {
        case .shareInformation(let m, _, _, _), .identifyRisk(let m, _, _), .recordCrimeDisclosed(let m, _, _),
             .recordOutcomeTeller(let m, _, _):
            (m, true)
        case .recordAttendance(let m, _, _), .recordObserver(let m, _), .recordStatementRead(let m),
             .startCaseDiscussion(let m, _), .endCaseDiscussion(let m, _), .endMeeting(let m):
            (m, false)
        default:
            nil
        }
    }

    func requireMayRecordInMeeting(_ command: Command, actor: Actor) throws(DomainError) {
        guard let (id, adds) = Self.meetingRecorded(by: command), let m = meeting(id), m.status == .inProgress,
              actor.role != .coordinator, let runner = runner(of: id), runner != actor.name else { return }
        if adds && m.othersMayAdd { return }
        let how = adds ? "unless a coordinator lets other screens add to it (:meeting share on their screen)"
            : "only they move it along; a coordinator can take it over"
        throw .invalid(field: "meeting", reason: "\(id) is being run by \(runner) on their screen: \(how)")
    }
}
