/// Why the store could not do what was asked. Each case names the file (and where it matters
/// the byte offset) and says what the coordinator can do about it.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A system call failed: `operation` on `path`, with the C library's error number.
    case io(operation: String, path: String, errno: Int32)
    /// The folder is not a marac store (no header), or is a newer format.
    case notAStore(path: String, reason: String)
    case alreadyExists(path: String)
    /// Bytes that should be intact are not: a checksum or structure failure before the end.
    case corrupt(path: String, offset: Int, reason: String)
    /// Another process is writing to the store.
    case locked(path: String, holder: LockHolder?)
    /// The store was opened read-only (another writer holds it, or it is damaged).
    case readOnly(reason: String)
    /// A write failed part way and could not be undone; the store refuses further writes
    /// until it is opened again.
    case failed(reason: String)
    /// The passphrase does not open this user's key slot.
    case wrongPassphrase(user: String)
    /// The store has no key slot for this user.
    case unknownUser(user: String, path: String)
    /// The header (users, roles, keys) was changed by someone without the data key.
    case headerTampered(path: String, reason: String)
    /// A user-management step the signed-in user's role does not allow, or that would break the store.
    case refused(String)
    /// No passphrase could be read (no terminal to ask at, no MARAC_PASSPHRASE_FILE).
    case noPassphrase(String)

    public var description: String { message }

    public var message: String {
        switch self {
        case .io(let op, let path, let code):
            let hint: String
            switch code {
            case 28, 27, 122: hint = " There is no room to write: free some space and try again; nothing was saved."
            case 13, 1: hint = " Check the folder's owner and permissions."
            case 2: hint = ""
            case 5: hint = " The disk reported an input/output error; copy the store elsewhere and run marac verify."
            default: hint = ""
            }
            return "Could not \(op) \(path): \(Self.describe(errno: code)).\(hint)"
        case .notAStore(let path, let reason):
            return "\(path) is not a marac store: \(reason)."
        case .alreadyExists(let path):
            return "\(path) already holds a marac store; open it with --store, or choose another folder."
        case .corrupt(let path, let offset, let reason):
            return "\(path) is damaged at byte \(offset): \(reason). Nothing was changed. Keep a copy of the folder; "
                + "marac repair shows whether the damage can be cut away and what that would remove."
        case .locked(let path, let holder):
            if let h = holder, h.named {
                return "The store at \(path) is open for writing by \(h.user) (process \(h.pid) on \(h.host), since \(h.sinceLocally))."
            }
            if let h = holder {
                return "The store at \(path) is open for writing by process \(h.pid) (Unix account \(h.user) on \(h.host)). "
                    + "Its LOCK file does not name that process (it was deleted or changed), so which marac user it is is not known."
            }
            return "The store at \(path) is open for writing by another process."
        case .readOnly(let reason):
            return "The store is open read-only: \(reason)."
        case .failed(let reason):
            return "The store stopped accepting changes: \(reason). Quit and open it again."
        case .wrongPassphrase(let user):
            return "Wrong passphrase for \(user). Nothing was decrypted; try again."
        case .unknownUser(let user, let path):
            return "\(path) has no user called \(user); a coordinator can add you with: marac user add \(user) --role ROLE"
        case .headerTampered(let path, let reason):
            return "\(path)/store.json has been altered: \(reason). The store was not opened; keep a copy and restore store.json from a backup."
        case .refused(let reason):
            return reason
        case .noPassphrase(let reason):
            return reason
        }
    }

    /// What was found, without the advice ``message`` adds: for `marac repair`, which gives
    /// its own.
    public var finding: String {
        switch self {
        case .corrupt(let path, let offset, let reason): "\(path) is damaged at byte \(offset): \(reason)."
        case .headerTampered(let path, let reason): "\(path)/store.json has been altered: \(reason)."
        default: message
        }
    }

    static func describe(errno code: Int32) -> String {
        switch code {
        case 1: "operation not permitted"
        case 2: "no such file or folder"
        case 5: "input/output error"
        case 13: "permission denied"
        case 17: "it already exists"
        case 20: "not a folder"
        case 21: "it is a folder"
        case 27: "the file is larger than this system allows"
        case 28: "no space left on the device"
        case 30: "the file system is read-only"
        case 122: "disk quota exceeded"
        default: "error \(code)"
        }
    }
}
