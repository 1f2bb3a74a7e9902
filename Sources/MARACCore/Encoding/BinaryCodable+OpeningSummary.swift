/// The opening summary's binary form: its own small format, versioned by ``OpeningSummary/formatVersion``
/// (a summary of another version is not read; the store is then read whole, as without one).
extension OpeningSummary: BinaryCodable {
    /// 1 since 2026-12-07.
    public static let formatVersion = 1

    public func encode(to w: inout BinaryWriter) {
        w.write(Self.formatVersion)
        w.write(madeOn)
        w.write(maracName)
        w.write(setupSteps)
        w.write(agenciesMissingDetails)
        w.write(awaitingTriage)
        w.write(possibleRepeats)
        w.write(meetingInProgress)
        w.write(comingMeetings)
        w.write(agencyNames)
        w.write(openActions)
        w.write(reportsToConfirm)
    }

    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        let at = r.offset
        let version: Int = try r.read()
        guard version == Self.formatVersion else { throw .invalidTag(type: "opening summary version", tag: version, at: at) }
        self.init(madeOn: try r.read(), maracName: try r.read(), setupSteps: try r.read(), agenciesMissingDetails: try r.read(),
                  awaitingTriage: try r.read(), possibleRepeats: try r.read(), meetingInProgress: try r.read(),
                  comingMeetings: try r.read(), agencyNames: try r.read(), openActions: try r.read(), reportsToConfirm: try r.read())
    }
}

extension OpeningSummary.ComingMeeting: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(id); w.write(date); w.write(cutoff); w.write(frozen); w.write(cases); w.write(missingResearchReturns)
    }

    public init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(id: try r.read(), date: try r.read(), cutoff: try r.read(), frozen: try r.read(), cases: try r.read(),
                  missingResearchReturns: try r.read())
    }
}

extension OpeningSummary.OpenAction: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(agency); w.write(due) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) { self.init(agency: try r.read(), due: try r.read()) }
}

extension OpeningSummary.AgencyCount: BinaryCodable {
    public func encode(to w: inout BinaryWriter) { w.write(agency); w.write(count) }
    public init(from r: inout BinaryReader) throws(BinaryDecodingError) { self.init(agency: try r.read(), count: try r.read()) }
}

extension SetupStep: BinaryCodableEnum {
    public static let codedCases = allCases
    public static let codedPositions = positions(codedCases)
}
