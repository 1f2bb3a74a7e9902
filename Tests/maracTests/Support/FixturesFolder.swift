import Foundation
import TestSupport

/// `Tests/Fixtures`: stores and bytes that earlier code wrote, kept to prove they still open.
let fixturesFolder: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path + "/Fixtures"
}()
