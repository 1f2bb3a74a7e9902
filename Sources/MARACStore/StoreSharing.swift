#if canImport(Glibc)
import Glibc
#endif

/// Who on the host may reach a store's files: its owner alone (the default), or the members of
/// one Unix group, so that each person logs in as their own account and the audit names them.
///
/// The folder's own mode says which: a shared store's folder is setgid and group-writable
/// (2770), so every file created in it takes the folder's group, and marac gives every file it
/// writes there mode 0660 whatever the writer's umask; a private store's folder is 0700 and its
/// files 0600. The files still hold only ciphertext: the group lets a person reach the store,
/// their passphrase lets them open it. Exports stay 0600 and the exporter's (PrivateFile).
public enum StoreSharing {
    /// The store's group, or nil for a private store.
    public static func group(of folder: String) -> gid_t? {
        var st = stat()
        guard stat(folder, &st) == 0, st.st_mode & S_ISGID != 0, st.st_mode & 0o070 == 0o070 else { return nil }
        return st.st_gid
    }

    /// The mode for a file marac writes in `folder`: 0660 in a shared store, 0600 otherwise.
    static func fileMode(inFolder folder: String) -> mode_t {
        group(of: folder) == nil ? 0o600 : 0o660
    }

    /// A group by name, with the reason when it cannot be the store's: no such group, or the
    /// person running marac is not in it (the kernel would refuse to give it the files).
    public static func resolve(group name: String) throws(StoreError) -> gid_t {
        guard let entry = getgrnam(name) else {
            throw .refused("There is no Unix group called \(name) on this host; an administrator creates it with: groupadd \(name)")
        }
        let gid = entry.pointee.gr_gid
        guard getuid() == 0 || getegid() == gid || memberGroups().contains(gid) else {
            throw .refused("You are not in the group \(name), so marac cannot give the store to it; an administrator adds you with: "
                + "usermod -a -G \(name) \(userName())")
        }
        return gid
    }

    /// Gives the store folder and every file in it to `gid`: the folder 2770, each file 0660.
    /// A link or a folder inside is refused rather than followed or changed.
    public static func share(_ folder: String, group gid: gid_t) throws(StoreError) {
        for name in FileSystem.list(folder) {
            let path = folder + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { throw .io(operation: "examine", path: path, errno: errno) }
            guard st.st_mode & S_IFMT == S_IFREG else {
                throw .refused("\(path) is not a regular file; a store folder holds only its own files. Move it away, then share the store again.")
            }
        }
        guard chown(folder, uid_t.max, gid) == 0 else { throw .io(operation: "give to the group", path: folder, errno: errno) }
        guard chmod(folder, 0o2770) == 0 else { throw .io(operation: "change the mode of", path: folder, errno: errno) }
        for name in FileSystem.list(folder) {
            let path = folder + "/" + name
            guard chown(path, uid_t.max, gid) == 0 else { throw .io(operation: "give to the group", path: path, errno: errno) }
            guard chmod(path, 0o660) == 0 else { throw .io(operation: "change the mode of", path: path, errno: errno) }
        }
    }

    /// What breaks the rule, one line per file: in a shared store a file of another group or
    /// not 0660; in a private one a file another account owns or others may reach; and any
    /// folder that lets everyone in.
    public static func problems(in folder: String) -> [String] {
        var st = stat()
        guard stat(folder, &st) == 0 else { return [] }
        var out: [String] = []
        if st.st_mode & 0o007 != 0 { out.append("\(folder) lets every account on the host in (mode \(octal(st.st_mode & 0o7777))); run: chmod o= \(folder)") }
        let shared = group(of: folder)
        for name in FileSystem.list(folder) {
            let path = folder + "/" + name
            var f = stat()
            guard lstat(path, &f) == 0 else { continue }
            let mode = f.st_mode & 0o7777
            if let gid = shared {
                if f.st_gid != gid { out.append("\(path) belongs to group \(groupName(f.st_gid)), not the store's \(groupName(gid)): the others cannot read it") }
                if mode != 0o660 { out.append("\(path) has mode \(octal(mode)), not 0660") }
            } else {
                if f.st_uid != st.st_uid { out.append("\(path) is owned by \(ownerName(f.st_uid)), not the store's owner \(ownerName(st.st_uid))") }
                if mode & 0o077 != 0 { out.append("\(path) has mode \(octal(mode)): other accounts can read it; run: chmod 600 \(path)") }
            }
        }
        return out
    }

    static func memberGroups() -> [gid_t] {
        let count = getgroups(0, nil)
        guard count > 0 else { return [] }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let n = getgroups(count, &groups)
        return n > 0 ? Array(groups.prefix(Int(n))) : []
    }

    static func userName() -> String {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return "USER" }
        return String(cString: name)
    }

    public static func groupName(_ gid: gid_t) -> String {
        guard let entry = getgrgid(gid), let name = entry.pointee.gr_name else { return "\(gid)" }
        return String(cString: name)
    }

    static func ownerName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }

    static func octal(_ mode: mode_t) -> String { "0" + String(mode, radix: 8) }
}
