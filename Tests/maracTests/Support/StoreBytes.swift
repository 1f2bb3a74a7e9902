import Foundation

/// Writes `bytes` into the file in place, keeping its owner-only mode, as damage on the disk
/// would; a file that is not there is made 0600. (Replacing it would give it the umask's mode,
/// which `marac verify` rightly reports.)
func overwriteInPlace(_ path: String, _ bytes: [UInt8]) {
    guard let handle = FileHandle(forWritingAtPath: path) else {
        FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        return
    }
    handle.truncateFile(atOffset: 0)
    handle.write(Data(bytes))
    handle.closeFile()
}
