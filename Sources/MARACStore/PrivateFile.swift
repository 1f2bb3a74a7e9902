#if canImport(Glibc)
import Glibc
#endif

/// A file readable by its owner only, written whole or not at all: the same atomic replace the
/// store uses for its own files (a temporary file beside it, flushed, renamed, the folder
/// flushed), for the exports that take personal data out of the store.
public enum PrivateFile {
    /// Writes `text` to `path`, running `beforeNaming` between the flush and the rename: an
    /// export is recorded in the audit trail there, so a file exists under its name only if
    /// its export was recorded.
    ///
    /// - Parameters:
    ///   - text: what the file holds.
    ///   - path: where it goes; its folder must exist.
    ///   - beforeNaming: runs once the bytes are on the disk; if it throws, the temporary file
    ///     is removed and nothing is named.
    /// - Throws: a ``StoreError`` naming the file when the disk refuses, or what `beforeNaming`
    ///   throws.
    public static func write(_ text: String, to path: String, beforeNaming: () throws -> Void = {}) throws {
        let disk = SystemDisk.shared
        let folder = FileSystem.directory(of: path)
        let name = String(path.dropFirst(folder.count)).drop { $0 == "/" }
        let temporary = try FileSystem.writeTemporary(Array(text.utf8), beside: path, named: "\(folder)/.\(name).\(getpid()).partial",
                                                      on: disk)
        do {
            try beforeNaming()
        } catch {
            FileSystem.remove(temporary, on: disk)
            throw error
        }
        try FileSystem.name(temporary, path, on: disk)
    }
}
