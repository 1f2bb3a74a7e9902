extension RiskItem: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(number); w.write(question); w.write(weight)
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(number: try r.read(), question: try r.read(), weight: try r.read())
    }
}

extension RiskBand: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(name); w.write(from) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(name: try r.read(), from: try r.read())
    }
}

extension RiskTool: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(key); w.write(name); w.write(version); w.write(items); w.write(scoring)
        w.write(threshold); w.write(bands); w.write(acceptsScoreOnly); w.write(maximumScore)
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(key: try r.read(), name: try r.read(), version: try r.read(), items: try r.read(),
                  scoring: try r.read(), threshold: try r.read(), bands: try r.read(),
                  acceptsScoreOnly: try r.read(), maximumScore: try r.read(Int.self))
    }
}

extension EscalationRule: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(incidents); w.write(months) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(incidents: try r.read(), months: try r.read())
    }
}

/// Level 1 held `everyDays, weekday`; level 2 holds the rule (tag 0: every days, start?,
/// weekday; tag 1: monthly weeks, weekday) and the time.
extension MeetingPattern: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        switch rule {
        case .every(let days, let start, let weekday): w.writeTag(0); w.write(days); w.write(start); w.write(weekday)
        case .monthly(let weeks, let weekday): w.writeTag(1); w.write(weeks); w.write(weekday)
        }
        w.write(time)
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        guard r.version >= 2 else {
            self.init(everyDays: try r.read(), weekday: try r.read())
            return
        }
        let rule: Rule
        switch try r.readTag("meeting pattern", below: 2) {
        case 0: rule = .every(days: try r.read(), start: try r.read(), weekday: try r.read())
        default: rule = .monthly(weeks: try r.read(), weekday: try r.read())
        }
        self.init(rule: rule, time: try r.read())
    }
}

extension AreaProfile: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(maracName); w.write(riskTools); w.write(defaultRiskTool); w.write(escalation)
        w.write(repeatWindowMonths); w.write(repeatAnchor); w.write(minimumAge); w.write(meetingPattern)
        w.write(targetMinutesPerCase); w.write(caseListCutoffWorkingDays); w.write(retentionMonths)
        w.write(confidentialityStatement); w.write(adultFemalePopulation); w.write(postcodePrefixes)
        // Level 2.
        w.write(bankHolidays); w.write(idvaAgency); w.write(idleLockMinutes); w.write(defaultVenue); w.write(defaultChair)
        w.write(figureRanges)  // level 8
    }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(maracName: try r.read(), riskTools: try r.read(), defaultRiskTool: try r.read(),
                  escalation: try r.read(), repeatWindowMonths: try r.read(), repeatAnchor: try r.read(),
                  minimumAge: try r.read(), meetingPattern: try r.read(), targetMinutesPerCase: try r.read(),
                  caseListCutoffWorkingDays: try r.read(), retentionMonths: try r.read(),
                  confidentialityStatement: try r.read(), adultFemalePopulation: try r.read(),
                  postcodePrefixes: try r.read())
        if r.version >= 2 {
            bankHolidays = try r.read()
            idvaAgency = try r.read()
            idleLockMinutes = try r.read()
            defaultVenue = try r.read()
            defaultChair = try r.read()
        }
        if r.version >= 8 { figureRanges = try r.read() }
    }
}

extension ExpectedRange: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(low); w.write(high) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(low: try r.read(), high: try r.read())
    }
}

extension FigureRangeSetting: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(key); w.write(range) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(key: try r.read(), range: try r.read())
    }
}
