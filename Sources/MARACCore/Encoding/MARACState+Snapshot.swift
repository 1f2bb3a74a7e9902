/// The state's own binary form, for snapshots: the folded records, not the events, so opening
/// a store costs one pass over its records however long its history.
///
/// Sections are written one after another (profile, agencies, referrals, cases, meetings,
/// actions, audit, last stamp), each list led by its count.
extension MARACState {
    public static let snapshotFormatVersion = 1

    public func snapshotBytes() -> [UInt8] {
        var w = BinaryWriter(capacity: 4096 + referrals.count * 1200 + actions.count * 150)
        w.write(Self.snapshotFormatVersion)
        w.write(profile)
        w.write(agencies)
        w.write(referrals)
        w.write(cases)
        w.write(meetings)
        w.write(actions)
        w.write(audit)
        w.write(journal)
        w.write(lastStamp)
        return w.bytes
    }

    public init(snapshot bytes: some LendableBytes & Sendable) throws(BinaryDecodingError) {
        let result: Result<MARACState, BinaryDecodingError> = bytes.withUnsafeBytes { raw in
            do throws(BinaryDecodingError) {
                var probe = BinaryReader(raw, version: 0)
                let version: Int = try probe.read()
                guard version >= 1 && version <= Self.snapshotFormatVersion else { throw .unsupportedVersion(version) }
                var r = BinaryReader(raw, version: version, offset: probe.offset)
                let state = MARACState(profile: try r.read(), agencies: try r.read(), referrals: try r.read(),
                                       cases: try r.read(), meetings: try r.read(), actions: try r.read(),
                                       audit: try r.read(), journal: try r.read(), lastStamp: try r.read())
                guard r.isAtEnd else {
                    throw .tooLarge(what: "trailing bytes", count: r.remaining, at: r.offset)
                }
                return .success(state)
            } catch {
                return .failure(error)
            }
        }
        self = try result.get()
    }
}
