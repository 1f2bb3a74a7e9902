import Foundation
import Testing
@testable import MARACExchange

/// JSON from typed records, set out as marac has always written it.
@Suite struct JSONOutputTests {
    struct Sample: Encodable {
        var text: String
        @OrNull var missing: String?
        var empty: [String]
        var none: [String: Int]
        var nested: [[Int]]
        var flag: Bool
        var whole: Double
        var tenth: Double
    }

    @Test func awkwardTextIsEscapedAndEmptyContainersStayOnOneLine() {
        let sample = Sample(text: "Zoë \"Z\" \\ 李\n\t\u{1}\u{8}\u{C}\u{7F}\u{2028}\u{2029}/", missing: nil, empty: [], none: [:],
                            nested: [[], [1, 2]], flag: true, whole: 40, tenth: 12.3)
        let expected = """
            {
              "empty": [],
              "flag": true,
              "missing": null,
              "nested": [
                [],
                [
                  1,
                  2
                ]
              ],
              "none": {},
              "tenth": 12.3,
              "text": "Zoë \\"Z\\" \\\\ 李\\n\\t\\u0001\\u0008\\u000c\\u007f\\u2028\\u2029/",
              "whole": 40
            }

            """
        #expect(JSONOutput.render(sample) == expected)
    }

    @Test func theOutputIsJSONThatReadsBackToTheSameValues() throws {
        let sample = Sample(text: "a\u{2028}b", missing: "here", empty: ["x"], none: ["k": 1], nested: [[3]], flag: false, whole: -2, tenth: 0.1)
        let text = JSONOutput.render(sample)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["text"] as? String == "a\u{2028}b")
        #expect(object["missing"] as? String == "here")
        #expect((object["none"] as? [String: Int])?["k"] == 1)
        #expect(object["tenth"] as? Double == 0.1)
    }
}
