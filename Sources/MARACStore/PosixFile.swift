#if canImport(Glibc)
import Glibc
#endif

/// A file descriptor with the few calls the store needs, each turned into a ``StoreError`` that
/// names the file. Nothing here buffers: a write has reached the kernel when it returns, and
/// `sync` has reached the disk. Every call that changes the file goes through its ``Disk``.
final class PosixFile {
    let path: String
    private(set) var fd: Int32
    let disk: Disk

    private init(path: String, fd: Int32, disk: Disk) {
        self.path = path
        self.fd = fd
        self.disk = disk
    }

    deinit { if fd >= 0 { _ = Glibc.close(fd) } }

    /// How a file is opened to be changed.
    enum Mode {
        case readWrite
        /// Create a new file (refuse an existing one), mode 0600.
        case create
        /// Create or open for appending.
        case append
    }

    /// Opens a file to read it (nothing it does changes the file).
    static func openForReading(_ path: String) throws(StoreError) -> PosixFile {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(operation: "open", path: path, errno: errno) }
        return PosixFile(path: path, fd: fd, disk: SystemDisk.shared)
    }

    /// Opens a file to change it, through `disk`.
    static func open(_ path: String, _ mode: Mode, on disk: Disk) throws(StoreError) -> PosixFile {
        let flags: Int32
        switch mode {
        case .readWrite: flags = O_RDWR | O_CLOEXEC
        case .create: flags = O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC
        case .append: flags = O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC
        }
        // 0600, or 0660 in a store shared with a group (StoreSharing).
        let fileMode = mode == .readWrite ? 0o600 : StoreSharing.fileMode(inFolder: FileSystem.directory(of: path))
        let fd = disk.open(path, flags: flags, mode: fileMode)
        guard fd >= 0 else { throw .io(operation: "open", path: path, errno: errno) }
        let file = PosixFile(path: path, fd: fd, disk: disk)
        if mode == .create || mode == .append {
            // The process umask could change the mode asked for, either way: set it outright.
            _ = fchmod(fd, fileMode)
        }
        return file
    }

    /// A folder, to flush its entries (a rename) through `disk`.
    static func openDirectory(_ path: String, on disk: Disk) throws(StoreError) -> PosixFile {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(operation: "open folder", path: path, errno: errno) }
        return PosixFile(path: path, fd: fd, disk: disk)
    }

    func close() {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }

    var size: Int {
        get throws(StoreError) {
            var st = stat()
            guard fstat(fd, &st) == 0 else { throw .io(operation: "examine", path: path, errno: errno) }
            return Int(st.st_size)
        }
    }

    /// The inode, to notice when another process has replaced the file by rename.
    var identity: (device: UInt64, inode: UInt64) {
        get throws(StoreError) {
            var st = stat()
            guard fstat(fd, &st) == 0 else { throw .io(operation: "examine", path: path, errno: errno) }
            return (UInt64(st.st_dev), UInt64(st.st_ino))
        }
    }

    /// Writes every byte or throws; a short write (a full disk) is an error, not a retry loop
    /// that could interleave with a later attempt.
    func writeAll(_ bytes: UnsafeRawBufferPointer) throws(StoreError) {
        var offset = 0
        while offset < bytes.count {
            let n = disk.write(fd, UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "write to", path: path, errno: errno)
            }
            if n == 0 { throw .io(operation: "write to", path: path, errno: ENOSPC) }
            offset += n
        }
    }

    func writeAll(_ bytes: [UInt8]) throws(StoreError) {
        try bytes.withBytes { raw throws(StoreError) in try writeAll(raw) }
    }

    func read(at offset: Int, count: Int) throws(StoreError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        let failure: Int32? = out.withUnsafeMutableBytes { raw in
            while done < count {
                let n = pread(fd, raw.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { break }
                done += n
            }
            return nil
        }
        if let failure { throw .io(operation: "read", path: path, errno: failure) }
        if done < count { out.removeLast(count - done) }
        return out
    }

    func readAll() throws(StoreError) -> [UInt8] { try read(at: 0, count: try size) }

    /// The whole file mapped read-only into memory: no copy, and pages come from the page cache
    /// as they are touched.
    func map() throws(StoreError) -> MappedFile {
        let length = try size
        guard length > 0 else { return MappedFile(base: nil, length: 0) }
        guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw .io(operation: "map", path: path, errno: errno)
        }
        _ = madvise(base, length, MADV_SEQUENTIAL)
        return MappedFile(base: base, length: length)
    }

    /// Data and the size that reaches it, on the disk (not the metadata timestamps).
    func syncData() throws(StoreError) {
        guard disk.fdatasync(fd) == 0 else { throw .io(operation: "flush", path: path, errno: errno) }
    }

    func sync() throws(StoreError) {
        guard disk.fsync(fd) == 0 else { throw .io(operation: "flush", path: path, errno: errno) }
    }

    func truncate(to length: Int) throws(StoreError) {
        guard disk.ftruncate(fd, length) == 0 else { throw .io(operation: "truncate", path: path, errno: errno) }
    }

    /// Takes the advisory lock without waiting: true when this process now holds it.
    func tryLockExclusive() throws(StoreError) -> Bool {
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
        if errno == EWOULDBLOCK || errno == EAGAIN { return false }
        throw .io(operation: "lock", path: path, errno: errno)
    }

    func unlock() { _ = flock(fd, LOCK_UN) }
}

/// A file mapped into memory; unmapped when released.
final class MappedFile: @unchecked Sendable {
    private let base: UnsafeMutableRawPointer?
    let length: Int

    init(base: UnsafeMutableRawPointer?, length: Int) {
        self.base = base
        self.length = length
    }

    deinit { if let base { munmap(base, length) } }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: length) }
}

enum FileSystem {
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates the folder (and its parents) with mode 0700, or tightens an empty existing one.
    static func makePrivateDirectory(_ path: String, on disk: Disk) throws(StoreError) {
        if isDirectory(path) {
            _ = chmod(path, 0o700)
            return
        }
        let parent = (path as String).split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !parent.isEmpty && !exists(parent) { try makePrivateDirectory(parent, on: disk) }
        guard disk.mkdir(path, mode: 0o700) == 0 || errno == EEXIST else { throw .io(operation: "create folder", path: path, errno: errno) }
        _ = chmod(path, 0o700)
    }

    static func rename(_ from: String, _ to: String, on disk: Disk) throws(StoreError) {
        guard disk.rename(from, to) == 0 else { throw .io(operation: "rename \(from) to", path: to, errno: errno) }
    }

    static func remove(_ path: String, on disk: Disk) {
        _ = disk.unlink(path)
    }

    static func syncDirectory(_ path: String, on disk: Disk) throws(StoreError) {
        let dir = try PosixFile.openDirectory(path, on: disk)
        try dir.sync()
        dir.close()
    }

    static func list(_ path: String) -> [String] {
        guard let d = opendir(path) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Writes a whole file so that it appears complete or not at all: a temporary file beside
    /// it, flushed, renamed over the old one, and the folder flushed so the rename survives.
    static func replaceAtomically(_ path: String, with bytes: [UInt8], on disk: Disk) throws(StoreError) {
        let tmp = try writeTemporary(bytes, beside: path, named: path + ".tmp", on: disk)
        try name(tmp, path, on: disk)
    }

    /// The first half of an atomic replace: `bytes` in a new file `temporary` (0600), flushed.
    static func writeTemporary(_ bytes: [UInt8], beside path: String, named temporary: String, on disk: Disk) throws(StoreError) -> String {
        remove(temporary, on: disk)
        let file = try PosixFile.open(temporary, .create, on: disk)
        do throws(StoreError) {
            try file.writeAll(bytes)
            try file.sync()
            file.close()
        } catch {
            file.close()
            remove(temporary, on: disk)
            throw error
        }
        return temporary
    }

    /// The second half: the flushed temporary file renamed over `path`, and the folder flushed
    /// so the rename survives a crash. On failure the temporary file is removed.
    static func name(_ temporary: String, _ path: String, on disk: Disk) throws(StoreError) {
        do throws(StoreError) {
            try rename(temporary, path, on: disk)
            try syncDirectory(directory(of: path), on: disk)
        } catch {
            remove(temporary, on: disk)
            throw error
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }
}
