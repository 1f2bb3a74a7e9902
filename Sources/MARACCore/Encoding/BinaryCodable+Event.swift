/// Event codes are their position in this list: append new events at the end, never reuse a code.
extension Event: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        switch self {
        case .areaProfileSet(let p): w.writeTag(0); w.write(p)
        case .agencyRegistered(let a): w.writeTag(1); w.write(a)
        case .agencyUpdated(let a): w.writeTag(2); w.write(a)
        case .referralReceived(let r): w.writeTag(3); w.write(r)
        case .referralUpdated(let id, let d): w.writeTag(4); w.write(id); w.write(d)
        case .referralRepeatLinked(let id, let c): w.writeTag(5); w.write(id); w.write(c)
        case .referralAccepted(let id, let c, let m, let on, let idva):
            w.writeTag(6); w.write(id); w.write(c); w.write(m); w.write(on); w.write(idva)
        case .referralReturned(let id, let missing): w.writeTag(7); w.write(id); w.write(missing)
        case .referralDeclined(let id, let reason): w.writeTag(8); w.write(id); w.write(reason)
        case .referralTransferredOut(let id, let t): w.writeTag(9); w.write(id); w.write(t)
        case .caseTransferredOut(let id, let t): w.writeTag(10); w.write(id); w.write(t)
        case .caseMoved(let id, let to): w.writeTag(11); w.write(id); w.write(to)
        case .meetingScheduled(let m): w.writeTag(12); w.write(m)
        case .meetingChanged(let id, let date, let time, let venue, let chair):
            w.writeTag(13); w.write(id); w.write(date); w.write(time); w.write(venue); w.write(chair)
        case .meetingCancelled(let id, let reason): w.writeTag(14); w.write(id); w.write(reason)
        case .caseListFrozen(let id): w.writeTag(15); w.write(id)
        case .researchReturnRecorded(let c, let a, let d): w.writeTag(16); w.write(c); w.write(a); w.write(d)
        case .agendaReordered(let id, let order): w.writeTag(17); w.write(id); w.write(order)
        case .otherBusinessAdded(let id, let text): w.writeTag(18); w.write(id); w.write(text)
        case .meetingStarted(let id): w.writeTag(19); w.write(id)
        case .attendanceRecorded(let id, let a, let att): w.writeTag(20); w.write(id); w.write(a); w.write(att)
        case .observerRecorded(let id, let o): w.writeTag(21); w.write(id); w.write(o)
        case .statementRead(let id): w.writeTag(22); w.write(id)
        case .caseDiscussionStarted(let id, let c): w.writeTag(23); w.write(id); w.write(c)
        case .informationShared(let id, let c, let a, let text):
            w.writeTag(24); w.write(id); w.write(c); w.write(a); w.write(text)
        case .riskIdentified(let id, let c, let text): w.writeTag(25); w.write(id); w.write(c); w.write(text)
        case .caseDiscussionEnded(let id, let c): w.writeTag(26); w.write(id); w.write(c)
        case .meetingEnded(let id): w.writeTag(27); w.write(id)
        case .minutesSignedOff(let id): w.writeTag(28); w.write(id)
        case .actionAgreed(let a): w.writeTag(29); w.write(a)
        case .actionStatusChanged(let id, let s, let note, let on):
            w.writeTag(30); w.write(id); w.write(s); w.write(note); w.write(on)
        case .actionChanged(let id, let owner, let description, let due):
            w.writeTag(31); w.write(id); w.write(owner); w.write(description); w.write(due)
        case .recordedInError(let ref, let reason): w.writeTag(32); w.write(ref); w.write(reason)
        case .caseViewed(let id): w.writeTag(33); w.write(id)
        case .exported(let what, let cases): w.writeTag(34); w.write(what); w.write(cases)
        case .casePurged(let id, let on): w.writeTag(35); w.write(id); w.write(on)
        case .acceptanceWithdrawn(let r, let c, let reason): w.writeTag(36); w.write(r); w.write(c); w.write(reason)
        case .triageReopened(let r, let reason): w.writeTag(37); w.write(r); w.write(reason)
        case .caseListUnfrozen(let m): w.writeTag(38); w.write(m)
        case .meetingStartWithdrawn(let m): w.writeTag(39); w.write(m)
        case .actionNoted(let a, let note, let on): w.writeTag(40); w.write(a); w.write(note); w.write(on)
        case .minutesAddendumAdded(let m, let text): w.writeTag(41); w.write(m); w.write(text)
        case .crimeDisclosed(let m, let c, let text): w.writeTag(42); w.write(m); w.write(c); w.write(text)  // level 4
        case .outcomeTellerRecorded(let m, let c, let who): w.writeTag(43); w.write(m); w.write(c); w.write(who)  // level 4
        case .referralAddedToCase(let r, let c): w.writeTag(44); w.write(r); w.write(c)  // level 4
        case .actionReported(let a, let report): w.writeTag(45); w.write(a); w.write(report)  // level 5
        case .actionReportDecided(let a, let n, let d): w.writeTag(46); w.write(a); w.write(n); w.write(d)  // level 5
        case .researchReturned(let c, let r): w.writeTag(47); w.write(c); w.write(r)  // level 5
        case .accessChanged(let a): w.writeTag(48); w.write(a)  // level 6
        case .exportFailed(let what, let cases, let reason): w.writeTag(49); w.write(what); w.write(cases); w.write(reason)  // level 6
        case .meetingOpenedToOthers(let m, let allowed): w.writeTag(50); w.write(m); w.write(allowed)  // level 7
        }
    }

    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        switch try r.readTag("event", below: r.version >= 7 ? 51 : r.version >= 6 ? 50 : 48) {
        case 0: self = .areaProfileSet(try r.read())
        case 1: self = .agencyRegistered(try r.read())
        case 2: self = .agencyUpdated(try r.read())
        case 3: self = .referralReceived(try r.read())
        case 4: self = .referralUpdated(try r.read(), try r.read())
        case 5: self = .referralRepeatLinked(try r.read(), try r.read())
        case 6: self = .referralAccepted(try r.read(), try r.read(), try r.read(), on: try r.read(), idvaService: try r.read())
        case 7: self = .referralReturned(try r.read(), missing: try r.read())
        case 8: self = .referralDeclined(try r.read(), reason: try r.read())
        case 9: self = .referralTransferredOut(try r.read(), try r.read())
        case 10: self = .caseTransferredOut(try r.read(), try r.read())
        case 11: self = .caseMoved(try r.read(), to: try r.read())
        case 12: self = .meetingScheduled(try r.read())
        case 13: self = .meetingChanged(try r.read(), date: try r.read(), startTime: try r.read(), venue: try r.read(), chair: try r.read())
        case 14: self = .meetingCancelled(try r.read(), reason: try r.read())
        case 15: self = .caseListFrozen(try r.read())
        case 16: self = .researchReturnRecorded(try r.read(), try r.read(), receivedOn: try r.read())
        case 17: self = .agendaReordered(try r.read(), try r.read())
        case 18: self = .otherBusinessAdded(try r.read(), try r.read())
        case 19: self = .meetingStarted(try r.read())
        case 20: self = .attendanceRecorded(try r.read(), try r.read(), try r.read())
        case 21: self = .observerRecorded(try r.read(), try r.read())
        case 22: self = .statementRead(try r.read())
        case 23: self = .caseDiscussionStarted(try r.read(), try r.read())
        case 24: self = .informationShared(try r.read(), try r.read(), try r.read(), try r.read())
        case 25: self = .riskIdentified(try r.read(), try r.read(), try r.read())
        case 26: self = .caseDiscussionEnded(try r.read(), try r.read())
        case 27: self = .meetingEnded(try r.read())
        case 28: self = .minutesSignedOff(try r.read())
        case 29: self = .actionAgreed(try r.read())
        case 30: self = .actionStatusChanged(try r.read(), try r.read(), note: try r.read(), on: try r.read())
        case 31: self = .actionChanged(try r.read(), owner: try r.read(), description: try r.read(), due: try r.read())
        case 32: self = .recordedInError(try r.read(), reason: try r.read())
        case 33: self = .caseViewed(try r.read())
        case 34: self = .exported(what: try r.read(), cases: try r.read())
        case 35: self = .casePurged(try r.read(), on: try r.read())
        case 36: self = .acceptanceWithdrawn(try r.read(), try r.read(), reason: try r.read())
        case 37: self = .triageReopened(try r.read(), reason: try r.read())
        case 38: self = .caseListUnfrozen(try r.read())
        case 39: self = .meetingStartWithdrawn(try r.read())
        case 40: self = .actionNoted(try r.read(), note: try r.read(), on: try r.read())
        case 41: self = .minutesAddendumAdded(try r.read(), try r.read())
        case 42: self = .crimeDisclosed(try r.read(), try r.read(), try r.read())
        case 43: self = .outcomeTellerRecorded(try r.read(), try r.read(), try r.read())
        case 44: self = .referralAddedToCase(try r.read(), try r.read())
        case 45: self = .actionReported(try r.read(), try r.read())
        case 46: self = .actionReportDecided(try r.read(), try r.read(), try r.read())
        case 47: self = .researchReturned(try r.read(), try r.read())
        case 48: self = .accessChanged(try r.read())
        case 49: self = .exportFailed(what: try r.read(), cases: try r.read(), reason: try r.read())
        default: self = .meetingOpenedToOthers(try r.read(), allowed: try r.read())
        }
    }
}

extension Change: BinaryCodable {
    /// The schema version leads, so a reader can choose how to read the rest. A change is
    /// always written at the current schema, whatever it was read at.
    public func encode(to w: inout BinaryWriter) {
        w.write(Change.currentSchemaVersion); w.write(stamp); w.write(command); w.write(events)
    }

    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        let version: Int = try r.read()
        guard version >= 1 && version <= Change.currentSchemaVersion else { throw .unsupportedVersion(version) }
        // The rest is read at the level it was written at (the schema version is the codec level).
        let outer = r.version
        r.version = version
        defer { r.version = outer }
        let stamp: Stamp = try r.read()
        let command: CommandKind? = try r.read()
        self.init(stamp: stamp, command: command, events: try r.read(), schemaVersion: version)
    }

    /// The change's bytes as the log stores them.
    public func encoded() -> [UInt8] { BinaryWriter.encode(self, capacity: 512) }

    /// Reads a change from its bytes, requiring that every byte is used. Concrete (not generic
    /// over the bytes' type) so that callers in other modules get the specialised decoder.
    public static func decode(_ raw: UnsafeRawBufferPointer) throws(BinaryDecodingError) -> Change {
        var reader = BinaryReader(raw, version: Change.currentSchemaVersion)
        let change = try Change(from: &reader)
        guard reader.isAtEnd else { throw .tooLarge(what: "trailing bytes", count: reader.remaining, at: reader.offset) }
        return change
    }

    public static func decode(_ bytes: [UInt8]) throws(BinaryDecodingError) -> Change {
        try bytes.withBytes { raw throws(BinaryDecodingError) in try decode(raw) }
    }

    public static func decode(_ bytes: ArraySlice<UInt8>) throws(BinaryDecodingError) -> Change {
        try bytes.withBytes { raw throws(BinaryDecodingError) in try decode(raw) }
    }
}
