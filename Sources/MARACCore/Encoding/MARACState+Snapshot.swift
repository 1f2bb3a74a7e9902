import Dispatch

/// The state's own binary form, for snapshots: the folded records, not the events, so opening
/// a store costs one pass over its records however long its history.
///
/// Layout: format version; the number of sections and the byte length of each; then the
/// sections (profile and agencies, referrals, cases, meetings, actions, audit entries, the
/// change journal, the last stamp). Knowing where each section starts lets them be decoded on
/// several cores at once.
extension MARACState {
    /// The codec level plus one: 9 (level 8: the area's expected ranges for the return's
    /// figures) since 2026-12-07; 8 (level 7: a meeting opened to other screens) since
    /// 2026-12-06; 7 (level 6: access changes in the audit trail) since 2026-12-06; 6 (level 5: agencies' reports on actions, research returns with findings)
    /// since 2026-12-04; 2 to 6 (levels 1 to 5) are still read.
    public static let snapshotFormatVersion = 9

    public func snapshotBytes() -> [UInt8] {
        var sections: [[UInt8]] = []
        func section(_ capacity: Int, _ body: (inout BinaryWriter) -> Void) {
            var w = BinaryWriter(capacity: capacity)
            body(&w)
            sections.append(w.bytes)
        }
        section(4096) { w in
            w.write(profile)
            w.write(agencies)
        }
        section(referrals.count * 1200 + 16) { $0.write(referrals) }
        section(cases.count * 40 + 16) { $0.write(cases) }
        section(meetings.count * 2000 + 16) { $0.write(meetings) }
        section(actions.count * 150 + 16) { $0.write(actions) }
        section(audit.count * 30 + 16) { $0.write(audit) }
        section(journal.count * 10 + 64) { $0.write(journal) }
        section(64) { $0.write(lastStamp) }
        var w = BinaryWriter(capacity: sections.reduce(64) { $0 + $1.count })
        w.write(Self.snapshotFormatVersion)
        w.writeVarint(UInt64(sections.count))
        for s in sections { w.writeVarint(UInt64(s.count)) }
        for s in sections { w.writeBytes(s) }
        return w.bytes
    }

    public init(snapshot bytes: [UInt8]) throws(BinaryDecodingError) {
        self = try bytes.withBytes { raw throws(BinaryDecodingError) in try Self.decodeSections(raw) }
    }

    /// From bytes the caller keeps alive for the call (a mapped file, say).
    public init(snapshot raw: UnsafeRawBufferPointer) throws(BinaryDecodingError) {
        self = try Self.decodeSections(raw)
    }

    private static func decodeSections(_ raw: UnsafeRawBufferPointer) throws(BinaryDecodingError) -> MARACState {
        var r = BinaryReader(raw, version: 0)
        let payloadVersion: Int = try r.read()
        guard (2...snapshotFormatVersion).contains(payloadVersion) else { throw .unsupportedVersion(payloadVersion) }
        // The records are read at the codec level the payload was written at.
        let version = payloadVersion - 1
        let count = try r.readCount("section count")
        guard count == 8 else { throw .invalidTag(type: "snapshot section count", tag: count, at: r.offset) }
        var ranges: [Range<Int>] = []
        var lengths: [Int] = []
        for _ in 0..<count { lengths.append(try r.readCount("section length")) }
        var start = r.offset
        for length in lengths {
            guard length <= raw.count - start else { throw .tooLarge(what: "section", count: length, at: start) }
            ranges.append(start..<start + length)
            start += length
        }
        guard start == raw.count else { throw .tooLarge(what: "trailing bytes", count: raw.count - start, at: start) }

        func decode<T: BinaryCodable>(_ section: Int, _ type: T.Type) throws(BinaryDecodingError) -> T {
            var reader = BinaryReader(raw, version: version, offset: ranges[section].lowerBound)
            let value = try T(from: &reader)
            guard reader.offset == ranges[section].upperBound else {
                throw .tooLarge(what: "unread bytes in section \(section)", count: ranges[section].upperBound - reader.offset, at: reader.offset)
            }
            return value
        }
        // The big lists get room to grow, so replaying the log after them does not move every
        // record to a larger buffer on its first append.
        func decodeList<T: BinaryCodable>(_ section: Int, _ type: T.Type) throws(BinaryDecodingError) -> [T] {
            var reader = BinaryReader(raw, version: version, offset: ranges[section].lowerBound)
            var counter = reader
            let n = (try? counter.readCount("list length")) ?? 0
            let value = try reader.readArray(T.self, headroom: n / 8 + 64)
            guard reader.offset == ranges[section].upperBound else {
                throw .tooLarge(what: "unread bytes in section \(section)", count: ranges[section].upperBound - reader.offset, at: reader.offset)
            }
            return value
        }

        // Referrals are about half of the work: they go to another core while this one
        // decodes the rest.
        nonisolated(unsafe) let shared = raw
        let referralRange = ranges[1]
        let referralsBox = DecodedBox<[Referral]>()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            var reader = BinaryReader(shared, version: version, offset: referralRange.lowerBound)
            do throws(BinaryDecodingError) {
                var counter = reader
                let n = (try? counter.readCount("list length")) ?? 0
                let value = try reader.readArray(Referral.self, headroom: n / 8 + 64)
                referralsBox.result = reader.offset == referralRange.upperBound ? .success(value)
                    : .failure(.tooLarge(what: "unread bytes in the referrals", count: referralRange.upperBound - reader.offset, at: reader.offset))
            } catch {
                referralsBox.result = .failure(error)
            }
            group.leave()
        }
        let head: ProfileAndAgencies
        let cases: [Case], meetings: [Meeting], actions: [Action], audit: [AuditEntry], journal: ChangeJournal
        let lastStamp: Stamp?
        do throws(BinaryDecodingError) {
            head = try decode(0, ProfileAndAgencies.self)
            cases = try decodeList(2, Case.self)
            meetings = try decodeList(3, Meeting.self)
            actions = try decodeList(4, Action.self)
            audit = try decode(5, [AuditEntry].self)
            journal = try decode(6, ChangeJournal.self)
            lastStamp = try decode(7, Stamp?.self)
        } catch {
            group.wait()
            throw error
        }
        group.wait()
        let referrals = try referralsBox.result!.get()
        return MARACState(profile: head.profile, agencies: head.agencies, referrals: referrals, cases: cases,
                          meetings: meetings, actions: actions, audit: audit, journal: journal, lastStamp: lastStamp)
    }
}

private struct ProfileAndAgencies: BinaryCodable {
    var profile: AreaProfile
    var agencies: [Agency]

    func encode(to w: inout BinaryWriter) {
        w.write(profile)
        w.write(agencies)
    }

    init(from r: inout BinaryReader) throws(BinaryDecodingError) {
        profile = try r.read()
        agencies = try r.read()
    }
}

private final class DecodedBox<T>: @unchecked Sendable {
    var result: Result<T, BinaryDecodingError>?
}
