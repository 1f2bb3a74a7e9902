import Foundation
import Testing
import TestSupport

/// A store made with `marac init` and nothing else: no demo data anywhere. Its coordinator is
/// `cora`; `run` runs a subcommand as her.
struct NewStore {
    let folder = TemporaryFolder()
    var store: String { folder.root + "/store" }
    let passphrase: String

    init(name: String = "Testshire MARAC") {
        passphrase = passphraseFile(in: folder, named: "pp", "a long and private passphrase")
        let made = runProcess([maracBinary, "init", "--store", folder.root + "/store", "--user", "cora", "--marac-name", name],
                              environment: ["MARAC_NEW_PASSPHRASE_FILE": passphrase])
        precondition(made.status == 0, made.error)
    }

    var environment: [String: String] { ["MARAC_PASSPHRASE_FILE": passphrase] }

    @discardableResult
    func run(_ arguments: [String], as user: String = "cora") -> (status: Int32, output: String, error: String) {
        runProcess([maracBinary] + arguments + ["--store", store, "--user", user], environment: environment)
    }

    /// Runs a subcommand that must succeed, and returns what it printed.
    @discardableResult
    func ok(_ arguments: [String]) -> String {
        let r = run(arguments)
        #expect(r.status == 0, "marac \(arguments.joined(separator: " ")): \(r.error)")
        return r.output
    }

    func json(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(ok(arguments + ["--format", "json"]).utf8))
    }

    /// The screen as the coordinator on `day`, at the first screen of what needs attention.
    func screen(on day: String) throws -> TmuxSession {
        let tmux = try TmuxSession([maracBinary, "--store", store, "--user", "cora"],
                                   environment: environment.merging(["MARAC_TODAY": day]) { $1 })
        try tmux.wait(for: "Needs your attention, cora")
        return tmux
    }

    /// A listing as JSON on `day`.
    func listed(_ kind: String, on day: String) throws -> [[String: Any]] {
        let r = runProcess([maracBinary, "list", kind, "--format", "json", "--store", store, "--user", "cora"],
                           environment: environment.merging(["MARAC_TODAY": day]) { $1 })
        #expect(r.status == 0, "\(r.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [[String: Any]])
    }

    /// A file beside the store.
    func write(_ name: String, _ text: String) -> String {
        let path = folder.root + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }
}
