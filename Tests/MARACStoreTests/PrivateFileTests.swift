import Foundation
import Testing
@testable import MARACStore
import TestSupport

/// Exports leave the store as new files readable by their owner only: never written through a
/// link planted where a temporary file would go, never over what is already at the path unless
/// asked, and never over anything but a regular file.
@Suite struct PrivateFileTests {
    @Test func aNewFileIsOwnerOnlyWholeAndNothingElseIsLeftInTheFolder() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let path = folder.file("minutes.md")
        try PrivateFile.write("Zoë Łódź\n", to: path)
        #expect(folder.names() == ["minutes.md"], "the temporary file was renamed, not left beside it")
        #expect(String(decoding: folder.bytes("minutes.md"), as: UTF8.self) == "Zoë Łódź\n")
        var st = stat()
        stat(path, &st)
        #expect(st.st_mode & 0o777 == 0o600)
    }

    /// M1: a link planted at the name an older marac used for its temporary file
    /// (`.NAME.PID.partial`) is left alone: the temporary name is random and created new.
    @Test func aLinkPlantedWhereATemporaryFileMightGoIsNotFollowed() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let target = folder.root + "/elsewhere.txt"
        FileManager.default.createFile(atPath: target, contents: Data("untouched".utf8))
        for name in [".minutes.md.\(getpid()).partial", ".minutes.md.tmp", ".minutes.md.XXXXXX"] {
            #expect(symlink(target, folder.file(name)) == 0)
        }
        try PrivateFile.write("personal data\n", to: folder.file("minutes.md"))
        #expect(String(decoding: FileManager.default.contents(atPath: target) ?? Data(), as: UTF8.self) == "untouched")
        #expect(String(decoding: folder.bytes("minutes.md"), as: UTF8.self) == "personal data\n")
    }

    /// M2: what is at the path already is refused by name; `replacing` replaces only a regular file.
    @Test func anExistingFileIsReplacedOnlyWhenAskedAndOnlyIfItIsARegularFile() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let path = folder.file("list.csv")
        folder.write("list.csv", Array("earlier\n".utf8))
        #expect(throws: StoreError.refused("\(path) already exists; choose another name, or add --force to replace it")) {
            try PrivateFile.write("new\n", to: path)
        }
        #expect(folder.bytes("list.csv") == Array("earlier\n".utf8))
        try PrivateFile.write("new\n", to: path, replacing: true)
        #expect(folder.bytes("list.csv") == Array("new\n".utf8))

        let target = folder.root + "/target.txt"
        FileManager.default.createFile(atPath: target, contents: Data("untouched".utf8))
        #expect(symlink(target, folder.file("link.csv")) == 0)
        for replacing in [false, true] {
            #expect {
                try PrivateFile.write("x", to: folder.file("link.csv"), replacing: replacing)
            } throws: { ($0 as? StoreError)?.message.contains("is a symbolic link") == true }
        }
        #expect(String(decoding: FileManager.default.contents(atPath: target) ?? Data(), as: UTF8.self) == "untouched")

        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        #expect {
            try PrivateFile.write("x", to: folder.file("out"), replacing: true)
        } throws: { ($0 as? StoreError)?.message.contains("is a folder") == true }
        #expect {
            try PrivateFile.write("x", to: "/dev/null", replacing: true)
        } throws: { ($0 as? StoreError)?.message.contains("not a regular file") == true }
        #expect(FileManager.default.fileExists(atPath: "/dev/null"))
        #expect(folder.names().sorted() == ["link.csv", "list.csv", "out"], "no temporary file is left after a refusal")
    }

    @Test func aFolderThatDoesNotExistIsNamed() {
        let folder = TemporaryFolder()
        #expect(throws: StoreError.refused("cannot write \(folder.path)/no/minutes.md: the folder \(folder.path)/no does not exist")) {
            try PrivateFile.write("x", to: folder.path + "/no/minutes.md")
        }
    }
}
