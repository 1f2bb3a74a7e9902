import Foundation
import Testing
import TestSupport

/// A demo store made by `marac demo --no-tui` in a folder of its own, and what the tests do
/// with it: run subcommands as one of its users, read its records back as JSON, open the
/// screen in tmux. Tests read what they expect from these records, never from the calendar.
struct DemoDesk {
    let scratch = TemporaryFolder()
    var store: String { scratch.root + "/store" }
    /// A file holding the demo users' passphrase, readable by its owner only.
    let passphrase: String

    init(cases: Int = 60, seed: UInt64 = 2) {
        passphrase = passphraseFile(in: scratch, named: "pp", "demo")
        let made = runProcess([maracBinary, "demo", "--store", scratch.root + "/store", "--cases", "\(cases)", "--seed", "\(seed)", "--no-tui"])
        precondition(made.status == 0, made.error)
    }

    var environment: [String: String] { ["MARAC_PASSPHRASE_FILE": passphrase] }

    /// `marac ARGUMENTS --store STORE --user USER`.
    func run(_ arguments: [String], as user: String = "coordinator") -> (status: Int32, output: String, error: String) {
        runProcess([maracBinary] + arguments + ["--store", store, "--user", user], environment: environment)
    }

    /// The JSON array a listing command prints (`--format json` is added), as the chair
    /// (listings of personal data are not for viewers).
    func json(_ arguments: [String], as user: String = "chair") throws -> [[String: Any]] {
        let listed = run(arguments + ["--format", "json"], as: user)
        #expect(listed.status == 0, "\(listed.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
    }

    /// `marac list KIND --format json`, as the chair.
    func list(_ kind: String, _ options: [String] = []) throws -> [[String: Any]] {
        try json(["list", kind] + options)
    }

    /// The screen as `user`, at the first screen of what needs their attention.
    func open(as user: String, rows: Int = 40, columns: Int = 120, term: String = "tmux-256color", options: [String] = []) throws -> TmuxSession {
        let tmux = try TmuxSession([maracBinary, "--store", store, "--user", user] + options, rows: rows, columns: columns, term: term,
                                   environment: environment)
        try tmux.wait(for: "Needs your attention, \(user)")
        return tmux
    }

    /// Opens the screen as the coordinator (at `rows`x`columns`, with any other options) and
    /// starts the next scheduled meeting; returns the session and the meeting's id.
    func startNextMeeting(rows: Int = 40, columns: Int = 120, options: [String] = []) throws -> (TmuxSession, String) {
        let meeting = try #require(try list("meetings").first { $0["status"] as? String == "scheduled" })
        let id = try #require(meeting["id"] as? String)
        let tmux = try open(as: "coordinator", rows: rows, columns: columns, options: options)
        tmux.send("3")
        try tmux.wait(for: id)
        tmux.send("M")
        try tmux.wait(for: "Start \(id)")
        tmux.send("y")
        try tmux.wait(for: "1. Attendance")
        return (tmux, id)
    }

    /// Every file of the store and its bytes, but the lock file (which names the last writer).
    func files() -> [String: Data] {
        var out: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: store)) ?? [] where name != "LOCK" {
            out[name] = FileManager.default.contents(atPath: store + "/" + name)
        }
        return out
    }

    /// A file beside the store (a spreadsheet to import, say), with a byte order mark unless told.
    func write(_ name: String, _ text: String, bom: Bool = true) -> String {
        let path = scratch.root + "/" + name
        FileManager.default.createFile(atPath: path, contents: (bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8))
        return path
    }

    /// The id of the case the live meeting's screen is hearing: the line with its timer.
    static func caseBeingHeard(_ screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains("of 12:00") }.flatMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// Waits until the status bar shows `text` (the message a saved step gives), read with
    /// the rows a long message wraps onto above it.
    static func saved(_ tmux: TmuxSession, _ text: String) throws {
        try tmux.wait(for: "the message \"\(text)\"") { status($0).contains(text) }
    }

    /// The status bar and the two rows above it, as one line: a long message wraps onto them.
    static func status(_ screen: String) -> String {
        screen.split(separator: "\n").suffix(3).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

/// A passphrase file in `scratch`, mode 600 unless told otherwise.
func passphraseFile(in scratch: TemporaryFolder, named name: String, _ text: String, mode: mode_t = 0o600) -> String {
    let path = scratch.root + "/" + name
    FileManager.default.createFile(atPath: path, contents: Data((text + "\n").utf8))
    chmod(path, mode)
    return path
}
