extension Attendance: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        switch self {
        case .present(let rep): w.writeTag(0); w.write(rep)
        case .apologies(let sent, let from, let on): w.writeTag(1); w.write(sent); w.write(from); w.write(on)  // level 4: from, on
        case .absent: w.writeTag(2)
        }
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        switch try r.readTag("attendance", below: 3) {
        case 0: self = .present(representative: try r.read())
        case 1:
            let sent: Bool = try r.read()
            self = r.version >= 4 ? .apologies(informationSent: sent, from: try r.read(), informationReceivedOn: try r.read())
                : .apologies(informationSent: sent)
        default: self = .absent
        }
    }
}

extension AgencyAttendance: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(agency); w.write(attendance); w.write(inError) }  // level 3: inError
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(agency: try r.read(), attendance: try r.read(), inError: r.version >= 3 ? try r.read() : nil)
    }
}

extension Observer: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(name); w.write(organisation); w.write(confidentialitySigned)
        w.write(inError)  // level 3
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(name: try r.read(), organisation: try r.read(), confidentialitySigned: try r.read(),
                  inError: r.version >= 3 ? try r.read() : nil)
    }
}

extension NoteLine: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(text); w.write(stamp); w.write(inError) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(text: try r.read(), stamp: try r.read(), inError: try r.read())
    }
}

extension SharedInformation: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(agency); w.write(line) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(agency: try r.read(), line: try r.read())
    }
}

extension CaseDiscussion: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(caseID); w.write(startedAt); w.write(endedAt); w.write(information); w.write(risks)
        w.write(crimesDisclosed); w.write(outcomeToldBy)  // level 4
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(caseID: try r.read(), startedAt: try r.read(), endedAt: try r.read(), information: try r.read(),
                  risks: try r.read(), crimesDisclosed: r.version >= 4 ? try r.read() : [], outcomeToldBy: r.version >= 4 ? try r.read() : "")
    }
}

extension Meeting: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(id); w.write(date); w.write(startTime); w.write(venue); w.write(chair); w.write(status)
        w.write(cancelledReason); w.write(caseListFrozenAt); w.write(listedCases); w.write(caseOrder)
        w.write(otherBusiness); w.write(attendance); w.write(observers); w.write(statementReadAt)
        w.write(startedAt); w.write(endedAt); w.write(discussions); w.write(currentCase); w.write(minutesSignedOff)
        w.write(addenda)  // level 2
        w.write(othersMayAdd)  // level 7
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(id: try r.read(), date: try r.read(), startTime: try r.read(), venue: try r.read(), chair: try r.read())
        status = try r.read()
        cancelledReason = try r.read()
        caseListFrozenAt = try r.read()
        listedCases = try r.read()
        caseOrder = try r.read()
        otherBusiness = try r.read()
        attendance = try r.read()
        observers = try r.read()
        statementReadAt = try r.read()
        startedAt = try r.read()
        endedAt = try r.read()
        discussions = try r.read()
        currentCase = try r.read()
        minutesSignedOff = try r.read()
        if r.version >= 2 { addenda = try r.read() }
        if r.version >= 7 { othersMayAdd = try r.read() }
    }
}

extension ActionStatusChange: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(status); w.write(note); w.write(on); w.write(stamp)
        w.write(inError)  // level 3
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(status: try r.read(), note: try r.read(), on: try r.read(), stamp: try r.read(),
                  inError: r.version >= 3 ? try r.read() : nil)
    }
}

extension Action: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(id); w.write(caseID); w.write(meeting); w.write(agency); w.write(owner); w.write(description)
        w.write(due); w.write(agreed); w.write(status); w.write(history); w.write(inError)
        w.write(reports)  // level 5
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(id: try r.read(), caseID: try r.read(), meeting: try r.read(), agency: try r.read(),
                  owner: try r.read(), description: try r.read(), due: try r.read(), agreed: try r.read())
        status = try r.read()
        history = try r.read()
        inError = try r.read()
        if r.version >= 5 { reports = try r.read() }
    }
}

extension AgencyReport: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(status); w.write(note); w.write(on); w.write(agency); w.write(source); w.write(stamp); w.write(decision)
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(status: try r.read(), note: try r.read(), on: try r.read(), agency: try r.read(), source: try r.read(),
                  stamp: try r.read(), decision: try r.read())
    }
}

extension ReportDecision: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        switch self {
        case .pending: w.writeTag(0)
        case .confirmed(let s, let before): w.writeTag(1); w.write(s); w.write(before)
        case .rejected(let s, let reason): w.writeTag(2); w.write(s); w.write(reason)
        }
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        switch try r.readTag("report decision", below: 3) {
        case 0: self = .pending
        case 1: self = .confirmed(try r.read(), statusBefore: try r.read())
        default: self = .rejected(try r.read(), reason: try r.read())
        }
    }
}

extension AuditEntry.Kind: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        switch self {
        case .caseViewed(let c): w.writeTag(0); w.write(c)
        case .exported(let what, let cases): w.writeTag(1); w.write(what); w.write(cases)
        case .purged(let c): w.writeTag(2); w.write(c)
        case .access(let a): w.writeTag(3); w.write(a)  // level 6
        case .exportFailed(let what, let cases, let reason): w.writeTag(4); w.write(what); w.write(cases); w.write(reason)  // level 6
        }
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        switch try r.readTag("audit entry", below: r.version >= 6 ? 5 : 3) {
        case 0: self = .caseViewed(try r.read())
        case 1: self = .exported(what: try r.read(), cases: try r.read())
        case 2: self = .purged(try r.read())
        case 3: self = .access(try r.read())
        default: self = .exportFailed(what: try r.read(), cases: try r.read(), reason: try r.read())
        }
    }
}

extension AccessChange.Kind: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}

extension AccessChange: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(kind); w.write(user); w.write(role); w.write(previousRole) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(kind: try r.read(), user: try r.read(), role: try r.read(), previousRole: try r.read())
    }
}

extension AuditEntry: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(kind); w.write(stamp) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(kind: try r.read(), stamp: try r.read())
    }
}

extension RecordReference: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        switch self {
        case .referral(let id): w.writeTag(0); w.write(id)
        case .action(let id): w.writeTag(1); w.write(id)
        case .risk(let m, let c, let i): w.writeTag(2); w.write(m); w.write(c); w.write(i)
        case .information(let m, let c, let i): w.writeTag(3); w.write(m); w.write(c); w.write(i)
        case .otherBusiness(let m, let i): w.writeTag(4); w.write(m); w.write(i)
        case .attendance(let m, let a): w.writeTag(5); w.write(m); w.write(a)
        case .observer(let m, let i): w.writeTag(6); w.write(m); w.write(i)
        case .actionNote(let a, let i): w.writeTag(7); w.write(a); w.write(i)
        case .crime(let m, let c, let i): w.writeTag(8); w.write(m); w.write(c); w.write(i)  // level 4
        }
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        switch try r.readTag("record reference", below: 9) {
        case 0: self = .referral(try r.read())
        case 1: self = .action(try r.read())
        case 2: self = .risk(try r.read(), try r.read(), index: try r.read())
        case 3: self = .information(try r.read(), try r.read(), index: try r.read())
        case 4: self = .otherBusiness(try r.read(), index: try r.read())
        case 5: self = .attendance(try r.read(), try r.read())
        case 6: self = .observer(try r.read(), index: try r.read())
        case 7: self = .actionNote(try r.read(), index: try r.read())
        default: self = .crime(try r.read(), try r.read(), index: try r.read())
        }
    }
}
