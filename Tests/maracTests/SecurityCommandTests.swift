import Foundation
import Testing
import TestSupport

/// The security commands as an admin would use them from a shell.
@Suite struct SecurityCommandTests {
    @Test func initCreatesAStoreThatOnlyTheRightPassphraseOpens() {
        let scratch = TemporaryFolder()
        let store = scratch.root + "/store"
        let good = passphraseFile(in: scratch, named: "good", "correct horse battery")
        let created = runProcess([maracBinary, "init", "--store", store, "--user", "cora", "--marac-name", "Testshire MARAC"],
                                 environment: ["MARAC_NEW_PASSPHRASE_FILE": good])
        #expect(created.status == 0, "\(created.error)")
        #expect(created.output.contains("cora as its coordinator"))

        let listed = runProcess([maracBinary, "user", "list", "--store", store, "--user", "cora"], environment: ["MARAC_PASSPHRASE_FILE": good])
        #expect(listed.status == 0, "\(listed.error)")
        #expect(listed.output.hasPrefix("cora\tcoordinator"))

        let wrong = passphraseFile(in: scratch, named: "wrong", "incorrect horse")
        let refused = runProcess([maracBinary, "verify", "--store", store, "--user", "cora"], environment: ["MARAC_PASSPHRASE_FILE": wrong])
        #expect(refused.status == 1)
        #expect(refused.error.contains("Wrong passphrase for cora"))

        let open = passphraseFile(in: scratch, named: "open", "correct horse battery", mode: 0o644)
        let loose = runProcess([maracBinary, "verify", "--store", store, "--user", "cora"], environment: ["MARAC_PASSPHRASE_FILE": open])
        #expect(loose.status == 1)
        #expect(loose.error.contains("can be read by other users"))

        // No terminal and no file: a clear message, not a hang.
        let none = runProcess([maracBinary, "verify", "--store", store, "--user", "cora"], environment: ["MARAC_PASSPHRASE_FILE": ""])
        #expect(none.status == 1)
        #expect(none.error.contains("MARAC_PASSPHRASE_FILE"))
    }

    @Test func usersAreAddedAndRemovedByACoordinatorAndRemovalReplacesTheKey() {
        let scratch = TemporaryFolder()
        let store = scratch.root + "/store"
        let demo = runProcess([maracBinary, "demo", "--store", store, "--cases", "10", "--no-tui"])
        #expect(demo.status == 0, "\(demo.error)")
        #expect(demo.output.contains("passphrase \"demo\""))
        let demoFile = passphraseFile(in: scratch, named: "demo", "demo")
        let newFile = passphraseFile(in: scratch, named: "new", "a long new passphrase")
        let env = ["MARAC_PASSPHRASE_FILE": demoFile, "MARAC_NEW_PASSPHRASE_FILE": newFile]

        let byAdmin = runProcess([maracBinary, "user", "add", "eve", "--role", "viewer", "--store", store, "--user", "admin"], environment: env)
        #expect(byAdmin.status == 1)
        #expect(byAdmin.error.contains("coordinator role"))

        let added = runProcess([maracBinary, "user", "add", "eve", "--role", "viewer", "--store", store, "--user", "coordinator"], environment: env)
        #expect(added.status == 0, "\(added.error)")
        let eve = runProcess([maracBinary, "verify", "--store", store, "--user", "eve"], environment: ["MARAC_PASSPHRASE_FILE": newFile])
        #expect(eve.status == 0, "\(eve.error)")
        #expect(eve.output.contains("eve (viewer)"))

        let removed = runProcess([maracBinary, "user", "remove", "eve", "--store", store, "--user", "coordinator"], environment: env)
        #expect(removed.status == 0, "\(removed.error)")
        #expect(removed.output.contains("epoch 2"))
        let gone = runProcess([maracBinary, "verify", "--store", store, "--user", "eve"], environment: ["MARAC_PASSPHRASE_FILE": newFile])
        #expect(gone.status == 1)
        #expect(gone.error.contains("no user called eve"))
        let verified = runProcess([maracBinary, "verify", "--store", store, "--user", "chair"], environment: env)
        #expect(verified.status == 0)
        #expect(verified.output.contains("key epoch 2"))
        #expect(verified.output.contains("chain head:"))
    }

    @Test(.enabled(if: tmuxAvailable, "tmux is not installed"))
    func openingACaseOnScreenShowsInTheAuditTrail() throws {
        let scratch = TemporaryFolder()
        let store = scratch.root + "/store"
        #expect(runProcess([maracBinary, "demo", "--store", store, "--cases", "20", "--no-tui"]).status == 0)
        let demoFile = passphraseFile(in: scratch, named: "demo", "demo")
        let tmux = try TmuxSession([maracBinary, "--store", store, "--user", "chair"], environment: ["MARAC_PASSPHRASE_FILE": demoFile])
        try tmux.wait(for: "user chair (chair)")
        tmux.send("4")
        try tmux.wait(for: "open actions, by due date")
        tmux.send("Enter")
        let screen = try tmux.wait(for: "the case view") { $0.contains("Referred by") && $0.contains("│ Case view") }
        let caseID = screen.components(separatedBy: "\n")[1].split(separator: " ").first.map(String.init) ?? ""
        #expect(caseID.hasPrefix("C-"))
        tmux.send("q")
        try tmux.wait(for: "[exited 0]")
        let audit = runProcess([maracBinary, "audit", "--case", caseID, "--store", store, "--user", "viewer"],
                               environment: ["MARAC_PASSPHRASE_FILE": demoFile])
        #expect(audit.status == 0, "\(audit.error)")
        #expect(audit.output.contains("chair"))
        #expect(audit.output.contains("viewed"))
        #expect(audit.output.contains("accept referral"))
    }
}
