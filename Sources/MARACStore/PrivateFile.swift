#if canImport(Glibc)
import Glibc
#endif
import CStoreSupport

/// A file readable by its owner only, written whole or not at all, for the exports that take
/// personal data out of the store. Nothing already at the path is written through or replaced
/// unless asked: the bytes go into a new file with a random name in the target folder (created
/// with O_EXCL, so a link or file planted there is refused, never followed), flushed, then
/// renamed into place; without `replacing` the rename refuses an existing name, and nothing
/// but a regular file is ever replaced (not a link, a folder or a device).
public enum PrivateFile {
    /// Writes `text` to `path`.
    ///
    /// - Parameters:
    ///   - text: what the file holds.
    ///   - path: where it goes; its folder must exist.
    ///   - replacing: true to replace a regular file already there (`--force`).
    /// - Throws: ``StoreError/refused(_:)`` naming what is at the path when it is not a new name
    ///   (or, with `replacing`, a regular file); a ``StoreError/io(operation:path:errno:)``
    ///   naming the file when the disk refuses. Nothing is left behind either way.
    public static func write(_ text: String, to path: String, replacing: Bool = false) throws(StoreError) {
        try write(bytes: Array(text.utf8), to: path, replacing: replacing)
    }

    /// The same for bytes that are not text (a PDF).
    public static func write(bytes: [UInt8], to path: String, replacing: Bool = false) throws(StoreError) {
        try checkTarget(path, replacing: replacing)
        let folder = FileSystem.directory(of: path)
        let name = String(path.dropFirst(folder.count)).drop { $0 == "/" }
        var template = Array("\(folder)/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .io(operation: "create a file in", path: folder, errno: errno) }
        let temporary = String(cString: template)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fchmod(fd, 0o600)
        var isOpen = true
        do throws(StoreError) {
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw .io(operation: "write to", path: temporary, errno: n == 0 ? ENOSPC : errno) }
                offset += n
            }
            guard fsync(fd) == 0 else { throw .io(operation: "flush", path: temporary, errno: errno) }
            Glibc.close(fd)
            isOpen = false
            if replacing {
                // Looked at again just before: only a regular file is ever replaced.
                try checkTarget(path, replacing: true)
                guard rename(temporary, path) == 0 else { throw .io(operation: "rename \(temporary) to", path: path, errno: errno) }
            } else if marac_rename_noreplace(temporary, path) != 0 {
                if errno == EEXIST { throw .refused(exists(path)) }
                throw .io(operation: "rename \(temporary) to", path: path, errno: errno)
            }
        } catch {
            if isOpen { Glibc.close(fd) }
            unlink(temporary)
            throw error
        }
        try FileSystem.syncDirectory(folder, on: SystemDisk.shared)
    }

    /// Removes an export just written whose recording failed, so that no file outlives a
    /// missing line in the audit trail.
    public static func withdraw(_ path: String) {
        unlink(path)
    }

    /// Refuses a path that names anything but nothing, or (when replacing) a regular file.
    static func checkTarget(_ path: String, replacing: Bool) throws(StoreError) {
        let folder = FileSystem.directory(of: path)
        guard FileSystem.isDirectory(folder) else {
            throw .refused("cannot write \(path): the folder \(folder) does not exist")
        }
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { return }
            throw .io(operation: "examine", path: path, errno: errno)
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            if !replacing { throw .refused(exists(path)) }
        case S_IFLNK:
            throw .refused("\(path) is a symbolic link; marac does not write exports through links. Give the path of a new file")
        case S_IFDIR:
            throw .refused("\(path) is a folder; give the name of a file to write, such as \(path)/minutes.md")
        default:
            throw .refused("\(path) is a device or other special file, not a regular file; marac writes exports only to files")
        }
    }

    static func exists(_ path: String) -> String {
        "\(path) already exists; choose another name, or add --force to replace it"
    }
}
