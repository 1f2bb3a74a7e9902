import Foundation

/// Whether JSON text `newer` still says everything `older` said: every key of every object is
/// there with a value that contains the old one, arrays have the same length and contain the
/// old elements in order, and scalars are equal. Keys may be added, never renamed or removed:
/// the promise Docs/cli.md makes to scripts.
///
/// `nowNotKnown` names keys whose older 0 may now be null: values an older marac listed as 0
/// where the store recorded nothing, which the newer one lists truthfully as not known (issue 20,
/// 2: children). Any other change to those keys is still a difference.
///
/// - Returns: nil when it does, else the path of the first difference (`[3].victim.dob`).
public func jsonDifference(from older: String, to newer: String, nowNotKnown: Set<String> = []) -> String? {
    guard let a = try? JSONSerialization.jsonObject(with: Data(older.utf8), options: [.fragmentsAllowed]) else { return "the older text is not JSON" }
    guard let b = try? JSONSerialization.jsonObject(with: Data(newer.utf8), options: [.fragmentsAllowed]) else { return "the newer text is not JSON" }
    return jsonDifference(a, b, at: "", key: nil, nowNotKnown: nowNotKnown)
}

private func jsonDifference(_ a: Any, _ b: Any, at path: String, key: String?, nowNotKnown: Set<String>) -> String? {
    switch (a, b) {
    case let (a as [String: Any], b as [String: Any]):
        for key in a.keys.sorted() {
            guard let bValue = b[key] else { return "\(path).\(key) is missing" }
            if let d = jsonDifference(a[key]!, bValue, at: path + "." + key, key: key, nowNotKnown: nowNotKnown) { return d }
        }
        return nil
    case let (a as [Any], b as [Any]):
        guard a.count == b.count else { return "\(path) has \(b.count) elements, not \(a.count)" }
        for (i, (x, y)) in zip(a, b).enumerated() {
            if let d = jsonDifference(x, y, at: "\(path)[\(i)]", key: nil, nowNotKnown: nowNotKnown) { return d }
        }
        return nil
    case (is NSNull, is NSNull):
        return nil
    case let (a as NSNumber, is NSNull) where key.map(nowNotKnown.contains) == true && a == 0:
        return nil
    case let (a as NSNumber, b as NSNumber):
        return a == b ? nil : "\(path) was \(a), is \(b)"
    case let (a as String, b as String):
        return a == b ? nil : "\(path) was \"\(a)\", is \"\(b)\""
    default:
        return "\(path) changed type"
    }
}
