import Foundation
import Testing
import TestSupport

/// One clock: `MARAC_TODAY` pins today for every subcommand, and the same seed on the same day
/// makes the same store.
@Suite struct ClockCommandTests {
    @Test(arguments: ["2026-13-01", "28/11/2026", "2026-2-3", "tomorrow", "2026-02-29", "２０２６-１１-２８"])
    func aDayThatIsNotOneIsRefusedNamingTheVariable(value: String) {
        let refused = runProcess([maracBinary, "list", "referrals", "--store", "/nonexistent"], environment: ["MARAC_TODAY": value])
        #expect(refused.status == 64)
        #expect(refused.error.contains("MARAC_TODAY=\(value) is not a day: write it as YYYY-MM-DD"))
        #expect(refused.output.isEmpty)
    }

    @Test func theSameSeedAndDayMakeTheSameListingsByteForByte() {
        let one = DemoDesk(cases: 30, seed: 7), two = DemoDesk(cases: 30, seed: 7)
        for kind in ["referrals", "cases", "meetings", "actions"] {
            let a = one.run(["list", kind, "--format", "json"], as: "chair")
            let b = two.run(["list", kind, "--format", "json"], as: "chair")
            #expect(a.status == 0 && b.status == 0, "\(a.error)\(b.error)")
            #expect(a.output.count > 100, "\(kind) lists something")
            #expect(a.output == b.output, "\(kind) differ between two demo stores of seed 7 made on \(testToday)")
        }
    }

    @Test func aDemoMadeOnAnotherDayHoldsOtherDates() {
        let here = DemoDesk(cases: 10, seed: 7)
        let scratch = TemporaryFolder()
        let made = runProcess([maracBinary, "demo", "--store", scratch.root + "/store", "--cases", "10", "--seed", "7", "--no-tui"],
                              environment: ["MARAC_TODAY": "2031-05-14"])
        #expect(made.status == 0, "\(made.error)")
        let there = runProcess([maracBinary, "list", "meetings", "--format", "json", "--store", scratch.root + "/store", "--user", "viewer"],
                               environment: ["MARAC_TODAY": "2031-05-14", "MARAC_PASSPHRASE_FILE": here.passphrase])
        #expect(there.status == 0, "\(there.error)")
        #expect(there.output.contains("\"2031-"))
        #expect(here.run(["list", "meetings", "--format", "json"], as: "viewer").output != there.output)
    }

    @Test func everySubcommandCountsFromThePinnedDay() throws {
        let desk = DemoDesk(cases: 20, seed: 3)
        let open = try desk.list("actions").filter { $0["status"] as? String == "open" }
        let overdueToday = try desk.list("actions", ["--overdue"])
        let inTenYears = runProcess([maracBinary, "list", "actions", "--overdue", "--format", "json", "--store", desk.store, "--user", "chair"],
                                    environment: desk.environment.merging(["MARAC_TODAY": "2036-01-01"]) { $1 })
        #expect(inTenYears.status == 0, "\(inTenYears.error)")
        let overdueThen = try #require(try JSONSerialization.jsonObject(with: Data(inTenYears.output.utf8)) as? [[String: Any]])
        #expect(overdueToday.count < open.count, "on the tests' day some open actions are not yet due")
        #expect(overdueThen.count == open.count, "ten years on, every open action is overdue")
    }
}
