import Foundation
import Testing
import TestSupport

/// The quarterly return can be checked before it is sent: every figure of `marac report
/// quarterly` is counted again here by hand from `marac list meetings`, `marac list cases` and
/// `marac agency list`, as a performance officer with a spreadsheet would.
@Suite struct QuarterlyReturnEndToEndTests {
    @Test(arguments: ["2026-Q3", "2026-Q4"])
    func theReturnEqualsAHandCountFromTheListings(quarter: String) throws {
        let desk = DemoDesk(cases: 160, seed: 1)
        let report = desk.run(["report", "quarterly", quarter, "--format", "json"], as: "viewer")
        #expect(report.status == 0, "\(report.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any])
        let figures = try #require(object["figures"] as? [[String: Any]])
        func figure(_ key: String) -> Int? { figures.first { $0["key"] as? String == key }?["value"] as? Int }

        let months: ClosedRange<Int> = quarter.hasSuffix("Q3") ? 7...9 : 10...12
        func inQuarter(_ iso: String) -> Bool {
            let parts = iso.split(separator: "-").compactMap { Int($0) }
            return parts.count == 3 && parts[0] == 2026 && months.contains(parts[1])
        }
        let meetings = try desk.list("meetings").filter { inQuarter($0["date"] as? String ?? "") && ["in-progress", "ended"].contains($0["status"] as? String) }
        let cases = Dictionary(uniqueKeysWithValues: try desk.list("cases").map { ($0["id"] as! String, $0) })
        let kinds = Dictionary(uniqueKeysWithValues: try desk.json(["agency", "list", "--all"]).map { ($0["name"] as! String, $0["kind"] as! String) })
        let minoritised: Set<String> = ["mixed", "asian", "black", "other", "gypsy-or-irish-traveller", "roma", "other-white"]

        var discussed = 0, repeats = 0, children = 0, police = 0, male = 0, young = 0, bame = 0, lgbt = 0, disabled = 0, youngPerpetrators = 0
        for id in meetings.flatMap({ $0["heard"] as? [String] ?? [] }) {
            let c = try #require(cases[id])
            guard c["status"] as? String != "recorded-in-error" else { continue }
            discussed += 1
            if !(c["repeat_of"] is NSNull) { repeats += 1 }
            children += c["children"] as? Int ?? 0
            if kinds[c["agency"] as? String ?? ""] == "police" { police += 1 }
            let victim = try #require(c["victim"] as? [String: Any])
            if victim["gender"] as? String == "male" { male += 1 }
            if let age = victim["age_at_referral"] as? Int, age == 16 || age == 17 { young += 1 }
            if minoritised.contains(victim["ethnicity"] as? String ?? "") { bame += 1 }
            if victim["lgbt"] as? String == "yes" { lgbt += 1 }
            if victim["disability"] as? String == "yes" { disabled += 1 }
            youngPerpetrators += (c["perpetrators"] as? [[String: Any]] ?? []).filter { ($0["age_at_referral"] as? Int ?? 99) <= 17 }.count
        }
        #expect(discussed > 20, "the quarter has cases to count")
        #expect(figure("meetings") == meetings.count)
        #expect(figure("cases") == discussed)
        #expect(figure("repeat_cases") == repeats)
        #expect(figure("children") == children)
        #expect(figure("police_referrals") == police)
        #expect(figure("non_police_referrals") == discussed - police)
        #expect(figure("male_victims") == male)
        #expect(figure("victims_16_17") == young)
        #expect(figure("bame_victims") == bame)
        #expect(figure("lgbt_victims") == lgbt)
        #expect(figure("disabled_victims") == disabled)
        #expect(figure("perpetrators_17_under") == youngPerpetrators)
        #expect(bame > 0 && repeats > 0, "the demo has figures to check in \(quarter)")
    }
}
