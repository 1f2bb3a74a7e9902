import Foundation
import MARACCore
@testable import MARACStore
import TestSupport

/// The committed store of Tests/Fixtures/made-2026-11-28 and bytes taken from it, read the way
/// an independent reader would: framing, seal and encoding each checked against what earlier
/// code wrote.
enum FixtureBytes {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Fixtures/made-2026-11-28"
    }()
    static var store: String { folder + "/store" }
    static let viewer = Credentials(user: "viewer", passphrase: "demo")

    static func file(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: folder + "/" + path) ?? Data()) }

    /// A `.hex` file: hexadecimal digits, any white space between them ignored.
    static func hex(_ name: String) -> [UInt8] {
        let digits = Array(String(decoding: file("bytes/" + name), as: UTF8.self).unicodeScalars.filter { !$0.properties.isWhitespace })
        return stride(from: 0, to: digits.count - 1, by: 2).compactMap { UInt8(String(digits[$0]) + String(digits[$0 + 1]), radix: 16) }
    }

    static func hexText(_ bytes: [UInt8]) -> String {
        stride(from: 0, to: bytes.count, by: 32).map { i in
            bytes[i..<min(bytes.count, i + 32)].map { String(format: "%02x", $0) }.joined()
        }.joined(separator: "\n") + "\n"
    }

    /// The snapshot's payload split into its sections, by the section table at its start.
    static func sections(of payload: [UInt8]) throws -> (version: Int, sections: [[UInt8]]) {
        try payload.withUnsafeBytes { raw in
            var r = BinaryReader(raw, version: 0)
            let version: Int = try r.read()
            let count = try r.readCount("sections")
            var lengths: [Int] = []
            for _ in 0..<count { lengths.append(try r.readCount("length")) }
            var start = r.offset
            var out: [[UInt8]] = []
            for length in lengths {
                out.append(Array(payload[start..<start + length]))
                start += length
            }
            return (version, out)
        }
    }
}
