import Foundation

/// A fresh folder under the temporary folder for one test, removed with the value. `root` is
/// made at once; `path` names a folder inside it (a store, usually) that the test may create.
public final class TemporaryFolder {
    /// The folder made for the test.
    public let root: String
    /// `root/name`: where the test's store goes.
    public let path: String

    public init(_ name: String = "store") {
        var template = Array((NSTemporaryDirectory() + "/marac-test-XXXXXX").utf8CString)
        root = String(cString: mkdtemp(&template)!)
        path = root + "/" + name
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// A file inside `path`.
    public func file(_ name: String) -> String { path + "/" + name }

    public func bytes(_ name: String) -> [UInt8] { Array(FileManager.default.contents(atPath: file(name)) ?? Data()) }

    public func write(_ name: String, _ bytes: [UInt8]) { _ = FileManager.default.createFile(atPath: file(name), contents: Data(bytes)) }

    /// The names inside `path`, sorted.
    public func names() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? [] }
}
