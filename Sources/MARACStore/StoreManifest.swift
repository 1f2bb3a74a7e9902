import Foundation

/// `store.json`: marks a folder as a marac store and says which format it holds. Small, plain
/// JSON, so a person (or another program) can tell what the folder is.
struct StoreManifest: Codable, Equatable {
    var format: String
    var version: Int
    var id: String
    var created: String

    static let formatName = "marac-store"
    static let currentVersion = 1
    static let fileName = "store.json"

    static func new() -> StoreManifest {
        var bytes = [UInt8](repeating: 0, count: 16)
        var rng = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
        let id = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        return StoreManifest(format: formatName, version: currentVersion, id: id,
                             created: ISO8601DateFormatter().string(from: Date()))
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    static func read(in directory: String) throws(StoreError) -> StoreManifest {
        let path = directory + "/" + fileName
        guard FileSystem.isDirectory(directory) else {
            throw .notAStore(path: directory, reason: FileSystem.exists(directory) ? "it is not a folder" : "the folder does not exist")
        }
        guard FileSystem.exists(path) else {
            throw .notAStore(path: directory, reason: "it has no \(fileName); create a store with marac init or marac demo")
        }
        let bytes = try PosixFile.open(path, .read).readAll()
        guard let manifest = try? JSONDecoder().decode(StoreManifest.self, from: Data(bytes)),
              manifest.format == formatName else {
            throw .notAStore(path: directory, reason: "\(fileName) is not a marac store description")
        }
        guard manifest.version <= currentVersion else {
            throw .notAStore(path: directory, reason: "it was written by a newer marac (format \(manifest.version))")
        }
        return manifest
    }
}
