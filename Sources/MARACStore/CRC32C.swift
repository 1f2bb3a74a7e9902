import CStoreSupport

/// CRC32C over bytes, as LevelDB and ext4 use it: strong enough to catch torn and flipped bytes,
/// and fast enough to check a whole snapshot on every open.
enum CRC32C {
    static func checksum(_ bytes: UnsafeRawBufferPointer, extending crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return crc }
        return marac_crc32c_extend(crc, base, bytes.count)
    }

    static func checksum(_ bytes: [UInt8], extending crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0, extending: crc) }
    }

    static func checksum(_ bytes: ArraySlice<UInt8>, extending crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0, extending: crc) }
    }

    static var isHardwareAccelerated: Bool { marac_crc32c_is_hardware() != 0 }
}
