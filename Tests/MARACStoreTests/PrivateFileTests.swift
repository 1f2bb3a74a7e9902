import Foundation
import Testing
@testable import MARACStore
import TestSupport

/// Exports are written the way the store writes its own files: whole, owner-only, and named
/// only once recorded.
@Suite struct PrivateFileTests {
    struct NotRecorded: Error {}

    @Test func aFileIsOwnerOnlyAndNamedAfterItsBytesAreOnTheDisk() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let path = folder.file("minutes.md")
        var seenBeforeNaming: [String] = []
        try PrivateFile.write("Zoë Łódź\n", to: path) { seenBeforeNaming = folder.names() }
        #expect(seenBeforeNaming.count == 1 && seenBeforeNaming[0].hasPrefix(".minutes.md."), "only a hidden temporary file before naming")
        #expect(folder.names() == ["minutes.md"])
        #expect(String(decoding: folder.bytes("minutes.md"), as: UTF8.self) == "Zoë Łódź\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func whenRecordingFailsNothingIsLeftBehind() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        #expect(throws: NotRecorded.self) { try PrivateFile.write("personal data", to: folder.file("list.csv")) { throw NotRecorded() } }
        #expect(folder.names().isEmpty)
    }
}
